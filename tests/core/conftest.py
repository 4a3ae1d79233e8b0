"""The core tests borrow the dossier tests' procedure, officers and API clients, and the feedback tests' staff and
sender (for the after-commit events, ``test_a_failing_receiver_leaves_the_others_working``)."""

from tests.dossiers.api_support import api_fixture  # noqa: F401
from tests.dossiers.conftest import officers, procedure  # noqa: F401
from tests.feedback.conftest import send, staff  # noqa: F401
