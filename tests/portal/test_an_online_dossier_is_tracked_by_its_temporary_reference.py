"""An online dossier waiting for reception (status 1) has no code yet: it is tracked by its temporary reference,
with its reception deadline and, if the counter asked to complete it, what to complete. Once accepted, the
reference leads to the page of its code."""

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import submit_online
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import request_for
from tests.builders.portal import PHONE_LAST4, track_url

pytestmark = pytest.mark.django_db


def test_the_reference_opens_the_page_of_the_waiting_dossier(
    client, officers, procedure, django_assert_num_queries
):
    online = submit_online(request_for(), officers["counter"], at=timezone.now())
    response = client.post("/tra-cuu/", {"code": online.reference, "check": PHONE_LAST4})
    assert response.status_code == 302 and response["Location"] == track_url(online.reference)
    client.get(track_url(online.reference))
    with django_assert_num_queries(1 + 3):
        response = client.get(track_url(online.reference))
    page = response.content.decode()
    assert f"Hồ sơ trực tuyến {online.reference}" in page and "Mã tham chiếu</dt>" in page
    assert 'class="portal-status status-1">Mới đăng ký<' in page
    assert "Trực tuyến" in page
    due = timezone.localtime(online.reception_due_at).strftime("%d/%m/%Y %H:%M")
    assert f"Hạn tiếp nhận</dt><dd>{due}" in page and f"Hạn tiếp nhận: {due}." in page
    assert "đang chờ Trung tâm Phục vụ hành chính công tỉnh kiểm tra" in page
    assert "Nộp hồ sơ trực tuyến" in page  # the timeline


def test_a_request_to_complete_says_what_to_complete_until_resubmitted(client, officers, procedure):
    online = submit_online(request_for(), officers["counter"], at=timezone.now())
    apply(
        online,
        "request_completion",
        officers["counter"],
        inputs={"reason": "Bản chụp tờ khai bị mờ.", "items": ["Tờ khai thay đổi thông tin cư trú"]},
    )
    client.post(track_url(online.reference), {"check": PHONE_LAST4})
    page = client.get(track_url(online.reference)).content.decode()
    assert "đề nghị bạn bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận" in page
    assert "Bản chụp tờ khai bị mờ." in page and "<li>Tờ khai thay đổi thông tin cư trú</li>" in page
    apply(online, "resubmit", officers["counter"])
    page = client.get(track_url(online.reference)).content.decode()
    assert "Bản chụp tờ khai bị mờ." not in page and "đang chờ Trung tâm" in page


def test_once_accepted_the_reference_leads_to_the_code(client, officers, procedure):
    online = submit_online(request_for(), officers["counter"], at=timezone.now())
    accepted = apply(online, "accept", officers["counter"]).dossier
    response = client.post("/tra-cuu/", {"code": online.reference, "check": PHONE_LAST4})
    assert response.status_code == 302 and response["Location"] == track_url(accepted.code)
    page = client.get(response["Location"]).content.decode()
    assert f"Hồ sơ {accepted.code}" in page and "Được tiếp nhận" in page
