"""``motcua worker`` runs the jobs a transition left: the receipt (form 01) and the control sheet are issued, the
statistics' roll-up counts the dossier, the specialist is notified — and every job's row ends SUCCESSFUL. A job
may run twice (a worker killed after the effect, before recording it): the receivers are idempotent, so a second
run of the same job has no second effect."""

import pytest
from django.core.management import call_command
from django.db.models import Sum

from motcua.core.events import deliver
from motcua.documents.models import IssuedForm
from motcua.notifications.models import Notification
from motcua.reports.models import DailyCount, DossierFact
from tests.builders.dossiers import act, receive
from tests.builders.jobs import rows, run_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("database_jobs")]


def receive_transfer_assign(officers):
    dossier = receive(officers)
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    return act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")


def effects(dossier, officers):
    return {
        "forms": sorted(IssuedForm.objects.filter(dossier=dossier).values_list("code", flat=True)),
        "facts": DossierFact.objects.filter(dossier=dossier).count(),
        "received": DailyCount.objects.aggregate(n=Sum("received"))["n"],
        "notified": Notification.objects.filter(
            user=officers["specialist"], dossier=dossier, kind="assigned"
        ).count(),
    }


def test_nothing_happens_before_a_worker_runs_the_jobs(procedure, officers):
    dossier = receive_transfer_assign(officers)
    assert effects(dossier, officers) == {"forms": [], "facts": 0, "received": None, "notified": 0}
    assert set(rows().values_list("status", flat=True)) == {"READY"}


def test_the_worker_issues_the_forms_counts_the_dossier_and_notifies(procedure, officers):
    dossier = receive_transfer_assign(officers)
    jobs_left = rows().count()
    assert jobs_left >= 9  # three transitions, a job for each receiver of each

    # the citizens' messages receiver adds one sending job per message (the receipt's e-mail or SMS)
    sends = run_worker() - jobs_left
    assert sends == rows(task_path="motcua.messaging.services.sending.send_delivery").count() >= 1
    assert effects(dossier, officers) == {"forms": ["01", "06"], "facts": 1, "received": 1, "notified": 1}
    assert set(rows().values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert all(len(r.worker_ids) == 1 for r in rows())


def test_motcua_worker_batch_runs_the_jobs(procedure, officers):
    dossier = receive_transfer_assign(officers)
    call_command("worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert effects(dossier, officers)["forms"] == ["01", "06"]
    assert not rows().exclude(status="SUCCESSFUL").exists()


@pytest.mark.parametrize(
    "receiver",
    [
        "motcua.documents.receivers.on_transitions",
        "motcua.reports.receivers.refresh_rollup",
        "motcua.notifications.receivers.on_transitions",
    ],
)
def test_a_receivers_job_run_twice_has_one_effect(procedure, officers, receiver):
    dossier = receive_transfer_assign(officers)
    run_worker()
    once = effects(dossier, officers)
    for row in rows(task_path="motcua.core.events.deliver"):
        if row.args_kwargs["args"][1] == receiver:
            deliver.call(*row.args_kwargs["args"])  # the same job again, as after a crash
    assert (
        effects(dossier, officers)
        == once
        == {"forms": ["01", "06"], "facts": 1, "received": 1, "notified": 1}
    )


def test_a_whole_queue_run_twice_has_one_effect(procedure, officers):
    """Every job put back after it ran (as a reaper would after a lost worker): the second round changes
    nothing."""
    dossier = receive_transfer_assign(officers)
    run_worker()
    once = effects(dossier, officers)
    rows().update(status="READY", finished_at=None)
    run_worker(worker_id="second-worker")
    assert effects(dossier, officers) == once
    assert all(r.worker_ids == ["test-worker", "second-worker"] for r in rows())
