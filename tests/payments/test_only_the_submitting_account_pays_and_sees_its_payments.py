"""Only the account that submitted the dossier online sees its payment page, pays and downloads its receipts;
anybody else gets 404 (the same answer as for a code that does not exist)."""

import pytest

from motcua.dossiers.services.intake import receive_at_counter
from motcua.payments.models import Payment
from motcua.payments.services import payments as service
from tests.builders.dossiers import at, request_for
from tests.builders.payments import begin, message, page_url

pytestmark = pytest.mark.django_db


def test_paying_someone_elses_dossier_is_not_found(client, dossier, lan, other_citizen):
    payment = begin(dossier, lan)
    client.post("/thanh-toan/callback/sandbox/", message(payment))
    client.force_login(other_citizen)
    assert client.get(page_url(dossier)).status_code == 404
    assert client.post(page_url(dossier), {"gateway": "sandbox"}).status_code == 404
    assert client.get(f"/thanh-toan/bien-lai/{payment.order_id}.pdf").status_code == 404
    assert client.get("/thanh-toan/ho-so/HS-KHONG-CO/").status_code == 404
    with pytest.raises(service.PaymentError):
        service.start(dossier, other_citizen, "sandbox", return_url="/", callback_url="/")


def test_a_dossier_received_at_the_counter_is_not_paid_online(client, procedure, officers, lan):
    at_counter = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:20"))
    client.force_login(lan)
    assert client.get(page_url(at_counter)).status_code == 404
    with pytest.raises(service.PaymentError):
        service.start(at_counter, lan, "sandbox", return_url="/", callback_url="/")
    assert not Payment.objects.exists()


def test_officers_and_visitors_are_not_let_in(client, dossier, officers):
    assert client.get(page_url(dossier)).status_code == 302  # to sign in
    client.force_login(officers["counter"])
    assert client.get(page_url(dossier)).status_code == 403  # not a citizen account
