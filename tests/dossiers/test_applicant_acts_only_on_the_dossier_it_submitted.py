"""The portal account that submitted a dossier online acts on it as its applicant (the pseudo-role ``applicant``):
submit it, send a completion or a supplement, ask to withdraw, pay online. Nobody else holds that role: another
account, an officer of the unit, or the same person on a dossier received at the counter. Each refusal changes
nothing."""

import pytest

from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Status
from motcua.dossiers.services.intake import receive_at_counter, submit_online
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, allowed_actions, apply
from tests.builders.dossiers import act, at, processing, request_for, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(django_user_model):
    return django_user_model.objects.create_user("cd.lan", email="lan@example.vn", password="x" * 12)


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("cd.khac", email="khac@example.vn", password="x" * 12)


def online(citizen, when="2026-03-09 09:15"):
    return submit_online(request_for(account_id=citizen.pk), citizen, at=at(when))


def test_a_citizen_submits_online_as_the_applicant(procedure, officers, citizen):
    dossier = online(citizen)
    assert (dossier.status, dossier.account_id) == (Status.SUBMITTED, citizen.pk)
    entry = dossier.log.get()
    assert (entry.action, entry.role) == ("submit_online", lifecycle.APPLICANT)
    assert lifecycle.role_label(entry.role) == "Người nộp hồ sơ"


def test_a_citizen_cannot_submit_for_another_account(procedure, officers, citizen, stranger):
    with pytest.raises(TransitionError) as refused:
        submit_online(request_for(account_id=citizen.pk), stranger, at=at("2026-03-09 09:15"))
    assert (refused.value.kind, refused.value.rule) == ("forbidden", "T1")


def test_the_applicant_resubmits_after_a_completion_request(procedure, officers, citizen):
    dossier = act(
        online(citizen), "request_completion", officers["counter"], "2026-03-09 10:00", reason="Thiếu"
    )
    dossier = act(dossier, "resubmit", citizen, "2026-03-09 11:00", note="Đã bổ sung")
    assert dossier.supplement_state == "Công dân đã gửi bổ sung"


def test_the_applicant_sends_a_supplement_and_the_counter_receives_it(procedure, officers, citizen):
    dossier = act(online(citizen), "accept", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:30")
    dossier = act(
        dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="Thiếu bản sao"
    )
    assert lifecycle.BY_ACTION["submit_supplement"] in allowed_actions(
        citizen, dossier, at("2026-03-11 08:00")
    )
    dossier = act(dossier, "submit_supplement", citizen, "2026-03-11 08:00", note="Bản sao đã chứng thực")
    assert (dossier.status, dossier.supplement_state) == (
        Status.SUPPLEMENT_REQUESTED,
        "Công dân đã gửi bổ sung trực tuyến",
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-11 09:00")
    assert dossier.status == Status.PROCESSING


def test_a_withdrawal_request_is_recorded_once_and_the_counter_confirms_it(procedure, officers, citizen):
    dossier = act(online(citizen), "accept", officers["counter"], "2026-03-09 10:00")
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "request_withdrawal", citizen, inputs={"reason": " "})
    assert (refused.value.kind, refused.value.field) == ("missing_input", "reason")
    dossier = act(dossier, "request_withdrawal", citizen, "2026-03-09 11:00", reason="Không còn nhu cầu")
    assert dossier.status == Status.ACCEPTED and dossier.withdrawal_requested_at == at("2026-03-09 11:00")
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as twice:
        apply(dossier, "request_withdrawal", citizen, inputs={"reason": "Lần nữa"}, at=at("2026-03-09 11:30"))
    assert twice.value.kind == "conflict"
    assert snapshot(dossier) == before
    dossier = act(dossier, "withdraw", officers["counter"], "2026-03-09 14:00", reason="Công dân đề nghị rút")
    assert dossier.status == Status.WITHDRAWN


def test_an_online_payment_is_recorded_on_the_dossier(procedure, officers, citizen):
    dossier = online(citizen)
    for bad in ({"amount": 0, "transaction": "T1"}, {"amount": "abc", "transaction": "T1"}):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, "pay_online", citizen, inputs=bad)
        assert (refused.value.kind, refused.value.field) == ("invalid_input", "amount")
    dossier = act(
        dossier,
        "pay_online",
        citizen,
        "2026-03-09 09:30",
        amount=20000,
        transaction="SB-1",
        gateway="sandbox",
    )
    assert (dossier.paid_online_at, dossier.paid_online_amount) == (at("2026-03-09 09:30"), 20000)
    entry = dossier.log.order_by("-seq").first()
    assert entry.note == "Thanh toán trực tuyến 20.000 đồng, mã giao dịch SB-1"
    assert verify_dossier(dossier) == []  # the chain still verifies


@pytest.mark.parametrize(
    "action, inputs",
    [
        ("submit_supplement", {"note": "x"}),
        ("request_withdrawal", {"reason": "x"}),
        ("pay_online", {"amount": 1000, "transaction": "T"}),
    ],
)
def test_nobody_else_acts_as_the_applicant(procedure, officers, citizen, stranger, action, inputs):
    mine = online(citizen)
    at_counter = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:20"))
    for dossier, actor in ((mine, stranger), (mine, officers["counter"]), (at_counter, citizen)):
        before = snapshot(dossier)
        with pytest.raises(TransitionError) as refused:
            apply(dossier, action, actor, inputs=inputs, at=at("2026-03-09 10:00"))
        assert refused.value.kind in {"forbidden", "wrong_state"}
        assert snapshot(dossier) == before


def test_the_applicant_role_is_not_an_officer_role(procedure, officers, citizen):
    dossier = processing(officers)
    assert not [t for t in allowed_actions(citizen, dossier) if lifecycle.APPLICANT in t.roles]
