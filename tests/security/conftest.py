"""The security tests of issue 16 use the small province and the dossier and feedback fixtures of ``tests/dossiers``
and ``tests/feedback``, and the accounts tests' mock VNeID."""

from tests.accounts.conftest import mock_idp, mock_key_file  # noqa: F401  (fixtures)
from tests.dossiers.conftest import officers, procedure  # noqa: F401  (fixtures)
from tests.feedback.conftest import send, staff  # noqa: F401  (fixtures)
