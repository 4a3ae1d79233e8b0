"""Liên thông (SPEC §1.7): the handling body hands the dossier to a partner body with a share of the time limit;
the partner's step has its own deadline, late time is attributed to the partner (its step and its log entry), and
the work resumes at the handling body when the partner returns its part."""

import pytest

from motcua.dossiers.choices import PauseReason, Status, StepKind
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, snapshot

pytestmark = pytest.mark.django_db

BUILDING = "000.00.07.H56"


def consulted(officers, when="2026-03-10 09:00", **extra):
    inputs = {"partner": BUILDING, "share_amount": 2, "task": "Xác minh hiện trạng nhà ở", **extra}
    return act(processing(officers), "consult_partner", officers["specialist"], when, **inputs)


def test_the_partner_gets_a_step_with_its_share_of_the_time(procedure, officers, province):
    dossier = consulted(officers)
    step = dossier.current_step
    assert (step.kind, step.agency, step.name) == (
        StepKind.PARTNER,
        province["building"],
        "Xác minh hiện trạng nhà ở",
    )
    assert (step.started_at, step.due_at) == (
        at("2026-03-10 09:00"),
        at("2026-03-12 09:00"),
    )  # 2 working days
    assert dossier.current_agency == province["building"] and dossier.handling_agency == province["justice"]
    assert dossier.status == Status.PROCESSING and dossier.due_at == at(
        "2026-03-18 09:15"
    )  # the clock runs on
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.agency, entry.step_due_at) == (
        "consult_partner",
        province["justice"],
        at("2026-03-12 09:00"),
    )
    assert entry.data == {"partner": BUILDING, "share": "2", "unit": "working_days"}


def test_the_share_may_be_given_in_working_hours(procedure, officers):
    dossier = consulted(officers, share_amount="4", share_unit="working_hours")
    assert dossier.current_step.due_at == at("2026-03-10 15:00")  # 09:00–11:30 and 13:30–15:00


def test_a_late_partner_is_recorded_late_and_the_work_resumes(procedure, officers, partner, province):
    dossier = consulted(officers)
    internal = dossier.steps.get(kind=StepKind.INTERNAL)
    dossier = act(dossier, "return_from_partner", partner, "2026-03-13 10:00", note="Đã xác minh")
    partner_step = dossier.steps.get(kind=StepKind.PARTNER)
    assert (partner_step.finished_at, partner_step.timeliness) == (at("2026-03-13 10:00"), "late")
    entry = dossier.log.order_by("-seq").first()
    # the late time is the partner's: its step, its agency, its officer
    assert (entry.action, entry.agency, entry.actor, entry.on_time) == (
        "return_from_partner",
        province["building"],
        partner,
        False,
    )
    assert entry.step_due_at == at("2026-03-12 09:00") and entry.note == "Đã xác minh"
    assert dossier.current_agency == province["justice"]
    assert dossier.current_step == internal and internal.finished_at is None
    dossier = act(dossier, "assign", officers["dept"], "2026-03-13 10:30", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-13 11:00")
    dossier = act(
        dossier,
        "finish",
        officers["lead"],
        "2026-03-16 09:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-16"},
    )
    assert (dossier.status, dossier.timeliness) == (Status.FINISHED, "early")
    assert verify_dossier(dossier) == []


def test_a_partner_before_its_due_day_is_recorded_early(procedure, officers, partner):
    dossier = act(consulted(officers), "return_from_partner", partner, "2026-03-11 16:00")
    assert dossier.steps.get(kind=StepKind.PARTNER).timeliness == "early"
    assert dossier.log.order_by("-seq").first().on_time is True


def test_a_partner_on_its_due_day_by_its_due_time_is_recorded_on_time(procedure, officers, partner):
    dossier = act(consulted(officers), "return_from_partner", partner, "2026-03-12 08:30")
    assert dossier.steps.get(kind=StepKind.PARTNER).timeliness == "on_time"
    assert dossier.log.order_by("-seq").first().on_time is True


def test_only_the_partner_returns_its_part(procedure, officers, partner):
    dossier = consulted(officers)
    before = snapshot(dossier)
    for actor in (officers["specialist"], officers["lead"]):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, "return_from_partner", actor, at=at("2026-03-11 09:00"))
        assert (refused.value.kind, refused.value.rule) == ("forbidden", "T6")
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "forward", partner, at=at("2026-03-11 09:00"))
    assert (refused.value.kind, refused.value.rule) == ("conflict", "T6")
    assert snapshot(dossier) == before


def test_the_partner_has_its_own_supplement_request(procedure, officers, partner, province):
    dossier = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 08:00", reason="x"
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-10 10:00")
    dossier = act(
        dossier,
        "consult_partner",
        officers["specialist"],
        "2026-03-10 11:00",
        partner=BUILDING,
        share_amount=2,
    )
    dossier = act(dossier, "request_supplement", partner, "2026-03-11 08:00", reason="Bổ sung bản vẽ")
    assert dossier.status == Status.SUPPLEMENT_REQUESTED
    assert [p.agency for p in dossier.pauses.filter(reason=PauseReason.SUPPLEMENT)] == [
        province["justice"],
        province["building"],
    ]
