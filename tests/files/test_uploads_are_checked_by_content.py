"""An upload is judged by its content, not by its name: the five accepted kinds are recognised from their bytes,
the extension must agree, and disguised files, zip bombs, oversized and empty files and dangerous names are
refused with a message that names the file (``motcua.files.checks``, no HTTP, no database)."""

import hashlib
import io
import zipfile

import pytest

from motcua.files import checks
from motcua.files.checks import DOCX, UploadRefused, inspect
from tests.builders.files import DOCX_BYTES, EXE, HTML, JPEG, PDF, PNG, SCRIPT, XLSX_BYTES, office

MB = 1024 * 1024


def refused(content: bytes, name: str, max_bytes: int = 20 * MB) -> UploadRefused:
    with pytest.raises(UploadRefused) as caught:
        inspect(io.BytesIO(content), name, max_bytes=max_bytes)
    return caught.value


@pytest.mark.parametrize(
    "content, name, kind",
    [
        (PDF, "Tờ khai đăng ký.pdf", "pdf"),
        (JPEG, "ảnh chụp CCCD.jpg", "jpeg"),
        (JPEG, "scan.JPEG", "jpeg"),
        (PNG, "sơ đồ.png", "png"),
        (DOCX_BYTES, "đơn đề nghị.docx", "docx"),
        (XLSX_BYTES, "bảng kê.xlsx", "xlsx"),
    ],
)
def test_the_five_kinds_are_recognised_from_their_content(content, name, kind):
    checked = inspect(io.BytesIO(content), name, max_bytes=MB)
    assert checked.kind.code == kind
    assert checked.size == len(content) and checked.sha256 == hashlib.sha256(content).hexdigest()
    assert checked.display_name == name


@pytest.mark.parametrize(
    "content, name, says",
    [
        (PDF, "chan-dung.jpg", "có nội dung là PDF nhưng phần mở rộng “.jpg” không khớp"),
        (JPEG, "to-khai.pdf", "có nội dung là JPEG nhưng phần mở rộng “.pdf” không khớp"),
        (DOCX_BYTES, "bang-ke.xlsx", "có nội dung là DOCX"),
        (PDF, "khong-duoi", "phần mở rộng (không có) không khớp"),
    ],
)
def test_a_real_file_with_the_wrong_extension_is_refused(content, name, says):
    error = refused(content, name)
    assert error.code == "extension" and says in error.message and f"“{name}”" in error.message


@pytest.mark.parametrize(
    "content, name",
    [
        (HTML, "giay-khai-sinh.pdf"),
        (SCRIPT, "to-khai.pdf"),
        (EXE, "don-de-nghi.docx"),
        (b"GIF89a\x01\x00\x01\x00", "anh.png"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "so-do.png"),
        (b"%!PS-Adobe-3.0\n", "ban-in.pdf"),
    ],
)
def test_other_content_disguised_by_its_extension_is_refused(content, name):
    error = refused(content, name)
    assert error.code == "unknown_type"
    assert f"Tệp “{name}” không phải là PDF, JPEG, PNG, DOCX, XLSX" in error.message
    assert "kiểm tra nội dung tệp" in error.message


def test_a_zip_that_is_not_an_office_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("AndroidManifest.xml", "<manifest/>")
        archive.writestr("classes.dex", b"dex\n035")
    assert refused(buffer.getvalue(), "ung-dung.docx").code == "unknown_type"


def test_a_macro_document_or_a_broken_package_is_refused():
    macro = office(DOCX, main_type="application/vnd.ms-word.document.macroEnabled.main+xml")
    error = refused(macro, "don.docx")
    assert error.code == "corrupt" and "chứa macro" in error.message
    truncated = DOCX_BYTES[: len(DOCX_BYTES) // 2]
    assert refused(truncated, "don.docx").code in ("corrupt", "unknown_type")


def _bomb(total: int) -> bytes:
    """A DOCX with one entry of ``total`` zero bytes: a few hundred kilobytes that inflate to ``total``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", f'<Types><Override ContentType="{DOCX.main_type}"/></Types>')
        archive.writestr("word/document.xml", "<document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry:
            chunk = bytes(MB)
            for _ in range(total // MB):
                entry.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it():
    bomb = _bomb(checks.ZIP_MAX_UNCOMPRESSED + MB)
    assert len(bomb) < MB  # a small upload…
    error = refused(bomb, "to-khai.docx")  # …that would inflate past the limit
    assert (
        error.code == "zip_bomb"
        and "“to-khai.docx”" in error.message
        and "tệp nén bất thường" in error.message
    )


def test_a_highly_compressed_entry_or_too_many_entries_is_a_bomb_too():
    assert refused(_bomb(8 * MB), "bang-ke.docx").code == "zip_bomb"  # 8 MB of zeros: ratio ≫ 100
    many = {f"word/media/{i}.xml": "" for i in range(checks.ZIP_MAX_ENTRIES)}
    assert refused(office(DOCX, extra=many), "nhieu.docx").code == "zip_bomb"


class CountingReader(io.BytesIO):
    """A file that counts the bytes read from it."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data


def test_an_oversized_file_is_refused_while_reading_it():
    content = PDF + bytes(5 * MB)
    reader = CountingReader(content)
    with pytest.raises(UploadRefused) as caught:
        inspect(reader, "ho-so-quet.pdf", max_bytes=MB)
    assert caught.value.code == "too_large"
    assert caught.value.message == "Tệp “ho-so-quet.pdf” lớn hơn dung lượng cho phép (tối đa 1 MB)."
    assert reader.read_bytes <= MB + checks.CHUNK  # stopped at the limit, not read to the end


def test_an_uploaded_file_that_declares_its_size_is_refused_without_reading():
    class Declared(CountingReader):
        size = 30 * MB

    reader = Declared(PDF)
    assert refused_with(reader, "lon.pdf").code == "too_large" and reader.read_bytes == 0


def refused_with(fileobj, name):
    with pytest.raises(UploadRefused) as caught:
        inspect(fileobj, name, max_bytes=20 * MB)
    return caught.value


def test_an_empty_file_is_refused():
    error = refused(b"", "to-khai.pdf")
    assert error.code == "empty" and error.message == "Tệp “to-khai.pdf” rỗng (0 byte); hãy chọn đúng tệp."


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\x.pdf",
        "/etc/passwd.pdf",
        "C:\\Users\\an\\to-khai.pdf",
        "to-khai\x00.jpg.pdf",
        "to-khai\n.pdf",
        "to-khai\r\nContent-Type: text/html.pdf",
        "hinh\u202efdp.exe",  # right-to-left override: shows as “hinhexe.pdf”
        "..",
        ".",
        "   ",
    ],
)
def test_names_with_a_path_or_invisible_characters_are_refused(name):
    error = refused(PDF, name)
    assert error.code in ("name", "missing")
    assert "\x00" not in error.message and "\n" not in error.message and "\u202e" not in error.message
    if error.code == "name":
        assert error.message.startswith("Tên tệp “") and "hãy đổi tên tệp" in error.message


def test_a_long_or_oddly_spaced_name_is_tidied_keeping_its_extension():
    long_name = "Giấy xác nhận " + "rất dài " * 40 + ".pdf"
    checked = inspect(io.BytesIO(PDF), long_name, max_bytes=MB)
    assert len(checked.display_name) == checks.MAX_NAME_LENGTH and checked.display_name.endswith(".pdf")
    decomposed = "Gia\u0302\u0301y  to\u031b\u0300   khai.pdf"  # NFD, with runs of spaces
    assert inspect(io.BytesIO(PDF), decomposed, max_bytes=MB).display_name == "Giấy tờ khai.pdf"


def test_documents_saved_by_word_processing_and_spreadsheet_libraries_are_recognised():
    docx = pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    document = docx.Document()
    document.add_paragraph("Đơn đề nghị cấp giấy xác nhận thông tin cư trú")
    word = io.BytesIO()
    document.save(word)
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Sổ theo dõi hồ sơ"
    sheet = io.BytesIO()
    workbook.save(sheet)
    assert inspect(word, "don.docx", max_bytes=MB).kind.code == "docx"
    assert inspect(sheet, "so.xlsx", max_bytes=MB).kind.code == "xlsx"
    assert refused(word.getvalue(), "so.xlsx").code == "extension"
