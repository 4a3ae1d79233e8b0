"""The files tests use the small province of the dossier tests (one procedure received at the provincial centre and
handled by Sở Tư pháp, one officer per role) plus a digitisation officer at the centre, and a storage folder of
their own per test, so that "nothing was stored" is checked by listing it."""

import pytest

from motcua.dossiers.models import StoredFile
from tests.builders.org import staff_member


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
    return staff_member("sohoa.cuc", "DIGITIZER", province["centre"], first_name="Cúc", last_name="Lê Thị")


@pytest.fixture
def other_digitiser(django_user_model, province):
    """A digitisation officer of another unit (a commune)."""
    return staff_member("sohoa.khac", "DIGITIZER", province["commune_a"])
