"""Issue 19: with an approved internal process, each step's work lands in the queue of the person who must act —
the division head's "Chờ phân công", the specialist's "Chờ xử lý", the division head's review, the director's
"Chờ ký duyệt", the clerk's "Chờ phát hành", the counter's "Chờ trả kết quả" — with no manual rescue; only the
assignee (or a leader of the unit) completes a step; a send-back goes to the person who did the step; the dossier
keeps the process version it was received under."""

import datetime as dt

import pytest

from motcua.catalog import processes
from motcua.dossiers.choices import Status
from motcua.dossiers.models import AssignmentMode, AssignmentRule
from motcua.dossiers.services import work
from motcua.dossiers.services.transitions import TransitionError, apply
from motcua.org.permissions import Access
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, snapshot
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(make_procedure):
    return make_procedure(steps=SIGNED_PROCESS)


def codes(user, key, when="2026-03-20 08:00"):
    access = Access.of(user, at(when))
    return [row.dossier.code for row in work.page(key, user, access).rows]


def count(user, key, when="2026-03-20 08:00"):
    return work.counts(user, Access.of(user, at(when)))[key]


def test_the_counters_steps_are_the_counters_transitions_and_the_agencys_steps_are_planned(
    signed, officers, province
):
    dossier = processing(officers)
    planned = list(dossier.steps.order_by("order").values_list("order", "role", "queue", "agency_id"))
    assert planned == [
        (2, "DEPT_LEAD", "assign", province["division"].pk),
        (3, "SPECIALIST", "assign", province["division"].pk),
        (4, "DEPT_LEAD", "work", province["division"].pk),
        (5, "AGENCY_LEAD", "sign", province["justice"].pk),
        (6, "CLERK", "issue", province["justice"].pk),
    ]
    assert dossier.process.decision_number == "12/QĐ-STP"
    assert dossier.log.get(action="transfer").data["process"]["number"] == dossier.process.number


def test_each_person_finds_the_work_in_their_own_queue(signed, officers):
    dossier = processing(officers)
    assert codes(officers["dept"], "assign") == [dossier.code]
    assert count(officers["dept"], "assign") == 1
    assert codes(officers["specialist"], "assign") == [] and codes(officers["specialist"], "work") == []

    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    assert codes(officers["dept"], "assign") == []
    assert codes(officers["specialist"], "work") == [dossier.code]

    dossier = act(dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    assert codes(officers["specialist"], "work") == []
    assert codes(officers["dept"], "work") == [dossier.code]

    dossier = act(dossier, "forward", officers["dept"], "2026-03-12 10:00")
    assert dossier.current_handler == officers["lead"]  # the only director: named for the signature
    assert codes(officers["lead"], "sign") == [dossier.code] and count(officers["lead"], "sign") == 1

    dossier = act(dossier, "approve", officers["lead"], "2026-03-12 14:00", note="Đồng ý")
    signed_step = dossier.steps.get(order=5)
    assert (signed_step.signed_by, signed_step.signed_at) == (officers["lead"], at("2026-03-12 14:00"))
    assert codes(officers["clerk"], "issue") == [dossier.code]

    dossier = act(
        dossier,
        "finish",
        officers["clerk"],
        "2026-03-12 15:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-12"},
    )
    assert codes(officers["clerk"], "issue") == []
    assert codes(officers["counter"], work.RETURN) == [dossier.code]
    dossier = act(dossier, "return_result", officers["counter"], "2026-03-13 08:00")
    assert dossier.status == Status.RETURNED and codes(officers["counter"], work.RETURN) == []
    assert list(dossier.steps.values_list("timeliness", flat=True).order_by("order", "id")) == [
        "on_time", "early", "on_time", "on_time", "on_time"
    ]  # fmt: skip


def test_only_the_assignee_or_a_leader_completes_a_step(signed, officers):
    dossier = processing(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:  # not assigned yet
        apply(dossier, "forward", officers["specialist"], at=at("2026-03-09 11:00"))
    assert refused.value.kind == "forbidden"
    assert snapshot(dossier) == before
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    colleague = staff_member("cv.khac", "SPECIALIST", dossier.current_agency)
    with pytest.raises(TransitionError):
        apply(dossier, "forward", colleague, at=at("2026-03-10 09:00"))
    dossier = act(dossier, "forward", officers["lead"], "2026-03-10 09:00")  # a leader of the unit may
    assert dossier.current_step.order == 4


def test_a_send_back_goes_to_the_person_who_did_the_step(signed, officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-11 09:00")
    dossier = act(dossier, "forward", officers["dept"], "2026-03-11 10:00")
    dossier = act(
        dossier, "send_back", officers["lead"], "2026-03-11 14:00", reason="Sửa trích yếu", to_step=3
    )
    redo = dossier.current_step
    assert (redo.order, redo.handler, redo.sent_back) == (3, officers["specialist"], True)
    assert codes(officers["specialist"], "returned") == [dossier.code]
    assert codes(officers["specialist"], "work") == []
    with pytest.raises(TransitionError) as refused:  # step 4 may only be sent back to step 3
        apply(
            act(dossier, "forward", officers["specialist"], "2026-03-11 15:00"),
            "send_back",
            officers["dept"],
            inputs={"reason": "x", "to_step": 2},
            at=at("2026-03-11 16:00"),
        )
    assert refused.value.field == "to_step"


def test_the_result_is_issued_only_after_the_signature(signed, officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(
            dossier,
            "finish",
            officers["clerk"],
            inputs={**FINISH_INPUTS, "result_signed_on": "2026-03-10"},
            at=at("2026-03-10 09:00"),
        )
    assert refused.value.rule == "T13"
    assert snapshot(dossier) == before


def test_the_dossier_keeps_the_process_version_it_was_received_under(signed, officers):
    dossier = processing(officers)
    kept = dossier.process
    newer = processes.new_draft(signed)
    processes.publish(
        newer,
        valid_from=dt.date(2026, 3, 10),
        decision_number="30/QĐ-STP",
        decision_date=dt.date(2026, 3, 5),
        decision_signer="Giám đốc Sở Tư pháp",
    )
    kept.refresh_from_db()
    assert kept.valid_to == dt.date(2026, 3, 9)
    dossier = act(dossier, "assign", officers["dept"], "2026-03-10 09:00", handler="cv.tuphap")
    assert dossier.process == kept
    assert processing(officers, received="2026-03-10 09:15", transferred="2026-03-10 10:00").process == newer


def test_automatic_assignment_gives_the_work_to_the_least_loaded_specialist(
    make_procedure, officers, province
):
    make_procedure(steps=[SIGNED_PROCESS[2]])
    AssignmentRule.objects.create(unit=province["division"], mode=AssignmentMode.LEAST_LOADED)
    dossier = processing(officers)
    assert dossier.current_step.handler == officers["specialist"] == dossier.current_handler
    assert codes(officers["specialist"], "work") == [dossier.code]
    assert codes(officers["dept"], "assign") == []
