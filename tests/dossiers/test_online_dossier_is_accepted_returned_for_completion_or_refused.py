"""T1–T4: an online dossier arrives in status 1 with a reception deadline of 8 working hours; the counter accepts it
(code and appointment from the acceptance), returns it for completion (Mẫu 02) or refuses it (Mẫu 03). A reason is
mandatory for Mẫu 02 and Mẫu 03; at the counter a refusal is recorded with its reason and no code."""

import pytest

from motcua.catalog.choices import Channel
from motcua.dossiers.choices import Status
from motcua.dossiers.models import Applicant, Dossier, ProcessLogEntry
from motcua.dossiers.services.intake import refuse_at_counter, submit_online
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import act, at, request_for, snapshot

pytestmark = pytest.mark.django_db


def submitted(officers, when="2026-03-09 09:15"):
    return submit_online(request_for(), officers["counter"], at=at(when))


def test_online_submission_waits_for_reception_with_an_eight_working_hour_deadline(procedure, officers):
    dossier = submitted(officers)
    assert (dossier.status, dossier.channel) == (Status.SUBMITTED, Channel.ONLINE)
    assert dossier.code is None and dossier.reference.startswith("HS-260309-")
    assert dossier.due_at is None and dossier.received_at is None  # the clock has not started
    # Monday 09:15: 5 h 45 left on Monday (07:30–11:30, 13:30–17:00), the other 2 h 15 on Tuesday morning
    assert dossier.reception_due_at == at("2026-03-10 09:45")
    entry = dossier.log.get()
    assert (entry.action, entry.from_status, entry.to_status) == ("submit_online", None, Status.SUBMITTED)
    assert entry.step_due_at == dossier.reception_due_at


def test_submission_late_in_the_day_gets_its_deadline_the_next_working_day(procedure, officers):
    dossier = submitted(officers, "2026-03-13 16:00")  # Friday: one hour left before the weekend
    assert dossier.reception_due_at == at("2026-03-16 16:30")  # Monday: 4 h in the morning, 3 h after lunch


def test_acceptance_issues_the_code_and_starts_the_clock_from_acceptance(procedure, officers):
    dossier = act(submitted(officers), "accept", officers["counter"], "2026-03-10 09:00")
    assert dossier.status == Status.ACCEPTED
    assert dossier.code == "000.00.03.H56-260310-0001"  # the acceptance date, not the submission date
    assert dossier.received_at == at("2026-03-10 09:00")
    assert dossier.due_at == at("2026-03-19 09:00") == dossier.original_due_at  # 7 working days
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.on_time, entry.step_due_at) == ("accept", True, at("2026-03-10 09:45"))


def test_acceptance_after_the_reception_deadline_is_recorded_late(procedure, officers):
    dossier = act(submitted(officers), "accept", officers["counter"], "2026-03-10 10:00")
    assert dossier.status == Status.ACCEPTED
    assert dossier.log.order_by("-seq").first().on_time is False


def test_return_for_completion_keeps_status_1_and_needs_a_reason(procedure, officers):
    dossier = submitted(officers)
    before = snapshot(dossier)
    for reason in (None, "", "   "):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, "request_completion", officers["counter"], inputs={"reason": reason})
        assert (refused.value.kind, refused.value.rule, refused.value.field) == (
            "missing_input",
            "T3",
            "reason",
        )
    assert snapshot(dossier) == before
    dossier = act(
        dossier,
        "request_completion",
        officers["counter"],
        "2026-03-09 14:00",
        reason="Thiếu giấy tờ chứng minh chỗ ở hợp pháp",
        items=["Giấy tờ chứng minh chỗ ở hợp pháp"],
    )
    assert (dossier.status, dossier.code, dossier.version) == (Status.SUBMITTED, None, 2)
    assert dossier.supplement_state == "Yêu cầu một cửa bổ sung"
    entry = dossier.log.get(seq=2)
    assert entry.note == "Thiếu giấy tờ chứng minh chỗ ở hợp pháp"
    assert entry.data["items"] == ["Giấy tờ chứng minh chỗ ở hợp pháp"]
    dossier = act(dossier, "resubmit", officers["counter"], "2026-03-10 08:00")
    assert (dossier.status, dossier.supplement_state) == (Status.SUBMITTED, "Công dân đã gửi bổ sung")
    dossier = act(dossier, "accept", officers["counter"], "2026-03-10 08:30")
    assert dossier.status == Status.ACCEPTED and dossier.supplement_state == ""
    assert [e.action for e in dossier.log.order_by("seq")] == [
        "submit_online",
        "request_completion",
        "resubmit",
        "accept",
    ]
    assert verify_dossier(dossier) == []


def test_refusal_of_an_online_dossier_needs_a_reason_and_closes_it_without_a_code(procedure, officers):
    dossier = submitted(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "refuse", officers["counter"], inputs={"reason": " "})
    assert (refused.value.kind, refused.value.rule, refused.value.field) == ("missing_input", "T4", "reason")
    assert snapshot(dossier) == before
    dossier = act(dossier, "refuse", officers["counter"], "2026-03-09 15:00", reason="Không thuộc thẩm quyền")
    assert (dossier.status, dossier.code, dossier.due_at) == (Status.REFUSED, None, None)
    assert dossier.closed_at == at("2026-03-09 15:00")
    assert dossier.log.get(seq=2).note == "Không thuộc thẩm quyền"
    with pytest.raises(TransitionError) as again:
        apply(dossier, "accept", officers["counter"])
    assert (again.value.kind, again.value.rule) == ("wrong_state", "T2")


def test_refusal_at_the_counter_is_recorded_with_its_reason_and_no_code(procedure, officers):
    dossier = refuse_at_counter(
        request_for(), officers["counter"], reason="Hồ sơ không thuộc thẩm quyền", at=at("2026-03-09 09:15")
    )
    assert (dossier.status, dossier.code, dossier.due_at) == (Status.REFUSED, None, None)
    entry = dossier.log.get()
    assert (entry.action, entry.from_status, entry.to_status, entry.note) == (
        "refuse_at_counter",
        None,
        Status.REFUSED,
        "Hồ sơ không thuộc thẩm quyền",
    )


def test_refusal_at_the_counter_without_a_reason_saves_nothing(procedure, officers):
    with pytest.raises(TransitionError) as refused:
        refuse_at_counter(request_for(), officers["counter"], reason="  ", at=at("2026-03-09 09:15"))
    assert (refused.value.kind, refused.value.rule, refused.value.field) == ("missing_input", "T4", "reason")
    assert (Dossier.objects.count(), Applicant.objects.count(), ProcessLogEntry.objects.count()) == (0, 0, 0)


def test_only_the_receiving_counter_takes_online_dossiers(procedure, officers):
    with pytest.raises(TransitionError) as refused:
        submit_online(request_for(), officers["specialist"], at=at("2026-03-09 09:15"))
    assert (refused.value.kind, refused.value.rule) == ("forbidden", "T1")
    assert Dossier.objects.count() == 0
    dossier = submitted(officers)
    for action, rule in (("accept", "T2"), ("request_completion", "T3"), ("refuse", "T4")):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, action, officers["other_counter"], inputs={"reason": "x"})
        assert (refused.value.kind, refused.value.rule) == ("forbidden", rule)
