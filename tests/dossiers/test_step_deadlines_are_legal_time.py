"""Issue 19 point 6: a step's deadline is computed by the deadline engine from the step's share of the approved
process (working hours or days from the step's start), moves with a supplement pause exactly as the dossier's
appointment does, and the step ends early, on time or late by the rule the dossier is judged by."""

import pytest

from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import act, at, processing

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(make_procedure):
    return make_procedure(steps=SIGNED_PROCESS)


def appraising(officers):
    return act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")


def test_the_steps_share_runs_in_working_time_from_its_start(signed, officers):
    step = appraising(officers).current_step
    assert (step.name, step.started_at, step.due_at) == (
        "Thẩm định hồ sơ, dự thảo kết quả",
        at("2026-03-09 11:00"),
        at("2026-03-13 11:00"),  # 4 working days
    )


def test_a_supplement_pause_moves_the_steps_deadline_as_it_moves_the_dossiers(signed, officers):
    dossier = appraising(officers)
    dossier_due = dossier.due_at
    dossier = act(
        dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="Thiếu bản sao"
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-16 09:00")
    step = dossier.current_step
    # paused Tuesday 09:00 to the next Monday 09:00: four working days, added to the step and to the dossier
    assert step.due_at == at("2026-03-19 11:00")
    assert (dossier_due, dossier.due_at) == (at("2026-03-18 09:15"), at("2026-03-24 09:15"))
    moved = dossier.steps.get(pk=step.pk)
    assert moved.due_at == at("2026-03-19 11:00")


def test_a_step_finished_on_a_later_day_than_its_deadline_is_late_and_an_earlier_day_early(signed, officers):
    dossier = act(appraising(officers), "forward", officers["specialist"], "2026-03-16 08:00")
    assert dossier.steps.get(order=3).timeliness == "late"
    review = dossier.current_step
    dossier = act(dossier, "forward", officers["dept"], "2026-03-16 09:00")
    assert dossier.steps.get(pk=review.pk).timeliness == "on_time"  # due the same day, 11:00 + lunch
    entry = dossier.log.order_by("-seq").first()
    assert (entry.step_due_at, entry.on_time) == (review.due_at, True)
