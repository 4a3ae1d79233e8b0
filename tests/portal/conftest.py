"""The portal tests use the small province of the dossier tests (one procedure received at the provincial centre
and handled by Sở Tư pháp, one officer per role); the applicant of ``request_for()`` is Trần Thị Bình, phone
0912345678, ID number 038190001234. The throttle's counts live in the cache: cleared around every test."""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone

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


# --- the signed-in citizen's pages ---------------------------------------------------------------------------------

PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture(autouse=True)
def storage_root(settings, tmp_path):
    """A storage folder of the test's own, so "nothing was stored" is checked by listing it."""
    root = tmp_path / "files"
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return root


@pytest.fixture
def stored(storage_root):
    """``stored()`` → (number of StoredFile rows, number of files in the storage folder)."""
    from motcua.dossiers.models import StoredFile

    def state():
        return StoredFile.objects.count(), sum(1 for p in storage_root.rglob("*") if p.is_file())

    return state


def make_citizen(
    django_user_model, username, *, full_name="Trần Thị Bình", id_number="038190001234", **extra
):
    from motcua.accounts.models import Citizen

    user = django_user_model.objects.create_user(username, password="x-long-password-1")
    Citizen.objects.create(
        user=user,
        full_name=full_name,
        id_number=id_number,
        phone=extra.pop("phone", "0912345678"),
        address=extra.pop("address", "Phường Hạc Thành"),
        # a local account signs in once its e-mail is confirmed (accounts)
        email=extra.pop("email", f"{username}@example.vn"),
        email_verified_at=extra.pop("email_verified_at", timezone.now()),
        **extra,
    )
    return user


@pytest.fixture
def citizen(django_user_model):
    return make_citizen(django_user_model, "cd.binh")


@pytest.fixture
def stranger(django_user_model):
    return make_citizen(django_user_model, "cd.khac", full_name="Lê Văn Khác", id_number="038190009999")


@pytest.fixture
def signed_in(client):
    def sign(user):
        client.force_login(user)
        return client

    return sign


def online_for(user, **overrides):
    """A dossier submitted online by ``user`` (status 1), through intake as the portal does."""
    from django.utils import timezone

    from motcua.dossiers.services.intake import submit_online
    from tests.dossiers.conftest import request_for

    return submit_online(request_for(account_id=user.pk, **overrides), user, at=timezone.now())
