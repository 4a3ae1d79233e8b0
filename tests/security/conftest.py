"""The security tests use the small province of the dossier tests (one officer per role) and the accounts tests'
mock VNeID."""

from tests.accounts.conftest import mock_idp, mock_key_file  # noqa: F401  (fixtures)
from tests.dossiers.conftest import officers, procedure  # noqa: F401  (fixtures)
