"""Every payment page reads a known number of SQL queries, whatever the history of the dossier."""

import pytest

from tests.builders.payments import begin, message, page_url

pytestmark = pytest.mark.django_db

# session, user with its citizen; the dossier (procedure, agency joined); expire the stale pending; the history (what was
# paid is read from it); the channel options, their fees
PAGE = 7


def test_the_dossier_payment_page(client, dossier, lan, django_assert_num_queries):
    client.force_login(lan)
    with django_assert_num_queries(PAGE):
        assert client.get(page_url(dossier)).status_code == 200
    for status in ("failed", "cancelled", "succeeded"):
        payment = begin(dossier, lan)
        client.post("/thanh-toan/callback/sandbox/", message(payment, status))
    with django_assert_num_queries(PAGE):
        page = client.get(page_url(dossier)).content.decode()
    assert page.count("pay-status") == 3


def test_the_return_page_and_the_receipt(client, dossier, lan, django_assert_num_queries):
    client.force_login(lan)
    payment = begin(dossier, lan)
    signed = message(payment)
    client.post("/thanh-toan/callback/sandbox/", signed)
    # session, user with its citizen; a savepoint around: lock the payment (dossier joined), append the event
    with django_assert_num_queries(2 + 4):
        assert client.get("/thanh-toan/ket-qua/sandbox/", signed).status_code == 200
    with django_assert_num_queries(2 + 1):  # the payment with its payer and dossier
        assert client.get(f"/thanh-toan/bien-lai/{payment.order_id}.pdf").status_code == 200


def test_the_sandbox_bank_page(client, dossier, lan, django_assert_num_queries):
    payment = begin(dossier, lan)
    with django_assert_num_queries(1):  # the payment with its dossier (no sign-in: it is the bank)
        assert client.get(f"/thanh-toan/sandbox/{payment.order_id}/").status_code == 200
