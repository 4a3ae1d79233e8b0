"""``MOTCUA_JOBS_BACKEND=redis`` is a configuration change: a transition's jobs go to RQ queues only once its
transaction committed (none when it rolled back), and ``motcua rqworker --job-class django_tasks_rq.Job
--with-scheduler default messages reports`` runs them with the same effects; a failing job is retried by RQ with
the job's back-off. (RabbitMQ is not a backend: django-tasks has none for it.)"""

import pytest
from django.core.management import call_command, get_commands
from django.db import transaction
from rq.registry import ScheduledJobRegistry

from motcua.core import jobs
from motcua.documents.models import IssuedForm
from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_transitioned
from motcua.notifications.models import Notification
from motcua.reports.models import DossierFact
from tests.builders.dossiers import act, receive
from tests.jobs import probe

pytestmark = pytest.mark.usefixtures("redis_jobs")

RQWORKER = [
    "rqworker",
    "--job-class",
    "django_tasks_rq.Job",
    "--with-scheduler",
    "default",
    "messages",
    "reports",
]


class Refused(Exception):
    pass


def queued(name="default") -> int:
    import django_rq

    return django_rq.get_queue(name).count


def run_rq_burst():
    """The documented command, in burst mode and in this process (the test database is this process's)."""
    call_command(*RQWORKER, burst=True, worker_class="rq.SimpleWorker", verbosity=0)


def test_jobs_are_pushed_only_after_the_commit(procedure, officers):
    with transaction.atomic():
        dossier = receive(officers)
        assert queued() == 0  # not in Redis while the transaction may still roll back
    assert queued() == len(dossiers_transitioned.receivers)
    assert not IssuedForm.objects.filter(dossier=dossier).exists()


def test_a_rolled_back_transition_pushes_nothing(procedure, officers):
    with pytest.raises(Refused), transaction.atomic():
        receive(officers)
        raise Refused
    assert not Dossier.objects.exists()
    assert queued() == queued("messages") == queued("reports") == 0


def test_the_rq_worker_has_the_same_effects(procedure, officers):
    dossier = receive(officers)
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    run_rq_burst()
    assert queued() == 0
    assert sorted(IssuedForm.objects.filter(dossier=dossier).values_list("code", flat=True)) == ["01", "06"]
    assert DossierFact.objects.filter(dossier=dossier).count() == 1
    assert (
        Notification.objects.filter(user=officers["specialist"], dossier=dossier, kind="assigned").count()
        == 1
    )


def test_a_failing_job_is_retried_by_rq_with_its_back_off():
    import django_rq

    probe.FAILURES["x"] = 1
    probe.flaky.enqueue("x")  # outside a transaction: pushed at once
    run_rq_burst()
    assert probe.runs("x") == ["x"] and probe.effects() == []
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("default"))
    [job_id] = scheduled.get_job_ids()
    job = django_rq.get_queue("default").fetch_job(job_id)
    assert job.retries_left == 1 and job.retry_intervals == [10, 20]  # 3 attempts, back-off 10 s
    assert job.timeout == jobs.policy_of("tests.jobs.probe.flaky").lease  # the lease, as RQ's job timeout


def test_the_rq_worker_command_is_installed():
    assert get_commands()["rqworker"] == "django_rq"
