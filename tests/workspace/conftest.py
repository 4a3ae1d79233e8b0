"""The workspace tests use the small province of the dossier tests (one procedure, one officer per role) and a
browser-like client signed in as one of the officers."""

import pytest

from tests.dossiers.conftest import (  # noqa: F401  (fixtures shared with the dossier tests)
    make_procedure,
    officers,
    partner,
    procedure,
)


@pytest.fixture
def signed_in(client):
    """``signed_in(user)`` → the test client signed in as ``user`` (one client: the last sign-in wins)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
