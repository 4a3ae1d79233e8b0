"""What a dossier owes is the fees of the catalogue's way of submitting for its case and channel (as intake chose
its time limit), in đồng; a fee stated only in words is shown as paid at the counter or as notified and is never
paid online; a free procedure has nothing to pay; what was already paid online is deducted."""

import datetime as dt

import pytest

from motcua.catalog import services as catalog
from motcua.catalog.models import ChannelOption, Fee
from motcua.dossiers.services.intake import receive_at_counter, submit_online
from motcua.payments.services import fees
from motcua.payments.services import payments as service
from tests.builders.catalog import draft_procedure
from tests.builders.dossiers import act, at, request_for
from tests.builders.payments import begin, message, page_url

pytestmark = pytest.mark.django_db


def publish_with_online_fees(province, *rows):
    """Procedure 1.004222 whose online way of submitting has the fees ``(kind, amount, text)``."""
    version = draft_procedure()
    online = ChannelOption.objects.get(version=version, channel="2")
    online.fees.all().delete()
    for order, (kind, amount, text) in enumerate(rows, 1):
        Fee.objects.create(option=online, order=order, kind=kind, amount=amount, text=text)
    version = catalog.publish(
        version, valid_from=dt.date(2025, 7, 1), decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)
    )
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    return version


def online_dossier(citizen):
    return submit_online(request_for(account_id=citizen.pk), citizen, at=at("2026-03-09 09:15"))


def test_the_fee_of_the_online_channel_applies(dossier):
    owed = fees.owed(dossier)
    assert [(line.kind, line.amount, line.text) for line in owed.lines] == [("Lệ phí", 10000, "10.000 đồng")]
    assert (owed.total, owed.paid, owed.due) == (10000, 0, 10000)


def test_the_counter_channel_has_its_own_fee(procedure, officers):
    at_counter = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:20"))
    owed = fees.owed(at_counter)
    assert [(line.amount, line.note) for line in owed.lines] == [(20000, "Miễn cho người có công")]


def test_fees_add_up_and_a_text_only_fee_is_paid_at_the_counter(client, province, officers, lan):
    publish_with_online_fees(
        province,
        ("phi", 50000, ""),
        ("le_phi", 15000, ""),
        ("khac", None, "Theo thông báo của cơ quan thuế"),
    )
    dossier = online_dossier(lan)
    owed = fees.owed(dossier)
    assert (owed.total, owed.due) == (65000, 65000)
    assert [line.text for line in owed.offline] == ["Theo thông báo của cơ quan thuế"]
    payment = begin(dossier, lan)
    assert payment.amount == 65000
    assert [line["amount"] for line in payment.items["lines"]] == [50000, 15000]
    client.force_login(lan)
    page = client.get(page_url(dossier)).content.decode()
    assert "Theo thông báo của cơ quan thuế" in page and "nộp tại quầy/theo thông báo" in page


@pytest.mark.parametrize(
    "rows", [(), (("le_phi", 0, ""),), (("khac", None, "Theo thông báo"),)], ids=["none", "free", "text"]
)
def test_nothing_to_pay_online_is_said_and_cannot_start(client, province, officers, lan, rows):
    publish_with_online_fees(province, *rows)
    dossier = online_dossier(lan)
    assert fees.owed(dossier).nothing
    client.force_login(lan)
    page = client.get(page_url(dossier)).content.decode()
    assert "Không có khoản nào cần thanh toán trực tuyến." in page and 'name="gateway"' not in page
    with pytest.raises(service.PaymentError) as refused:
        begin(dossier, lan)
    assert refused.value.message == "Hồ sơ không có khoản phí, lệ phí nào cần thanh toán trực tuyến."


def test_what_was_paid_online_is_deducted(client, dossier, lan):
    dossier = act(
        dossier, "pay_online", lan, "2026-03-09 09:30", amount=4000, transaction="T-1", gateway="sandbox"
    )
    owed = fees.owed(dossier)
    assert (owed.paid, owed.due) == (4000, 6000)
    payment = begin(dossier, lan)
    assert (payment.amount, payment.items["paid_before"]) == (6000, 4000)
    client.post("/thanh-toan/callback/sandbox/", message(payment))
    assert fees.owed(type(dossier).objects.get(pk=dossier.pk)).due == 0
