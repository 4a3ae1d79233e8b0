"""The documents tests use the small province and procedure of the dossier tests, issue forms through the real
transition service (the issuance runs after the commit: ``issued`` captures it), and read the printed files with
poppler (``pdftotext -layout``; page 1 of each is kept as a PNG in ``test-artifacts/forms/`` for people to look at,
``MOTCUA_ARTIFACTS_DIR``)."""

import datetime as dt

import pytest

from motcua.catalog import services as catalog
from motcua.org.models import AdministrativeUnit, Agency
from tests.builders.catalog import draft_procedure


@pytest.fixture(autouse=True)
def _documents_urls_and_storage(settings, tmp_path):
    """The documents routes (included by the project's urls once integrated; added here if not yet), and a
    throwaway file store for the printed files."""
    settings.ROOT_URLCONF = "tests.documents.urls"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    settings.MOTCUA_PUBLIC_URL = "https://dichvucong.thanhhoa.gov.vn"


@pytest.fixture(autouse=True)
def _places(province):
    """The centre and Sở Tư pháp are in tỉnh Thanh Hóa (the date line: “Thanh Hóa, ngày …”) and have phones."""
    unit = AdministrativeUnit.objects.create(
        code="38", name="Tỉnh Thanh Hóa", kind="tinh", valid_from=dt.date(2020, 1, 1)
    )
    Agency.objects.filter(pk__in=[a.pk for a in province.values()]).update(
        admin_unit=unit, phone="0237 3 720 999"
    )
    for agency in province.values():
        agency.refresh_from_db()


@pytest.fixture
def issued(django_capture_on_commit_callbacks):
    """``with issued(): …`` runs the after-commit receivers (the forms are issued after the transition commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def old_procedure(province):
    """Procedure 1.004222 published from 01/01/2025: a dossier received before 01/07/2025 is of ND 61/2018, and
    prints the forms of TT 01/2018."""
    version = catalog.publish(
        draft_procedure(),
        valid_from=dt.date(2025, 1, 1),
        decision_number="1/QĐ",
        decision_date=dt.date(2024, 12, 20),
    )
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 1, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 1, 1))
    return version
