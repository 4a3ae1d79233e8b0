"""Every refused upload — a disguised file, a zip bomb, an oversized or empty file, a name with a path or invisible
characters — is refused with a clear message naming the file, and leaves nothing behind: no row, no object in the
storage folder, the component as it was. Checked through the service and through the screen (the name exactly as
a client sent it: Django's own parsing would have silently cut the path off)."""

import pytest
from django.db import IntegrityError

from motcua.dossiers.choices import Digitisation
from motcua.dossiers.models import StoredFile
from motcua.files import checks
from motcua.files.services import FilesError, digitise_component, store_upload
from tests.builders.dossiers import receive
from tests.builders.files import DOCX_BYTES, EXE, HTML, JPEG, PDF, SCRIPT, office, upload

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
BOUNDARY = "----motcua-test-boundary-5f2c"


def multipart(files: dict[str, tuple[str, bytes]], fields: dict | None = None) -> tuple[bytes, str]:
    """A multipart body written by hand, so that a file name reaches the server exactly as given."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in (fields or {}).items()
    ]
    for field, (name, content) in files.items():
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={BOUNDARY}"


def bomb() -> bytes:
    return office(extra={"word/media/zeros.bin": bytes(checks.ZIP_MAX_UNCOMPRESSED + MB)})


ATTACKS = [
    pytest.param(
        "chan-dung.jpg", PDF, "có nội dung là PDF nhưng phần mở rộng “.jpg” không khớp", id="pdf-as-jpg"
    ),
    pytest.param("giay-khai-sinh.pdf", HTML, "không phải là PDF, JPEG, PNG, DOCX, XLSX", id="html-as-pdf"),
    pytest.param("to-khai.pdf", SCRIPT, "không phải là PDF, JPEG, PNG, DOCX, XLSX", id="js-as-pdf"),
    pytest.param("don-de-nghi.docx", EXE, "không phải là PDF, JPEG, PNG, DOCX, XLSX", id="exe-as-docx"),
    pytest.param("to-khai.pdf", b"", "rỗng (0 byte)", id="empty"),
]


@pytest.fixture
def component(officers, procedure):
    return receive(officers).components.order_by("id").first()


def assert_unchanged(component):
    component.refresh_from_db()
    assert component.digitisation == Digitisation.NOT_DIGITISED and component.file_id is None
    assert component.digitised_at is None and component.digitised_by_id is None


@pytest.mark.parametrize("name, content, says", ATTACKS)
def test_the_service_refuses_and_stores_nothing(name, content, says, component, digitiser, stored):
    with pytest.raises(FilesError) as caught:
        digitise_component(component, upload(name, content), digitiser)
    assert says in caught.value.message and f"“{name}”" in caught.value.message
    assert caught.value.field == "tep" and caught.value.http_status == 422
    assert stored() == (0, [])
    assert_unchanged(component)


def test_a_zip_bomb_is_refused_and_nothing_is_stored(component, digitiser, stored):
    with pytest.raises(FilesError) as caught:
        digitise_component(component, upload("to-khai.docx", bomb()), digitiser)
    assert "“to-khai.docx” là tệp nén bất thường" in caught.value.message
    assert stored() == (0, [])
    assert_unchanged(component)


def test_an_oversized_file_is_refused_and_nothing_is_stored(settings, component, digitiser, stored):
    settings.MOTCUA_UPLOAD_MAX_MB = 1
    with pytest.raises(FilesError) as caught:
        digitise_component(component, upload("ban-quet.pdf", PDF + bytes(MB)), digitiser)
    assert caught.value.kind == "too_large" and caught.value.http_status == 413
    assert caught.value.message == "Tệp “ban-quet.pdf” lớn hơn dung lượng cho phép (tối đa 1 MB)."
    assert stored() == (0, [])


def test_when_the_row_cannot_be_written_the_stored_object_is_removed(
    monkeypatch, component, digitiser, stored
):
    def fail(*args, **kwargs):
        raise IntegrityError("disk full on the database server")

    monkeypatch.setattr(StoredFile.objects, "create", fail)
    with pytest.raises(IntegrityError):
        store_upload(upload("to-khai.pdf", PDF), digitiser)
    assert stored() == (0, [])


def test_an_accepted_upload_is_stored_under_a_random_name(component, digitiser, stored, storage_root):
    digitise_component(component, upload("to khai.pdf", PDF), digitiser)
    count, files = stored()
    record = StoredFile.objects.get()
    assert count == 1 and files == [record.storage_name]
    year, month, name = record.storage_name.split("/")
    assert len(year) == 4 and len(month) == 2 and name == str(record.pk)  # nothing of the client's name
    assert (
        record.display_name == "to khai.pdf"
        and record.kind == "pdf"
        and record.content_type == "application/pdf"
    )
    assert (storage_root / record.storage_name).read_bytes() == PDF


# --- through the screen ------------------------------------------------------------------------------------------


def post(client, component, name, content):
    body, content_type = multipart({"tep": (name, content)})
    url = f"/mot-cua/so-hoa/{component.dossier.code}/thanh-phan/{component.pk}/tep/"
    return client.post(url, data=body, content_type=content_type, HTTP_HX_REQUEST="true")


@pytest.mark.parametrize("name, content, says", ATTACKS)
def test_the_screen_refuses_next_to_the_field_and_stores_nothing(
    name, content, says, component, digitiser, signed_in, stored
):
    response = post(signed_in(digitiser), component, name, content)
    page = response.content.decode()
    assert response.status_code == 422
    assert 'class="field-error"' in page and says in page and name in page
    assert 'aria-invalid="true"' in page
    assert stored() == (0, [])
    assert_unchanged(component)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\x.pdf",
        "to-khai\x00.pdf",
        "to-khai&#10;.pdf",  # an entity Django decodes into a new line
        "/var/motcua/files/2026/01/x.pdf",
        "..",
    ],
)
def test_a_name_with_a_path_or_control_characters_is_refused_not_renamed(
    name, component, digitiser, signed_in, stored
):
    response = post(signed_in(digitiser), component, name, PDF)
    page = response.content.decode()
    assert response.status_code == 422, page[:300]
    assert "Tên tệp “" in page and "hãy đổi tên tệp" in page
    assert stored() == (0, [])
    assert_unchanged(component)


def test_a_file_over_the_limit_is_skipped_while_it_streams_in(
    settings, component, digitiser, signed_in, stored
):
    settings.MOTCUA_UPLOAD_MAX_MB = 1
    response = post(signed_in(digitiser), component, "ban-quet.pdf", PDF + bytes(MB + MB // 2))
    assert response.status_code == 413
    assert "Tệp “ban-quet.pdf” lớn hơn dung lượng cho phép (tối đa 1 MB)." in response.content.decode()
    assert stored() == (0, [])
    assert_unchanged(component)


def test_a_request_far_over_the_limit_is_answered_without_reading_it(
    settings, component, digitiser, signed_in, stored
):
    settings.MOTCUA_UPLOAD_MAX_MB = 1
    client = signed_in(digitiser)
    response = post(client, component, "ban-quet.pdf", PDF + bytes(3 * MB))
    assert response.status_code == 413
    assert "lớn hơn dung lượng cho phép (tối đa 1 MB)" in response.content.decode()
    assert stored() == (0, [])
    # without JavaScript: the page, with the message next to the component's field
    body, content_type = multipart({"tep": ("ban-quet.pdf", PDF + bytes(3 * MB))})
    url = f"/mot-cua/so-hoa/{component.dossier.code}/thanh-phan/{component.pk}/tep/"
    page = client.post(url, data=body, content_type=content_type)
    assert page.status_code == 413 and "Số hóa hồ sơ" in page.content.decode()
    assert "lớn hơn dung lượng cho phép" in page.content.decode()
    assert stored() == (0, [])


def test_no_file_chosen_is_a_clear_message(component, digitiser, signed_in, stored):
    client = signed_in(digitiser)
    url = f"/mot-cua/so-hoa/{component.dossier.code}/thanh-phan/{component.pk}/tep/"
    response = client.post(url, {}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and "Chưa chọn tệp để tải lên." in response.content.decode()
    assert stored() == (0, [])


def test_without_javascript_a_refusal_shows_the_page_with_the_error(component, digitiser, signed_in, stored):
    body, content_type = multipart({"tep": ("to-khai.pdf", HTML)})
    url = f"/mot-cua/so-hoa/{component.dossier.code}/thanh-phan/{component.pk}/tep/"
    response = signed_in(digitiser).post(url, data=body, content_type=content_type)
    page = response.content.decode()
    assert response.status_code == 422 and "<h1>Số hóa hồ sơ" in page
    assert "Tệp “to-khai.pdf” không phải là PDF" in page
    assert stored() == (0, [])


def test_the_csrf_check_still_applies_to_uploads(component, digitiser, stored, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(digitiser)
    body, content_type = multipart({"tep": ("to-khai.pdf", PDF)})
    url = f"/mot-cua/so-hoa/{component.dossier.code}/thanh-phan/{component.pk}/tep/"
    assert strict.post(url, data=body, content_type=content_type).status_code == 403
    assert stored() == (0, [])


def test_a_jpeg_scan_is_accepted_through_the_screen(component, digitiser, signed_in, stored):
    response = post(signed_in(digitiser), component, "ảnh chụp tờ khai.jpg", JPEG)
    assert response.status_code == 200
    assert "Được số hóa" in response.content.decode() and "ảnh chụp tờ khai.jpg" in response.content.decode()
    assert stored()[0] == 1
    component.refresh_from_db()
    assert (
        component.digitisation == Digitisation.DIGITISED
        and component.file.display_name == "ảnh chụp tờ khai.jpg"
    )


def test_a_docx_scan_is_accepted(component, digitiser, stored):
    digitise_component(component, upload("đơn.docx", DOCX_BYTES), digitiser)
    assert stored()[0] == 1
