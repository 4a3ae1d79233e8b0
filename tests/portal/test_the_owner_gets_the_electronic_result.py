"""A finished dossier's page shows its result (number, summary, date, mã kết quả) and the owner's download link of
the electronic result (``files.services.result_link``); the result joins the owner's data store. With a verified
identity this also holds for a dossier received at the counter. Another account learns nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.dossiers.services.transitions import apply
from motcua.files.services import attach_result_file
from tests.builders.dossiers import FINISH_INPUTS, processing
from tests.builders.portal import PDF

pytestmark = pytest.mark.django_db
DETAIL_QUERIES = 2 + 2 + 3 + 1  # … and the result with its file


@pytest.fixture
def finished(officers, procedure):
    dossier = processing(officers)
    inputs = {**FINISH_INPUTS, "result_signed_on": timezone.localdate().isoformat()}
    apply(dossier, "finish", officers["lead"], inputs=inputs)
    dossier.refresh_from_db()
    attach_result_file(
        dossier,
        SimpleUploadedFile("ket-qua.pdf", PDF),
        officers["lead"],
        result_code="KQ.000.00.03.H56.2026.15",
    )
    dossier.refresh_from_db()
    return dossier


def test_the_verified_owner_downloads_the_result(
    signed_in, citizen, stranger, finished, django_assert_num_queries
):
    citizen.citizen.id_verified = True
    citizen.citizen.save()
    client = signed_in(citizen)
    client.get(f"/ho-so-cua-toi/{finished.code}/")
    with django_assert_num_queries(DETAIL_QUERIES):
        page = client.get(f"/ho-so-cua-toi/{finished.code}/").content.decode()
    assert "15/XN-STP" in page and "KQ.000.00.03.H56.2026.15" in page
    assert "Tải kết quả điện tử" in page and "/ket-qua/" in page
    link = page.split('href="/ket-qua/')[1].split('"')[0]
    response = client.get(f"/ket-qua/{link}")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    store = client.get("/ho-so-cua-toi/kho-du-lieu/").content.decode()
    assert "ket-qua.pdf" in store and "15/XN-STP" in store
    other = signed_in(stranger)
    assert other.get(f"/ho-so-cua-toi/{finished.code}/").status_code == 404
    assert "ket-qua.pdf" not in other.get("/ho-so-cua-toi/kho-du-lieu/").content.decode()


def test_an_unverified_account_does_not_see_a_counter_dossier_of_the_same_number(
    signed_in, citizen, finished
):
    assert signed_in(citizen).get(f"/ho-so-cua-toi/{finished.code}/").status_code == 404
