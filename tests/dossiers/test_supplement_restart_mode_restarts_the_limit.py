"""T7–T8 in restart mode (SPEC §8.5, "theo nghị định" or special laws, configured per procedure version): when the
complete supplement is received the full limit runs again from that moment and the work restarts at step 1 of the
internal process. Still only one supplement request per body."""

import pytest

from motcua.catalog.choices import PauseMode
from motcua.dossiers.choices import Status
from motcua.dossiers.models import DossierStep
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.catalog import THREE_STEPS as STEPS
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def restart_procedure(make_procedure):
    return make_procedure(supplement_clock="restart", steps=STEPS)


def supplemented(officers):
    dossier = processing(officers)  # step 1 from Monday 10:00
    dossier = act(dossier, "forward", officers["dept"], "2026-03-09 15:00")  # step 2
    dossier = act(
        dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="Thiếu giấy tờ"
    )
    return act(dossier, "receive_supplement", officers["counter"], "2026-03-16 10:00")


def test_the_version_decides_the_mode(restart_procedure, officers):
    dossier = processing(officers)
    assert dossier.pause_mode == PauseMode.RESTART
    dossier = act(dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="x")
    assert dossier.pauses.get().mode == PauseMode.RESTART


def test_the_full_limit_runs_again_from_the_supplement_receipt(restart_procedure, officers):
    dossier = supplemented(officers)
    assert dossier.status == Status.PROCESSING
    # 7 working days from Monday 16/03 10:00, not the remainder of the first run
    assert dossier.due_at == at("2026-03-25 10:00") == dossier.original_due_at
    assert dossier.log.order_by("-seq").first().data == {"mode": "restart"}
    assert verify_dossier(dossier) == []


def test_the_work_restarts_at_step_one(restart_procedure, officers):
    dossier = supplemented(officers)
    step = dossier.current_step
    assert (step.order, step.name, step.started_at, step.finished_at) == (
        1,
        "Phân công thụ lý",
        at("2026-03-16 10:00"),
        None,
    )
    assert step.due_at == at("2026-03-16 16:00")  # 4 working hours: 10:00–11:30, 13:30–16:00
    interrupted = DossierStep.objects.get(dossier=dossier, order=2, started_at=at("2026-03-09 15:00"))
    assert interrupted.finished_at == at("2026-03-16 10:00")
    assert DossierStep.objects.filter(dossier=dossier, finished_at__isnull=True).count() == 3  # the new run


def test_the_restarted_work_goes_through_every_step_again(restart_procedure, officers):
    dossier = supplemented(officers)
    dossier = act(dossier, "forward", officers["dept"], "2026-03-16 11:00", handler="cv.tuphap")
    assert (dossier.current_step.order, dossier.current_step.started_at) == (2, at("2026-03-16 11:00"))
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-18 11:00")
    step = dossier.current_step
    assert (step.order, step.started_at, step.finished_at) == (3, at("2026-03-18 11:00"), None)
    assert step.due_at == at("2026-03-19 11:00")
    dossier = act(dossier, "forward", officers["lead"], "2026-03-19 09:00")
    assert dossier.current_step.role == "CLERK" and dossier.current_step.queue == "issue"
    dossier = act(
        dossier,
        "finish",
        officers["lead"],
        "2026-03-19 10:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-19"},
    )
    assert (dossier.status, dossier.timeliness) == (Status.FINISHED, "early")


def test_restart_mode_still_allows_one_request_per_body(restart_procedure, officers):
    dossier = supplemented(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(
            dossier,
            "request_supplement",
            officers["specialist"],
            inputs={"reason": "x"},
            at=at("2026-03-17 08:00"),
        )
    assert (refused.value.kind, refused.value.rule) == ("conflict", "T7")
    assert snapshot(dossier) == before
