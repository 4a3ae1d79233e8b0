"""A province adds a gateway by listing its class in ``MOTCUA_PAYMENT_GATEWAYS``: citizens then choose between the
gateways, and ``motcua expire_payments`` asks a gateway about its stale orders before expiring them, so a success
whose notification was lost is still recorded."""

import io

import pytest
from django.core.management import call_command

from motcua.payments.choices import PaymentStatus
from motcua.payments.gateways.base import GatewayOutcome
from motcua.payments.models import Payment
from tests.builders.payments import fresh, page_url
from tests.payments import fake_gateway

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_gateways(settings):
    settings.MOTCUA_PAYMENT_GATEWAYS = [
        "motcua.payments.gateways.sandbox.SandboxGateway",
        "tests.payments.fake_gateway.FakeBank",
    ]
    yield
    fake_gateway.SETTLED.clear()


def test_the_citizen_chooses_the_gateway_and_a_lost_success_is_recovered(
    client, dossier, lan, two_gateways, settings
):
    client.force_login(lan)
    page = client.get(page_url(dossier)).content.decode()
    assert (
        "Chọn cổng thanh toán" in page
        and "Ngân hàng giả lập" in page
        and "Cổng thanh toán thử nghiệm" in page
    )
    response = client.post(page_url(dossier), {"gateway": "fakebank"})
    payment = Payment.objects.get()
    assert response["Location"] == f"https://fakebank.example/pay?order={payment.order_id}"
    assert payment.gateway == "fakebank"
    # the bank took the money but its notification never came
    fake_gateway.SETTLED[payment.order_id] = GatewayOutcome(
        payment.order_id, "succeeded", payment.amount, "FB-77"
    )
    settings.MOTCUA_PAYMENT_TIMEOUT_MINUTES = 0
    out = io.StringIO()
    call_command("expire_payments", stdout=out)
    assert "ghi nhận thành công: 1" in out.getvalue()
    payment = fresh(payment)
    assert (payment.status, payment.transaction_id) == (PaymentStatus.SUCCEEDED, "FB-77")
    assert fresh(dossier).paid_online_amount == 10000
    assert payment.events.get().source == "query"


def test_an_unknown_gateway_cannot_be_chosen(client, dossier, lan):
    client.force_login(lan)
    response = client.post(page_url(dossier), {"gateway": "fakebank"})
    assert (
        response.status_code == 400 and "Cổng thanh toán này không được sử dụng." in response.content.decode()
    )
    assert not Payment.objects.exists()
