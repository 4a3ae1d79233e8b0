"""Reading the printed forms in tests: PDF text with poppler, codes with zbar, DOCX text."""

import io
import os
from pathlib import Path

from tests.system_tools import require_tool, run_tool

READ = "cannot read the PDF"
ARTIFACTS = Path(
    os.environ.get("MOTCUA_ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "test-artifacts")
)


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


def screenshot_pages(content: bytes, tmp_path: Path, name: str, pages: tuple[int, ...]) -> list[Path]:
    """The given pages of a PDF as ``test-artifacts/screenshots/<name>-<page>.png`` (100 dpi), for people to look
    at."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    made = []
    for page in pages:
        target = folder / f"{name}-{page}"
        run_tool(
            "pdftoppm",
            *["-png", "-r", "100", "-f", str(page), "-l", str(page), "-singlefile"],
            str(path),
            str(target),
            why=READ,
            check=True,
        )
        made.append(target.with_suffix(".png"))
    return made
