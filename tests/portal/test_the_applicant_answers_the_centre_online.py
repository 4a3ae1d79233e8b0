"""Answering online: after the centre's request to complete (status 1) the citizen uploads the documents and
resubmits; after a supplement request (status 5) the citizen uploads and submits the supplement (status stays 5,
the counter then receives it); the citizen may ask to withdraw, with a reason (the counter confirms). Each answer
is shown on the page; a refused answer saves nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.choices import Digitisation, Status
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import fresh
from tests.builders.portal import HTML, PDF, online_for

pytestmark = pytest.mark.django_db


def supplement_requested(citizen, officers):
    dossier = apply(online_for(citizen), "accept", officers["counter"]).dossier
    dossier = apply(dossier, "transfer", officers["counter"]).dossier
    return apply(
        dossier, "request_supplement", officers["specialist"], inputs={"reason": "Thiếu bản sao sổ đỏ."}
    ).dossier


def test_the_citizen_resubmits_after_a_request_to_complete(
    signed_in, citizen, officers, procedure, stored_counts
):
    online = online_for(citizen)
    apply(
        online,
        "request_completion",
        officers["counter"],
        inputs={"reason": "Tờ khai bị mờ.", "items": ["Tờ khai"]},
    )
    component = online.components.order_by("id").first()
    client = signed_in(citizen)
    response = client.post(
        f"/ho-so-cua-toi/{online.reference}/bo-sung/",
        {f"tep-{component.pk}": SimpleUploadedFile("to-khai-ro.pdf", PDF), "note": "Đã chụp lại"},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Đã gửi hồ sơ đã hoàn thiện." in page
    assert "Tờ khai bị mờ." not in page and "Nộp lại hồ sơ đã hoàn thiện" not in page
    assert fresh(online).supplement_state == "Công dân đã gửi bổ sung"
    component.refresh_from_db()
    assert (
        component.digitisation == Digitisation.DIGITISED and component.file.display_name == "to-khai-ro.pdf"
    )
    assert stored_counts() == (1, 1)


def test_the_citizen_sends_a_supplement_and_the_counter_receives_it(
    signed_in, citizen, officers, procedure, stored_counts
):
    dossier = supplement_requested(citizen, officers)
    client = signed_in(citizen)
    page = client.get(f"/ho-so-cua-toi/{dossier.code}/").content.decode()
    assert "Cơ quan giải quyết yêu cầu bạn bổ sung giấy tờ." in page and "Thiếu bản sao sổ đỏ." in page
    component = dossier.components.order_by("id").last()
    response = client.post(
        f"/ho-so-cua-toi/{dossier.code}/bo-sung/",
        {f"tep-{component.pk}": SimpleUploadedFile("so-do.pdf", PDF)},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Đã gửi giấy tờ bổ sung." in page and "Bạn đã gửi bổ sung trực tuyến." in page, page
    assert fresh(dossier).status == Status.SUPPLEMENT_REQUESTED
    entry = ProcessLogEntry.objects.filter(dossier=dossier).order_by("seq").last()
    assert entry.action == "submit_supplement" and entry.data["files"] == [component.name[:120]]
    # the counter sees it on the workspace page and receives it
    counter = signed_in(officers["counter"])
    desk = counter.get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    assert "Công dân đã gửi bổ sung trực tuyến" in desk and "so-do.pdf" in desk
    apply(dossier, "receive_supplement", officers["counter"])
    assert fresh(dossier).status == Status.PROCESSING


def test_a_refused_supplement_file_changes_nothing(signed_in, citizen, officers, procedure, stored_counts):
    dossier = supplement_requested(citizen, officers)
    before = fresh(dossier).version
    component = dossier.components.order_by("id").last()
    response = signed_in(citizen).post(
        f"/ho-so-cua-toi/{dossier.code}/bo-sung/",
        {f"tep-{component.pk}": SimpleUploadedFile("so-do.pdf", HTML)},
    )
    assert response.status_code == 422 and "so-do.pdf" in response.content.decode()
    assert fresh(dossier).version == before and stored_counts() == (0, 0)
    response = signed_in(citizen).post(f"/ho-so-cua-toi/{dossier.code}/bo-sung/", {})
    assert (
        response.status_code == 422
        and "Hãy chọn ít nhất một tệp giấy tờ bổ sung." in response.content.decode()
    )


def test_no_answer_when_nothing_was_asked(signed_in, citizen, officers, procedure):
    online = online_for(citizen)
    component = online.components.first()
    response = signed_in(citizen).post(
        f"/ho-so-cua-toi/{online.reference}/bo-sung/",
        {f"tep-{component.pk}": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert (
        response.status_code == 409
        and "Hồ sơ này hiện không chờ bạn bổ sung giấy tờ." in response.content.decode()
    )


def test_the_citizen_asks_to_withdraw_and_the_counter_confirms(signed_in, citizen, officers, procedure):
    dossier = apply(online_for(citizen), "accept", officers["counter"]).dossier
    client = signed_in(citizen)
    url = f"/ho-so-cua-toi/{dossier.code}/rut/"
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 422 and "Cần ghi lý do đề nghị rút hồ sơ." in response.content.decode()
    assert fresh(dossier).withdrawal_requested_at is None
    response = client.post(url, {"reason": "Tôi không cần nữa."})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Đã gửi đề nghị rút hồ sơ." in page and "Bạn đã đề nghị rút hồ sơ lúc" in page
    assert "Gửi đề nghị rút hồ sơ" not in page  # not offered twice
    assert client.post(url, {"reason": "Lần nữa"}).status_code == 409
    desk = signed_in(officers["counter"]).get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    assert "Công dân đề nghị rút hồ sơ lúc" in desk and "Tôi không cần nữa." in desk
    apply(dossier, "withdraw", officers["counter"], inputs={"reason": "Theo đề nghị"})
    page = signed_in(citizen).get(f"/ho-so-cua-toi/{dossier.code}/").content.decode()
    assert "Hồ sơ đã được rút theo đề nghị của người nộp." in page
    assert Dossier.objects.get(pk=dossier.pk).status == Status.WITHDRAWN


def test_one_refused_file_among_good_ones_stores_nothing(
    signed_in, citizen, officers, procedure, stored_counts
):
    dossier = supplement_requested(citizen, officers)
    first, second = dossier.components.order_by("id")
    response = signed_in(citizen).post(
        f"/ho-so-cua-toi/{dossier.code}/bo-sung/",
        {
            f"tep-{first.pk}": SimpleUploadedFile("tot.pdf", PDF),
            f"tep-{second.pk}": SimpleUploadedFile("xau.pdf", HTML),
        },
    )
    assert response.status_code == 422 and "xau.pdf" in response.content.decode()
    assert stored_counts() == (0, 0)
    first.refresh_from_db()
    assert first.file_id is None and fresh(dossier).supplement_state != "Công dân đã gửi bổ sung trực tuyến"
