"""The portal tests use the small province of the dossier tests (one procedure received at the provincial centre
and handled by Sở Tư pháp, one officer per role); the applicant of ``request_for()`` is Trần Thị Bình, phone
0912345678, ID number 038190001234. The throttle's counts live in the cache: cleared around every test."""

import re

import pytest
from django.core.cache import cache

from tests.dossiers.conftest import (  # noqa: F401  (fixtures shared with the dossier tests)
    make_procedure,
    officers,
    partner,
    procedure,
)

PHONE_LAST4 = "5678"
ID_LAST4 = "1234"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def track_url(ident: str) -> str:
    return f"/tra-cuu/{ident}/"


@pytest.fixture
def unlock(client):
    """``unlock(ident, check)`` → the response to the check posted on the dossier's tracking page."""

    def post(ident, check, **extra):
        return client.post(track_url(ident), {"check": check}, **extra)

    return post


def without_tokens(page: str, code: str = "") -> str:
    """The page with its CSRF tokens (masked anew on every response) and ``code`` blanked, to compare two pages."""
    page = re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", page)
    return page.replace(code, "CODE") if code else page
