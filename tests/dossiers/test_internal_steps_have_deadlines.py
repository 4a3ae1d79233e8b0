"""T6: the approved internal process (ProcessStep rows of the procedure version) becomes the dossier's steps at
transfer; each step gets its own deadline when it starts; ``forward`` records whether the step finished on time
and starts the next; ``send_back`` (with a reason) reopens the previous step and queues the current one again."""

import pytest

from motcua.dossiers.choices import Status
from motcua.dossiers.models import DossierStep
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.catalog import THREE_STEPS as STEPS
from tests.builders.dossiers import act, at, processing, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def stepped(make_procedure):
    return make_procedure(steps=STEPS)


def rows(dossier):
    return list(
        DossierStep.objects.filter(dossier=dossier)
        .order_by("id")
        .values_list("order", "name", "role", "started_at", "due_at", "finished_at", "timeliness")
    )


def test_transfer_creates_the_steps_and_starts_the_first(stepped, officers):
    dossier = processing(officers)  # transferred Monday 09/03 10:00
    assert rows(dossier) == [
        (1, "Phân công thụ lý", "DEPT_LEAD", at("2026-03-09 10:00"), at("2026-03-09 16:00"), None, ""),
        (2, "Thẩm định hồ sơ", "SPECIALIST", None, None, None, ""),
        (3, "Ký duyệt kết quả", "AGENCY_LEAD", None, None, None, ""),
    ]
    assert dossier.current_step.order == 1
    assert dossier.log.get(seq=2).step_due_at == at("2026-03-09 16:00")


def test_forward_records_the_step_on_time_and_starts_the_next_with_its_deadline(stepped, officers):
    dossier = act(processing(officers), "forward", officers["dept"], "2026-03-09 15:00", handler="cv.tuphap")
    first, second = dossier.steps.get(order=1), dossier.current_step
    assert (first.finished_at, first.timeliness) == (at("2026-03-09 15:00"), "on_time")
    assert (second.order, second.started_at, second.due_at) == (
        2,
        at("2026-03-09 15:00"),
        at("2026-03-12 15:00"),
    )
    assert second.handler == officers["specialist"] == dossier.current_handler
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.step_due_at, entry.on_time) == ("forward", at("2026-03-09 16:00"), True)


def test_a_step_finished_after_its_deadline_is_late(stepped, officers):
    dossier = act(processing(officers), "forward", officers["dept"], "2026-03-09 15:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-13 08:00")
    assert dossier.steps.get(order=2).timeliness == "late"
    assert dossier.log.order_by("-seq").first().on_time is False
    assert (dossier.current_step.order, dossier.current_step.due_at) == (3, at("2026-03-16 08:00"))


def test_send_back_reopens_the_previous_step_and_queues_the_current_again(stepped, officers):
    dossier = act(processing(officers), "forward", officers["dept"], "2026-03-09 15:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-11 09:00")
    dossier = act(dossier, "send_back", officers["lead"], "2026-03-11 14:00", reason="Thiếu ý kiến xác minh")
    redo = dossier.current_step
    assert (redo.order, redo.started_at, redo.due_at, redo.handler) == (
        2,
        at("2026-03-11 14:00"),
        at("2026-03-16 14:00"),
        officers["specialist"],
    )
    entry = dossier.log.order_by("-seq").first()
    assert (entry.note, entry.data) == ("Thiếu ý kiến xác minh", {"from_step": 3, "to_step": 2})
    assert dossier.steps.filter(order=3, started_at__isnull=True, finished_at__isnull=True).count() == 1
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    again = dossier.current_step
    assert (again.order, again.started_at, again.finished_at) == (3, at("2026-03-12 09:00"), None)


def test_after_the_last_step_the_clerk_issues_the_result(stepped, officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 15:00", handler="cv.tuphap")
    for actor, when in (("specialist", "2026-03-11 09:00"), ("lead", "2026-03-11 15:00")):
        dossier = act(dossier, "forward", officers[actor], when)
    issuing = dossier.current_step
    assert (issuing.order, issuing.role, issuing.queue, issuing.handler) == (4, "CLERK", "issue", None)
    assert dossier.status == Status.PROCESSING and dossier.current_agency == issuing.agency
    assert "Phát hành văn bản kết quả" in dossier.log.order_by("-seq").first().note
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "forward", officers["lead"], at=at("2026-03-11 16:00"))
    assert (refused.value.kind, refused.value.rule) == ("conflict", "T6")
    assert snapshot(dossier) == before
    assert verify_dossier(dossier) == []


def test_assigning_completes_the_dispatch_step_and_starts_the_next_with_its_handler(stepped, officers):
    dossier = act(
        processing(officers),
        "assign",
        officers["dept"],
        "2026-03-09 11:00",
        handler=officers["specialist"].pk,
    )
    assert dossier.steps.get(order=1).timeliness == "on_time"
    assert dossier.current_step.order == 2
    assert dossier.current_step.handler == officers["specialist"] == dossier.current_handler
    assert dossier.log.order_by("-seq").first().data == {
        "handler": officers["specialist"].pk,
        "step": 2,
        "step_timeliness": "on_time",
    }


def test_assign_names_the_handler_of_a_specialists_step(procedure, officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    assert dossier.current_step.order == 1
    assert dossier.current_step.handler == officers["specialist"] == dossier.current_handler


def test_without_an_internal_process_one_step_carries_the_whole_limit(procedure, officers):
    dossier = processing(officers)
    assert rows(dossier) == [
        (1, "Thẩm định, xử lý hồ sơ", "SPECIALIST", at("2026-03-09 10:00"), at("2026-03-18 10:00"), None, "")
    ]
