"""A gateway that is unavailable is tried again (the job raises, the delivery counts the attempt and keeps the
reason); after the last attempt the delivery is failed with its reason, in Vietnamese, for the officers on the
dossier page. A final refusal fails at once. An administrator's “Gửi lại” queues a failed delivery again."""

import pytest

from motcua.core import jobs
from motcua.dossiers.services.intake import ApplicantData
from motcua.messaging.models import Delivery
from motcua.messaging.services import deliveries as service
from motcua.messaging.services.sending import send_delivery
from tests.builders.dossiers import receive
from tests.builders.messaging import FLAKY, FlakySmsGateway, deliveries, texts_to

pytestmark = pytest.mark.django_db


def received(officers, phone, callbacks):
    with callbacks(execute=True):
        return receive(
            officers, applicant=ApplicantData(name="Trần Thị Bình", id_number="038190001234", phone=phone)
        )


def test_an_unavailable_gateway_is_retried_until_the_last_attempt_then_failed(
    procedure, officers, django_capture_on_commit_callbacks, signed_in
):
    dossier = received(officers, "0912349999", django_capture_on_commit_callbacks)  # the sandbox times out
    [sms] = deliveries(dossier)
    attempts = jobs.policy_of(send_delivery.module_path).attempts
    assert (sms.status, sms.attempts) == ("failed", attempts)
    assert sms.last_error == "Cổng tin nhắn không phản hồi (cổng thử nghiệm, số tận cùng 9999)."
    assert sms.recipient == "0912349999"  # kept while it may still be sent
    page = signed_in(officers["counter"]).get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    assert "Gửi không thành công" in page and "Cổng tin nhắn không phản hồi" in page
    assert f"{attempts} lần gửi" in page


def test_a_refused_number_fails_at_once(procedure, officers, django_capture_on_commit_callbacks):
    dossier = received(officers, "0912340000", django_capture_on_commit_callbacks)
    [sms] = deliveries(dossier)
    assert (sms.status, sms.attempts) == ("failed", 1)
    assert "từ chối" in sms.last_error


def test_a_provider_that_recovers_sends_on_the_third_attempt(
    procedure, officers, django_capture_on_commit_callbacks, settings, monkeypatch
):
    settings.MOTCUA_SMS_GATEWAY = FLAKY
    monkeypatch.setattr(FlakySmsGateway, "failures", 2)
    monkeypatch.setattr(FlakySmsGateway, "calls", 0)
    dossier = received(officers, "0912345678", django_capture_on_commit_callbacks)
    [sms] = deliveries(dossier)
    assert (sms.status, sms.attempts, sms.last_error) == ("sent", 3, "Nhà cung cấp không phản hồi (lần 2).")
    assert len(texts_to("0912345678")) == 1


def test_send_again_queues_a_failed_delivery_with_fresh_attempts(
    procedure, officers, django_capture_on_commit_callbacks, settings, monkeypatch
):
    settings.MOTCUA_SMS_GATEWAY = FLAKY
    attempts = jobs.policy_of(send_delivery.module_path).attempts
    monkeypatch.setattr(FlakySmsGateway, "failures", attempts)
    monkeypatch.setattr(FlakySmsGateway, "calls", 0)
    dossier = received(officers, "0912345678", django_capture_on_commit_callbacks)
    [sms] = deliveries(dossier)
    assert (sms.status, sms.attempts) == ("failed", attempts)
    with django_capture_on_commit_callbacks(execute=True):
        assert service.resend([sms.pk]) == 1  # the provider is back
    sms.refresh_from_db()
    assert (sms.status, sms.attempts, sms.recipient) == ("sent", attempts + 1, "")
    assert service.resend([sms.pk]) == 0  # a sent message is not sent again
    assert Delivery.objects.count() == 1


def test_the_admin_lists_deliveries_without_addresses_and_sends_failed_ones_again(
    procedure, officers, django_capture_on_commit_callbacks, admin_client
):
    dossier = received(officers, "0912340000", django_capture_on_commit_callbacks)  # refused by the sandbox
    [sms] = deliveries(dossier)
    page = admin_client.get("/admin/messaging/delivery/").content.decode()
    assert "0912***000" in page and "Gửi không thành công" in page and "0912340000" not in page
    assert (
        "0912340000" not in admin_client.get(f"/admin/messaging/delivery/{sms.pk}/change/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/messaging/delivery/", {"action": "send_again", "_selected_action": [sms.pk]}, follow=True
        )
    assert "Đã xếp 1 tin vào hàng đợi gửi lại." in response.content.decode()
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (
        "failed",
        2,
    )  # the sandbox still refuses the number: tried once more
