"""The security tests of issue 16 use the small province and the dossier and feedback fixtures of ``tests/dossiers``
and ``tests/feedback``."""

from tests.dossiers.conftest import officers, procedure  # noqa: F401  (fixtures)
from tests.feedback.conftest import send, staff  # noqa: F401  (fixtures)
