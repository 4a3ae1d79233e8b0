"""The electronic result (SPEC §7.3): the competent agency's processing staff attach the signed PDF to a finished
dossier's result, with its mã kết quả; the applicant downloads it through a signed link that expires. A tampered,
expired or outdated link is refused with a page that says why; nothing else is reachable through it."""

import datetime as dt
import time

import pytest
from django.core import signing
from django.utils import timezone

from motcua.dossiers.models import DossierResult
from motcua.dossiers.services.transitions import apply
from motcua.files.services import FilesError, attach_result_file, result_link
from tests.builders.dossiers import FINISH_INPUTS, processing, receive
from tests.builders.files import JPEG, PDF, upload

pytestmark = pytest.mark.django_db

SIGNED = PDF.replace(b"%%EOF", b"/ByteRange [0 1 2 3] /Contents <00>\n%%EOF")


@pytest.fixture
def finished(officers, procedure):
    dossier = processing(officers)
    inputs = {**FINISH_INPUTS, "result_signed_on": timezone.localdate().isoformat()}
    apply(dossier, "finish", officers["lead"], inputs=inputs)
    dossier.refresh_from_db()
    return dossier


def attach(dossier, officer, name="ket-qua-15-XN-STP.pdf", content=SIGNED, code="KQ.000.00.03.H56.2026.15"):
    return attach_result_file(dossier, upload(name, content), officer, result_code=code)


@pytest.mark.parametrize("who", ["lead", "clerk", "specialist", "dept"])
def test_the_competent_agencys_staff_attach_the_signed_result(who, finished, officers):
    result = attach(finished, officers[who])
    stored = DossierResult.objects.select_related("file").get(dossier=finished)
    assert stored.file.display_name == "ket-qua-15-XN-STP.pdf" and stored.file.kind == "pdf"
    assert stored.result_code == "KQ.000.00.03.H56.2026.15" == result.result_code
    assert stored.file.owner_id == finished.applicant_id


@pytest.mark.parametrize("who", ["counter", "other_counter", "admin"])
def test_others_may_not_attach_it(who, finished, officers, stored):
    with pytest.raises(FilesError) as caught:
        attach(finished, officers[who])
    assert caught.value.kind == "forbidden" and "Sở Tư pháp" in caught.value.message
    assert stored() == (0, [])


def test_only_a_finished_dossier_has_a_result_to_attach(officers, procedure, stored):
    with pytest.raises(FilesError) as caught:
        attach(processing(officers), officers["lead"])
    assert caught.value.kind == "wrong_state" and "chưa có kết quả giải quyết" in caught.value.message
    assert stored() == (0, [])


def test_the_result_code_is_required_and_checked(finished, officers, stored):
    with pytest.raises(FilesError) as caught:
        attach(finished, officers["clerk"], code="")
    assert (
        caught.value.field == "ma_ket_qua" and caught.value.message == "Kết quả điện tử phải có mã kết quả."
    )
    with pytest.raises(FilesError, match="chỉ gồm chữ, số"):
        attach(finished, officers["clerk"], code="KQ 01; DROP")
    assert stored() == (0, [])


def test_a_signed_result_is_a_pdf(finished, officers, stored):
    with pytest.raises(FilesError) as caught:
        attach(finished, officers["clerk"], name="ket-qua.jpg", content=JPEG)
    assert caught.value.message == "Tệp “ket-qua.jpg” là JPEG; ở đây chỉ nhận tệp PDF."
    assert stored() == (0, [])


def test_once_returned_the_result_file_is_not_replaced(finished, officers, stored):
    attach(finished, officers["clerk"])
    apply(finished, "return_result", officers["counter"])
    finished.refresh_from_db()
    with pytest.raises(FilesError, match="đã được trả cho công dân"):
        attach(finished, officers["clerk"], name="khac.pdf")
    assert stored()[0] == 1


def test_the_applicants_link_downloads_the_file(finished, officers, client, django_assert_num_queries):
    result = attach(finished, officers["clerk"])
    link = result_link(result)
    assert link.startswith("/ket-qua/")
    with django_assert_num_queries(1):  # the result with its file and dossier; no session, no user
        response = client.get(link)
    assert response.status_code == 200 and b"".join(response.streaming_content) == SIGNED
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ket-qua-15-XN-STP.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff" and response["Referrer-Policy"] == "no-referrer"


def test_a_tampered_link_is_refused(finished, officers, client):
    result = attach(finished, officers["clerk"])
    link = result_link(result)
    token = link.split("/")[2]
    value, stamp, signature = token.split(":")
    forged = f"{int(value.split('.')[0]) + 1}.{value.split('.')[1]}:{stamp}:{signature}"
    for bad in (forged, token[:-2] + "xx", "abc", f"{value}:{stamp}"):
        response = client.get(f"/ket-qua/{bad}/")
        assert response.status_code == 404, bad
        assert "Liên kết tải kết quả không hợp lệ." in response.content.decode()
    # signed for another purpose (another salt): refused too
    other = signing.TimestampSigner(salt="motcua.something-else").sign(value)
    assert client.get(f"/ket-qua/{other}/").status_code == 404


def test_an_expired_link_is_refused_and_says_so(finished, officers, client, monkeypatch, settings):
    settings.MOTCUA_RESULT_LINK_DAYS = 30
    result = attach(finished, officers["clerk"])
    link = result_link(result)
    later = time.time() + dt.timedelta(days=31).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(link)
    assert response.status_code == 410
    page = response.content.decode()
    assert "Liên kết tải kết quả đã hết hạn (sau 30 ngày)" in page and "ket-qua-15-XN-STP" not in page


def test_a_link_to_a_replaced_file_no_longer_works(finished, officers, client):
    old = result_link(attach(finished, officers["clerk"]))
    new = result_link(attach(finished, officers["clerk"], name="ket-qua-dinh-chinh.pdf"))
    assert client.get(old).status_code == 404
    response = client.get(new)
    assert response.status_code == 200 and "ket-qua-dinh-chinh.pdf" in response["Content-Disposition"]


def test_a_result_without_a_file_has_no_link(finished):
    assert result_link(DossierResult.objects.get(dossier=finished)) is None


def test_the_attach_screen(finished, officers, signed_in, stored):
    client = signed_in(officers["clerk"])
    url = f"/mot-cua/ket-qua-dien-tu/{finished.code}/"
    page = client.get(url).content.decode()
    assert "Đính kèm kết quả điện tử" in page and 'name="ma_ket_qua"' in page and "15/XN-STP" in page
    refused = client.post(url, {"tep": upload("ket-qua.pdf", b"<html>"), "ma_ket_qua": "KQ.1"})
    assert refused.status_code == 422
    assert "Tệp “ket-qua.pdf” không phải là PDF" in refused.content.decode() and stored() == (0, [])
    done = client.post(url, {"tep": upload("ket-qua.pdf", SIGNED), "ma_ket_qua": "KQ.1"})
    assert done.status_code == 302 and done["Location"] == f"/mot-cua/ho-so/{finished.code}/"
    assert stored()[0] == 1
    # the counter officer of the centre sees the dossier but may not attach: told so, no form
    page = signed_in(officers["counter"]).get(url)
    assert page.status_code == 403 and 'name="tep"' not in page.content.decode()
    assert "Chỉ cán bộ xử lý, văn thư hoặc lãnh đạo của Sở Tư pháp" in page.content.decode()


def test_the_attach_screen_is_404_for_officers_who_do_not_see_the_dossier(finished, officers, signed_in):
    response = signed_in(officers["other_counter"]).get(f"/mot-cua/ket-qua-dien-tu/{finished.code}/")
    assert response.status_code == 404 and "15/XN-STP" not in response.content.decode()


def test_a_dossier_received_but_not_finished_shows_why_there_is_nothing_to_attach(
    officers, procedure, signed_in
):
    dossier = receive(officers)
    response = signed_in(officers["lead"]).get(f"/mot-cua/ket-qua-dien-tu/{dossier.code}/")
    assert response.status_code == 409 and "chưa có kết quả giải quyết" in response.content.decode()
