"""Checking an upload before anything is stored: pure functions over a file object and the name the client sent,
testable without HTTP or a database.

- The name: refused if it carries a path (``/``, ``\\``), control or invisible formatting characters (NUL, new
  lines, the right-to-left override that disguises ``exe.pdf``) or nothing but dots; otherwise normalised (NFC,
  single spaces) and shortened to :data:`MAX_NAME_LENGTH` characters, keeping the extension. It is only ever shown
  (the file is stored under a random name).
- The size: counted while reading in chunks, refused as soon as it passes the limit (nothing more is read); an
  empty file is refused.
- The kind, from the content, never from the name or the client's content type: PDF (``%PDF-``), JPEG
  (``FF D8 FF``), PNG (its 8-byte signature), DOCX and XLSX (a ZIP whose ``[Content_Types].xml`` declares the main
  part of a Word document or an Excel workbook, with ``word/document.xml`` or ``xl/workbook.xml``). The ZIP is read
  from its central directory only: too many entries, too much declared uncompressed data or an extreme compression
  ratio is a zip bomb and refused without inflating anything; only ``[Content_Types].xml`` is read, bounded.
- The extension must agree with the kind found (a PDF named ``.jpg`` is refused, and so is HTML named ``.pdf``).

Every refusal is an :class:`UploadRefused` whose message names the file, in the language of the request.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

CHUNK = 64 * 1024
HEAD = 8 * 1024
MAX_NAME_LENGTH = 120
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_UNCOMPRESSED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100  # declared size / compressed size, for entries over ZIP_RATIO_FROM bytes
ZIP_RATIO_FROM = 1024 * 1024
CONTENT_TYPES_MAX = 256 * 1024
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    content_type: str
    extensions: tuple[str, ...]
    main_part: str = ""  # Office Open XML: the part that must exist
    main_type: str = ""  # … and the content type [Content_Types].xml must declare for it


PDF = Kind("pdf", "PDF", "application/pdf", (".pdf",))
JPEG = Kind("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg"))
PNG = Kind("png", "PNG", "image/png", (".png",))
DOCX = Kind(
    "docx",
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    "word/document.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
)
XLSX = Kind(
    "xlsx",
    "XLSX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
    "xl/workbook.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
KINDS: dict[str, Kind] = {k.code: k for k in (PDF, JPEG, PNG, DOCX, XLSX)}
ACCEPT = ",".join(ext for kind in KINDS.values() for ext in kind.extensions)  # for <input accept>
KIND_NAMES = "PDF, JPEG, PNG, DOCX, XLSX"


class UploadRefused(Exception):
    """An upload that must not be stored. ``code``: missing, name, empty, too_large, unknown_type, extension,
    zip_bomb, corrupt."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class CheckedUpload:
    display_name: str
    kind: Kind
    size: int
    sha256: str


def shown(name: str | None, limit: int = 80) -> str:
    """A client's name made safe to show inside a message: invisible characters as “�”, shortened."""
    text = "".join("\N{REPLACEMENT CHARACTER}" if _forbidden(ch) else ch for ch in (name or ""))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _forbidden(ch: str) -> bool:
    return unicodedata.category(ch) in FORBIDDEN_CATEGORIES


def display_name(raw: str | None) -> str:
    """The name to show for the file: the client's name checked and tidied (see the module docstring)."""
    if raw is None or not raw.strip():
        raise UploadRefused("missing", _("Chưa chọn tệp để tải lên."))
    name = unicodedata.normalize("NFC", raw)
    if any(_forbidden(ch) for ch in name) or "/" in name or "\\" in name:
        raise UploadRefused(
            "name",
            _(
                "Tên tệp “%(name)s” chứa đường dẫn (dấu gạch chéo) hoặc ký tự không hợp lệ (ký tự điều khiển, "
                "xuống dòng); hãy đổi tên tệp rồi tải lên lại."
            )
            % {"name": shown(raw)},
        )
    name = " ".join(name.split())
    stem, ext = os.path.splitext(name)
    if not stem.strip(". "):
        raise UploadRefused(
            "name",
            _("Tên tệp “%(name)s” không hợp lệ; hãy đổi tên tệp rồi tải lên lại.") % {"name": shown(raw)},
        )
    if len(name) > MAX_NAME_LENGTH:
        ext = ext if len(ext) <= 10 else ""
        name = stem[: MAX_NAME_LENGTH - len(ext)].rstrip() + ext
    return name


def inspect(fileobj: BinaryIO, name: str | None, *, max_bytes: int) -> CheckedUpload:
    """Check an upload (see the module docstring); the file is left positioned at its start.

    Raises :class:`UploadRefused` on the first rule broken."""
    clean = display_name(name)
    declared = getattr(fileobj, "size", None)
    if isinstance(declared, int) and declared > max_bytes:
        raise too_large(clean, max_bytes)
    size, digest, head = _measure(fileobj, clean, max_bytes)
    if size == 0:
        raise UploadRefused("empty", _("Tệp “%(name)s” rỗng (0 byte); hãy chọn đúng tệp.") % {"name": clean})
    kind = _detect(fileobj, head, clean)
    fileobj.seek(0)
    ext = os.path.splitext(clean)[1].lower()
    if ext not in kind.extensions:
        raise UploadRefused(
            "extension",
            _(
                "Tệp “%(name)s” có nội dung là %(kind)s nhưng phần mở rộng %(ext)s không khớp; hãy đặt phần mở "
                "rộng %(expected)s rồi tải lên lại."
            )
            % {
                "name": clean,
                "kind": kind.label,
                "ext": f"“{ext}”" if ext else _("(không có)"),
                "expected": " / ".join(kind.extensions),
            },
        )
    return CheckedUpload(clean, kind, size, digest)


def too_large(name: str, max_bytes: int) -> UploadRefused:
    return UploadRefused(
        "too_large",
        _("Tệp “%(name)s” lớn hơn dung lượng cho phép (tối đa %(max)s MB).")
        % {"name": name, "max": max_limit_mb(max_bytes)},
    )


def max_limit_mb(max_bytes: int) -> str:
    mb = max_bytes / (1024 * 1024)
    return f"{mb:g}" if mb >= 1 else f"{mb:.2f}"


def _measure(fileobj: BinaryIO, name: str, max_bytes: int) -> tuple[int, str, bytes]:
    """Size, SHA-256 and the first bytes, reading in chunks and stopping as soon as the size passes the limit."""
    fileobj.seek(0)
    digest, size, head = hashlib.sha256(), 0, b""
    while chunk := fileobj.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(name, max_bytes)
        if len(head) < HEAD:
            head += chunk[: HEAD - len(head)]
        digest.update(chunk)
    return size, digest.hexdigest(), head


def _unknown(name: str) -> UploadRefused:
    return UploadRefused(
        "unknown_type",
        _(
            "Tệp “%(name)s” không phải là %(kinds)s: hệ thống kiểm tra nội dung tệp, không dựa vào tên hay phần "
            "mở rộng."
        )
        % {"name": name, "kinds": KIND_NAMES},
    )


def _detect(fileobj: BinaryIO, head: bytes, name: str) -> Kind:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return _office(fileobj, name)
    raise _unknown(name)


def _office(fileobj: BinaryIO, name: str) -> Kind:
    """DOCX or XLSX, judged from the ZIP's central directory and its bounded [Content_Types].xml."""
    bomb = UploadRefused(
        "zip_bomb",
        _(
            "Tệp “%(name)s” là tệp nén bất thường (quá nhiều thành phần hoặc dung lượng khi giải nén quá lớn) nên "
            "bị từ chối."
        )
        % {"name": name},
    )
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES or sum(i.file_size for i in infos) > ZIP_MAX_UNCOMPRESSED:
                raise bomb
            if any(
                i.file_size > ZIP_RATIO_FROM and i.file_size > ZIP_MAX_RATIO * max(i.compress_size, 1)
                for i in infos
            ):
                raise bomb
            names = {i.filename for i in infos}
            kind = next((k for k in (DOCX, XLSX) if k.main_part in names), None)
            if kind is None or "[Content_Types].xml" not in names:
                raise _unknown(name)
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > CONTENT_TYPES_MAX:
                raise bomb
            with archive.open(info) as part:
                declared = part.read(CONTENT_TYPES_MAX + 1)
            if len(declared) > CONTENT_TYPES_MAX:
                raise bomb
    except UploadRefused:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
    ):
        # damaged, encrypted (“password required”), or compressed with a method we do not read
        declared, kind = b"", None
    if kind is None or kind.main_type.encode() not in declared:
        raise UploadRefused(
            "corrupt",
            _("Tệp “%(name)s” không phải tệp DOCX hoặc XLSX hợp lệ (tệp hỏng, có mật khẩu hoặc chứa macro).")
            % {"name": name},
        )
    return kind
