"""The security tests of issue 16 use the small province and the dossier fixtures of ``tests/dossiers``."""

from tests.dossiers.conftest import officers, procedure  # noqa: F401  (fixtures)
