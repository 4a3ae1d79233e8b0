"""A stored file has no public address: it is downloaded through ``/mot-cua/tep/<uuid>/`` by an officer who sees
a dossier that uses it, as an attachment the browser never interprets. Another officer — another unit, or a file
id read from someone else's screen — gets the same 404 as for a file that does not exist; nothing serves the
storage folder itself."""

import uuid

import pytest

from motcua.files.services import digitise_component, store_upload
from tests.builders.dossiers import WORK_MENU_COUNTER, receive
from tests.builders.files import PDF, upload

pytestmark = pytest.mark.django_db

# session and user, the officer's permission snapshot (assignments, agency tree), the dossiers using the file, the file
DOWNLOAD_QUERIES = 2 + 2 + 1 + 1


@pytest.fixture
def scanned(officers, procedure, digitiser):
    """A received dossier whose first component has its scan attached; the component."""
    component = receive(officers).components.order_by("id").first()
    return digitise_component(component, upload("Tờ khai CT01 (bản quét).pdf", PDF), digitiser)


def url(file_id) -> str:
    return f"/mot-cua/tep/{file_id}/"


def test_an_officer_of_the_receiving_unit_downloads_the_scan_as_an_attachment(
    scanned, officers, signed_in, django_assert_num_queries
):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(DOWNLOAD_QUERIES):
        response = client.get(url(scanned.file_id))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''T%E1%BB%9D%20khai%20CT01%20%28b%E1%BA%A3n%20qu%C3%A9t%29.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_a_lien_thong_partner_sees_it_once_the_dossier_reaches_it(scanned, officers, partner, signed_in):
    from motcua.dossiers.services.transitions import apply

    assert (
        signed_in(officers["specialist"]).get(url(scanned.file_id)).status_code == 200
    )  # the competent agency
    assert signed_in(partner).get(url(scanned.file_id)).status_code == 404
    apply(scanned.dossier_id, "transfer", officers["counter"])
    inputs = {"partner": "000.00.07.H56", "share_amount": 2}
    apply(scanned.dossier_id, "consult_partner", officers["specialist"], inputs=inputs)
    assert signed_in(partner).get(url(scanned.file_id)).status_code == 200


def test_another_units_officer_gets_the_same_404_as_for_no_file(
    scanned, officers, other_digitiser, signed_in, django_assert_num_queries
):
    client = signed_in(officers["other_counter"])
    # … the dossiers using the file (none visible); unread count; the menu's work counts (a counter officer's)
    with django_assert_num_queries(2 + 2 + 1 + 1 + WORK_MENU_COUNTER):
        hidden = client.get(url(scanned.file_id))
    missing = client.get(url(uuid.uuid4()))
    assert hidden.status_code == missing.status_code == 404
    assert main(hidden) == main(missing)
    assert "Không tìm thấy tệp" in hidden.content.decode() and "Tờ khai CT01" not in hidden.content.decode()
    assert signed_in(other_digitiser).get(url(scanned.file_id)).status_code == 404


def main(response) -> str:
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_a_file_no_dossier_uses_is_nobodys_to_download(officers, procedure, digitiser, signed_in):
    record = store_upload(upload("ban-nhap.pdf", PDF), digitiser)
    assert signed_in(digitiser).get(url(record.pk)).status_code == 404
    assert signed_in(officers["admin"]).get(url(record.pk)).status_code == 404


def test_signing_in_is_required(scanned, client):
    response = client.get(url(scanned.file_id))
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_nothing_serves_the_storage_folder(scanned, officers, signed_in, settings):
    client = signed_in(officers["counter"])
    name = scanned.file.storage_name
    for path in (f"/media/{name}", f"/files/{name}", f"/{name}", f"/static/{name}", f"/var/files/{name}"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert getattr(response, "streaming_content", None) is None
    assert str(settings.MEDIA_ROOT) not in str(settings.STATIC_ROOT)


def test_a_missing_object_is_said_plainly_not_a_server_error(scanned, officers, signed_in, storage_root):
    (storage_root / scanned.file.storage_name).unlink()
    response = signed_in(officers["counter"]).get(url(scanned.file_id))
    assert response.status_code == 410
    assert "không còn trong kho lưu trữ" in response.content.decode()
