"""Only a message signed with the gateway's key, for our order and its exact amount, changes anything. Anything
else is answered 400, kept as an unverified or refused event, and leaves the payment and the dossier as they were;
the return page never trusts an unsigned query string."""

import hashlib
import hmac

import pytest

from motcua.payments.choices import PaymentStatus
from motcua.payments.gateways import sandbox as sandbox_module
from motcua.payments.models import PaymentEvent
from tests.builders.dossiers import snapshot
from tests.builders.payments import begin, fresh, message

pytestmark = pytest.mark.django_db
CALLBACK = "/thanh-toan/callback/sandbox/"


def unchanged(dossier, payment, before):
    assert snapshot(dossier) == before
    assert fresh(payment).status == PaymentStatus.PENDING and fresh(payment).transaction_id == ""


def test_a_missing_signature_is_refused(client, dossier, lan):
    payment = begin(dossier, lan)
    before = snapshot(dossier)
    fields = message(payment)
    fields.pop("signature")
    response = client.post(CALLBACK, fields)
    assert response.status_code == 400 and response.json()["Message"] == "invalid signature"
    unchanged(dossier, payment, before)
    event = PaymentEvent.objects.get()
    assert (event.verified, event.payment_id, event.order_id) == (False, None, payment.order_id)


def test_a_signature_made_with_another_key_is_refused(client, dossier, lan):
    payment = begin(dossier, lan)
    before = snapshot(dossier)
    fields = message(payment)
    fields["signature"] = hmac.new(
        b"not-the-key", sandbox_module.canonical(fields).encode(), hashlib.sha256
    ).hexdigest()
    assert client.post(CALLBACK, fields).status_code == 400
    assert client.get(CALLBACK, {**fields, "signature": "00" * 32}).status_code == 400
    unchanged(dossier, payment, before)
    assert not PaymentEvent.objects.filter(verified=True).exists()


def test_an_amount_changed_after_signing_is_refused(client, dossier, lan):
    payment = begin(dossier, lan)
    before = snapshot(dossier)
    fields = message(payment)
    fields["amount"] = "1000"
    assert client.post(CALLBACK, fields).status_code == 400
    unchanged(dossier, payment, before)


def test_a_genuine_message_for_another_amount_is_refused(client, dossier, lan):
    """Signed correctly but not for what we asked: the order says 10.000 đồng."""
    payment = begin(dossier, lan)
    before = snapshot(dossier)
    response = client.post(CALLBACK, message(payment, amount=1000))
    assert response.status_code == 400 and response.json()["Message"] == "amount differs"
    unchanged(dossier, payment, before)
    event = PaymentEvent.objects.get()
    assert (event.verified, event.payment_id, event.result) == (True, payment.pk, "refused: amount differs")


def test_an_unknown_order_is_refused(client, dossier, lan):
    payment = begin(dossier, lan)
    fields = sandbox_module.SandboxGateway().message("MC000000FFFFFFFFFFFF", 10000, "succeeded", "SB1")
    assert client.post(CALLBACK, fields).json()["Message"] == "unknown order"
    assert fresh(payment).status == PaymentStatus.PENDING


def test_the_return_page_does_not_trust_an_unsigned_query_string(client, dossier, lan):
    client.force_login(lan)
    payment = begin(dossier, lan)
    before = snapshot(dossier)
    query = {"order": payment.order_id, "amount": "10000", "status": "00", "transaction": "X", "ts": "1"}
    response = client.get("/thanh-toan/ket-qua/sandbox/", query)
    assert response.status_code == 400
    assert "Không xác minh được kết quả thanh toán." in response.content.decode()
    unchanged(dossier, payment, before)


def test_an_unknown_gateway_is_not_found(client, dossier, lan):
    payment = begin(dossier, lan)
    assert client.post("/thanh-toan/callback/vnpay/", message(payment)).status_code == 404
