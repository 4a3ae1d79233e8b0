"""The portal tests use the small province of the dossier tests (one procedure received at the provincial centre
and handled by Sở Tư pháp, one officer per role); the applicant of ``request_for()`` is Trần Thị Bình, phone
0912345678, ID number 038190001234. The throttle's counts live in the cache: cleared around every test."""

import pytest

from tests.builders.portal import make_citizen, track_url


@pytest.fixture(autouse=True)
def _portal_starts_with_an_empty_cache(empty_cache):
    """The throttle's counts: cleared around every test (``empty_cache``)."""


@pytest.fixture(autouse=True)
def _portal_stores_in_a_folder_of_its_own(storage_root):
    """Every portal test stores its files in a folder of its own (``storage_root``)."""


@pytest.fixture
def unlock(client):
    """``unlock(ident, check)`` → the response to the check posted on the dossier's tracking page."""

    def post(ident, check, **extra):
        return client.post(track_url(ident), {"check": check}, **extra)

    return post


@pytest.fixture
def stored_counts(storage_root):
    """``stored_counts()`` → (number of StoredFile rows, number of files in the storage folder)."""
    from motcua.dossiers.models import StoredFile

    def state():
        return StoredFile.objects.count(), sum(1 for p in storage_root.rglob("*") if p.is_file())

    return state


@pytest.fixture
def citizen(django_user_model):
    return make_citizen(django_user_model, "cd.binh")


@pytest.fixture
def stranger(django_user_model):
    return make_citizen(django_user_model, "cd.khac", full_name="Lê Văn Khác", id_number="038190009999")
