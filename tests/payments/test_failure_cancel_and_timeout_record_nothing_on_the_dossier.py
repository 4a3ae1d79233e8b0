"""A failed, cancelled or unanswered payment leaves the dossier as it was; the citizen may pay again."""

import io

import pytest
from django.core.management import call_command

from motcua.payments.choices import PaymentStatus
from motcua.payments.models import Payment
from motcua.payments.services import payments as service
from tests.builders.dossiers import snapshot
from tests.builders.payments import a_while_later, begin, fresh, message, page_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "action, status, label",
    [("failure", PaymentStatus.FAILED, "Không thành công"), ("cancel", PaymentStatus.CANCELLED, "Đã hủy")],
)
def test_failure_and_cancel_record_nothing(client, dossier, lan, action, status, label):
    client.force_login(lan)
    before = snapshot(dossier)
    bank = client.post(page_url(dossier), {"gateway": "sandbox"})["Location"]
    back = client.post(bank, {"action": action})
    page = client.get(back["Location"]).content.decode()
    assert "Giao dịch không thành công" in page and label in page
    assert Payment.objects.get().status == status
    assert snapshot(dossier) == before
    # pay again: a new payment starts
    assert client.post(page_url(dossier), {"gateway": "sandbox"}).status_code == 302
    assert Payment.objects.filter(status=PaymentStatus.PENDING).count() == 1


def test_no_answer_leaves_the_payment_pending_then_expired(client, dossier, lan):
    client.force_login(lan)
    before = snapshot(dossier)
    bank = client.post(page_url(dossier), {"gateway": "sandbox"})["Location"]
    page = client.post(bank, {"action": "timeout"}).content.decode()
    assert "Ngân hàng không phản hồi" in page
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PENDING and not payment.events.exists()
    # one pending payment at a time: a second start resumes it
    again = client.post(page_url(dossier), {"gateway": "sandbox"})
    assert again["Location"] == bank and Payment.objects.count() == 1
    # after the timeout the sweep marks it expired
    assert service.expire_stale(a_while_later(14)) == 0
    assert service.expire_stale(a_while_later(16)) == 1
    assert fresh(payment).status == PaymentStatus.EXPIRED
    assert snapshot(dossier) == before


def test_stale_payments_expire_when_the_page_is_read_and_by_the_command(client, dossier, lan, settings):
    client.force_login(lan)
    settings.MOTCUA_PAYMENT_TIMEOUT_MINUTES = 0
    first = begin(dossier, lan)
    page = client.get(page_url(dossier)).content.decode()
    assert fresh(first).status == PaymentStatus.EXPIRED and "Hết thời gian chờ" in page
    second = begin(dossier, lan)
    out = io.StringIO()
    call_command("expire_payments", stdout=out)
    assert "Hết thời gian chờ: 1" in out.getvalue()
    assert fresh(second).status == PaymentStatus.EXPIRED


def test_a_success_after_the_timeout_is_still_honoured(client, dossier, lan):
    """The bank took the money: a genuine success that arrives after expiry is recorded."""
    payment = begin(dossier, lan)
    service.expire_stale(a_while_later())
    assert client.post("/thanh-toan/callback/sandbox/", message(payment)).status_code == 200
    assert fresh(payment).status == PaymentStatus.SUCCEEDED and fresh(dossier).paid_online_amount == 10000
