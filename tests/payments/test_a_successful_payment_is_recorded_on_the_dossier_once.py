"""The citizen pays through the sandbox bank: the dossier records ``pay_online`` once (amount, transaction,
gateway), whatever number of times the callback and the browser return arrive; the page then says it is paid."""

import re

import pytest

from motcua.payments.choices import PaymentStatus
from motcua.payments.models import Payment, PaymentEvent
from tests.builders.payments import fresh, message, page_url

pytestmark = pytest.mark.django_db


def pay_in_browser(client, dossier, action="success"):
    response = client.post(page_url(dossier), {"gateway": "sandbox"})
    assert response.status_code == 302
    bank = response["Location"]
    assert re.fullmatch(r"/thanh-toan/sandbox/MC\d{6}[0-9A-F]{12}/", bank)
    page = client.get(bank).content.decode()
    assert "Cổng thanh toán thử nghiệm" in page and "10.000 đồng" in page
    return client.post(bank, {"action": action})


def test_success_records_pay_online_once(client, dossier, lan):
    client.force_login(lan)
    back = pay_in_browser(client, dossier)
    assert back.status_code == 302 and back["Location"].startswith("/thanh-toan/ket-qua/sandbox/?")
    shown = client.get(back["Location"])
    text = shown.content.decode()
    assert shown.status_code == 200 and "Thanh toán thành công." in text
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCEEDED and payment.receipt_number and payment.recorded_at
    stored = fresh(dossier)
    assert stored.paid_online_amount == 10000 and stored.paid_online_at is not None
    entries = stored.log.filter(action="pay_online")
    assert entries.count() == 1
    assert entries.get().note == f"Thanh toán trực tuyến 10.000 đồng, mã giao dịch {payment.transaction_id}"
    # the IPN and the browser return are both kept, verified
    assert list(PaymentEvent.objects.values_list("source", "verified")) == [
        ("callback", True),
        ("return", True),
    ]

    # the page now says paid and offers the receipt; no second payment can start
    page = client.get(page_url(dossier)).content.decode()
    assert "Bạn đã thanh toán đủ phí, lệ phí trực tuyến cho hồ sơ này." in page
    assert f"/thanh-toan/bien-lai/{payment.order_id}.pdf" in page
    again = client.post(page_url(dossier), {"gateway": "sandbox"})
    assert again.status_code == 400 and "Hồ sơ đã được thanh toán đủ phí, lệ phí." in again.content.decode()
    assert Payment.objects.count() == 1


def test_a_replayed_callback_changes_nothing_and_answers_ok(client, dossier, lan):
    client.force_login(lan)
    pay_in_browser(client, dossier)
    payment = Payment.objects.get()
    replay = message(payment, transaction=payment.transaction_id)
    before = (fresh(dossier).paid_online_amount, fresh(dossier).log.count(), fresh(payment).finished_at)
    for _ in range(3):
        response = client.post("/thanh-toan/callback/sandbox/", replay)
        assert response.status_code == 200 and response.json() == {"RspCode": "00", "Message": "OK"}
    # a late "failure" for the same order does not undo a success either
    assert client.post("/thanh-toan/callback/sandbox/", message(payment, "failed")).status_code == 200
    assert (
        fresh(dossier).paid_online_amount,
        fresh(dossier).log.count(),
        fresh(payment).finished_at,
    ) == before
    assert fresh(payment).status == PaymentStatus.SUCCEEDED
    assert PaymentEvent.objects.filter(result__startswith="already").count() == 4


def test_the_ipn_alone_is_enough(client, dossier, lan):
    """The bank's notification records the payment even if the browser never comes back."""
    from tests.builders.payments import begin

    payment = begin(dossier, lan)
    assert client.post("/thanh-toan/callback/sandbox/", message(payment)).status_code == 200
    assert fresh(dossier).paid_online_amount == 10000
