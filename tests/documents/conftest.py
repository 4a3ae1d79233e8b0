"""The documents tests use the small province and procedure of the dossier tests, issue forms through the real
transition service (the issuance runs after the commit: ``issued`` captures it), and read the printed files with
poppler (``pdftotext -layout``; page 1 of each is kept as a PNG in ``test-artifacts/forms/`` for people to look at,
``MOTCUA_ARTIFACTS_DIR``)."""

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from motcua.catalog import services as catalog
from motcua.org.models import AdministrativeUnit, Agency
from tests.catalog.factories import draft_procedure
from tests.dossiers.conftest import (  # noqa: F401  (fixtures shared with the dossier tests)
    act,
    at,
    make_procedure,
    officers,
    partner,
    procedure,
    receive,
    request_for,
)
from tests.system_tools import require_tool, run_tool

READ = "cannot read the PDF"
ARTIFACTS = Path(
    os.environ.get("MOTCUA_ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "test-artifacts")
)


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
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


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


def pdf_text(
    content: bytes, tmp_path: Path, name: str = "form", layout: tuple[str, ...] = ("-layout",)
) -> str:
    """The text of a PDF as ``pdftotext -layout`` reads it (``layout=()``: without -layout, each column of a
    table reads on its own)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    return run_tool(
        "pdftotext",
        *layout,
        *("-enc", "UTF-8", str(path), "-"),
        why=READ,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def flat(text: str) -> str:
    """The text with runs of spaces and line breaks as one space (a wrapped line reads as one)."""
    return " ".join(text.split())


def rasterise(content: bytes, tmp_path: Path, name: str) -> Path:
    """Page 1 of a PDF as ``test-artifacts/forms/<name>.png`` (60 dpi)."""
    folder = ARTIFACTS / "forms"
    folder.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    run_tool(
        "pdftoppm",
        *["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"],
        str(path),
        str(folder / name),
        why=READ,
        check=True,
    )
    return folder / f"{name}.png"


def decode_codes(content: bytes, tmp_path: Path, name: str) -> list[str]:
    """What zbarimg reads on page 1 (barcodes and QR codes), e.g. ``CODE-128:…`` and ``QR-Code:…``."""
    require_tool("zbarimg", "cannot decode the codes")
    path = tmp_path / f"{name}-scan.pdf"
    path.write_bytes(content)
    run_tool(
        "pdftoppm",
        *["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile"],
        str(path),
        str(tmp_path / name),
        why=READ,
        check=True,
    )
    scanned = run_tool("zbarimg", "-q", str(tmp_path / f"{name}.png"), capture_output=True, text=True)
    return [line for line in scanned.stdout.splitlines() if line.strip()]


def docx_text(content: bytes) -> str:
    """All the text of a .docx (paragraphs and table cells, in order)."""
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
