"""T9: a financial obligation notice (status 6) pauses the clock until the payment is confirmed; the appointment
moves by the working time waited. It always pauses, even for a procedure whose supplements restart the limit, and
it does not use up the body's one supplement request."""

import datetime as dt

import pytest

from motcua.catalog.choices import PauseMode
from motcua.dossiers.choices import PauseReason, Status
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import act, at, processing, snapshot
from tests.builders.org import assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def cashier(django_user_model, province):
    user = django_user_model.objects.create_user("ketoan.tuphap", password="x-long-password-1")
    assign(user, "CASHIER", province["justice"], valid_from=dt.date(2024, 1, 1))
    return user


def test_payment_notice_pauses_and_confirmation_moves_the_appointment(procedure, officers, cashier):
    dossier = act(
        processing(officers),
        "request_payment",
        officers["specialist"],
        "2026-03-10 09:15",
        reason="Nộp lệ phí trước bạ",
        amount="500000",
    )
    assert dossier.status == Status.FINANCIAL_OBLIGATION
    pause = dossier.pauses.get()
    assert (pause.reason, pause.mode, pause.ended_at) == (
        PauseReason.FINANCIAL_OBLIGATION,
        PauseMode.PAUSE,
        None,
    )
    assert dossier.log.get(seq=3).data == {"amount": "500000"}
    dossier = act(dossier, "confirm_payment", cashier, "2026-03-11 09:15", receipt="BL-0001")
    assert dossier.status == Status.PROCESSING
    assert dossier.due_at == at("2026-03-19 09:15") == dossier.original_due_at  # one working day later
    assert dossier.log.get(seq=4).data == {"receipt": "BL-0001"}


def test_every_payment_round_adds_its_wait(procedure, officers, cashier):
    dossier = act(
        processing(officers), "request_payment", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    dossier = act(dossier, "confirm_payment", cashier, "2026-03-11 09:15")
    dossier = act(dossier, "request_payment", officers["specialist"], "2026-03-12 08:00", reason="y")
    dossier = act(dossier, "confirm_payment", cashier, "2026-03-12 10:00")
    assert dossier.due_at == at("2026-03-19 11:15")
    assert dossier.pauses.count() == 2


def test_payment_pauses_even_when_supplements_restart_the_limit(make_procedure, officers, cashier):
    make_procedure(supplement_clock="restart")
    dossier = processing(officers)
    step = dossier.current_step
    dossier = act(dossier, "request_payment", officers["specialist"], "2026-03-10 09:15", reason="x")
    dossier = act(dossier, "confirm_payment", cashier, "2026-03-11 09:15")
    assert dossier.due_at == at("2026-03-19 09:15")  # moved by the wait, not recomputed from the payment
    assert dossier.current_step == step and dossier.current_step.finished_at is None  # the work goes on


def test_payment_does_not_use_up_the_supplement_request(procedure, officers, cashier):
    dossier = act(
        processing(officers), "request_payment", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    dossier = act(dossier, "confirm_payment", cashier, "2026-03-11 09:15")
    dossier = act(dossier, "request_supplement", officers["specialist"], "2026-03-11 10:00", reason="x")
    assert dossier.status == Status.SUPPLEMENT_REQUESTED


def test_the_counter_cannot_confirm_a_payment(procedure, officers):
    dossier = act(
        processing(officers), "request_payment", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "confirm_payment", officers["counter"], at=at("2026-03-11 09:15"))
    assert (refused.value.kind, refused.value.rule) == ("forbidden", "T9")
    assert snapshot(dossier) == before
