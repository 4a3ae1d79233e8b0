"""If the dossier was closed (refused, withdrawn…) while the citizen was at the bank, a genuine success is kept
(the money was taken) but not recorded on the closed dossier: the payment is flagged for a refund, the citizen is
told and the counter sees it on the dossier page."""

import pytest
from django.template import Context, Template

from motcua.payments.choices import PaymentStatus
from tests.builders.dossiers import act, snapshot
from tests.builders.payments import begin, fresh, message, page_url

pytestmark = pytest.mark.django_db


def test_closed_dossier_flags_the_payment_for_refund(client, dossier, lan, officers):
    payment = begin(dossier, lan)
    closed = act(dossier, "refuse", officers["counter"], "2026-03-09 10:00", reason="Không thuộc thẩm quyền")
    before = snapshot(closed)
    assert client.post("/thanh-toan/callback/sandbox/", message(payment)).status_code == 200
    payment = fresh(payment)
    assert (
        payment.status == PaymentStatus.SUCCEEDED and payment.refund_required and payment.recorded_at is None
    )
    assert snapshot(closed) == before  # nothing written on the closed dossier
    client.force_login(lan)
    page = client.get(page_url(dossier)).content.decode()
    assert "bộ phận một cửa sẽ hoàn trả số tiền này" in page
    panel = Template("{% load payments_tags %}{% payment_panel dossier %}").render(
        Context({"dossier": closed})
    )
    assert "Cần hoàn tiền" in panel and "10.000 đồng" in panel and payment.receipt_number in panel


def test_a_closed_dossier_cannot_start_a_payment(client, dossier, lan, officers):
    act(dossier, "refuse", officers["counter"], "2026-03-09 10:00", reason="Không thuộc thẩm quyền")
    client.force_login(lan)
    response = client.post(page_url(dossier), {"gateway": "sandbox"})
    assert response.status_code == 400
    assert "Hồ sơ đã kết thúc xử lý, không thể thanh toán trực tuyến." in response.content.decode()


def test_the_officer_panel_shows_what_was_paid_online(client, dossier, lan):
    payment = begin(dossier, lan)
    client.post("/thanh-toan/callback/sandbox/", message(payment))
    panel = Template("{% load payments_tags %}{% payment_panel dossier %}").render(
        Context({"dossier": fresh(dossier)})
    )
    assert "Đã thanh toán trực tuyến 10.000 đồng" in " ".join(panel.split())
    link = Template("{% load payments_tags %}{% payment_link dossier %}").render(
        Context({"dossier": fresh(dossier)})
    )
    assert "Thanh toán phí, lệ phí" in link and "Đã thanh toán trực tuyến 10.000 đồng" in " ".join(
        link.split()
    )
