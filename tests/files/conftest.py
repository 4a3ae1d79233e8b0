"""The files tests use the small province of the dossier tests (one procedure received at the provincial centre and
handled by Sở Tư pháp, one officer per role) plus a digitisation officer at the centre, and a storage folder of
their own per test, so that "nothing was stored" is checked by listing it."""

import datetime as dt

import pytest

from motcua.dossiers.models import StoredFile
from tests.builders.org import assign


@pytest.fixture(autouse=True)
def _files_urls(settings):
    settings.ROOT_URLCONF = "tests.files.urls"


@pytest.fixture(autouse=True)
def _files_store_in_a_folder_of_their_own(storage_root):
    """Every files test stores in a folder of its own (``storage_root``)."""


@pytest.fixture
def stored(storage_root):
    """``stored()`` → (number of StoredFile rows, files in the storage folder)."""

    def state():
        files = sorted(str(p.relative_to(storage_root)) for p in storage_root.rglob("*") if p.is_file())
        return StoredFile.objects.count(), files

    return state


@pytest.fixture
def digitiser(django_user_model, province):
    user = django_user_model.objects.create_user(
        "sohoa.cuc", password="x-long-password-1", first_name="Cúc", last_name="Lê Thị"
    )
    assign(user, "DIGITIZER", province["centre"], valid_from=dt.date(2024, 1, 1))
    return user


@pytest.fixture
def other_digitiser(django_user_model, province):
    """A digitisation officer of another unit (a commune)."""
    user = django_user_model.objects.create_user("sohoa.khac", password="x-long-password-1")
    assign(user, "DIGITIZER", province["commune_a"], valid_from=dt.date(2024, 1, 1))
    return user
