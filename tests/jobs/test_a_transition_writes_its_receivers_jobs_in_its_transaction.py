"""The transactional outbox: the jobs of a dossier transition's receivers (the forms, the statistics' roll-up, the
notifications) are rows written in the transition's own transaction — one INSERT for all of them — so they
exist exactly when the transition committed: none when it rolled back."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from motcua.core import jobs
from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_transitioned
from tests.builders.dossiers import receive
from tests.builders.jobs import rows
from tests.jobs import probe

pytestmark = pytest.mark.usefixtures("database_jobs")


class Refused(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_a_committed_intake_leaves_one_job_per_receiver(procedure, officers):
    dossier = receive(officers)
    deliveries = rows(task_path="motcua.core.events.deliver")
    receivers = sorted(dossiers_transitioned.receivers)
    assert sorted(r.args_kwargs["args"][1] for r in deliveries) == receivers
    assert {"motcua.documents.receivers.on_transitions", "motcua.reports.receivers.refresh_rollup"} <= set(
        receivers
    )
    for row in deliveries:
        topic, _receiver, events = row.args_kwargs["args"]
        assert topic == "dossiers_transitioned"
        assert [(e["dossier_id"], e["action"]) for e in events] == [(dossier.pk, "receive")]
        assert row.status == "READY" and row.worker_ids == []


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_intake_leaves_no_job(procedure, officers):
    with pytest.raises(Refused), transaction.atomic():
        receive(officers)
        assert rows(task_path="motcua.core.events.deliver").exists()  # written, in the transaction
        raise Refused
    assert not Dossier.objects.exists()
    assert not rows().exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_transition_leaves_no_job(procedure, officers):
    """The transition itself fails after its receivers' jobs were written (the roll-up's rows cannot be read,
    say): its transaction takes the jobs with it."""
    from motcua.core import events

    def publish_then_fail(self, evts):
        original(self, evts)
        raise Refused("the disk is full")

    original = events.Topic.publish
    events.Topic.publish = publish_then_fail
    try:
        with pytest.raises(Refused):
            receive(officers)
    finally:
        events.Topic.publish = original
    assert not Dossier.objects.exists()
    assert not rows().exists()


@pytest.mark.django_db
def test_enqueue_many_writes_its_jobs_in_one_insert():
    calls = [(probe.record, (f"k{n}",), {}) for n in range(5)] + [(probe.flaky, ("f",), {})]
    with CaptureQueriesContext(connection) as queries:
        jobs.enqueue_many(calls)
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 1 and len(queries.captured_queries) == 1
    assert sorted(r.args_kwargs["args"][0] for r in rows()) == ["f", "k0", "k1", "k2", "k3", "k4"]
    assert set(rows().values_list("task_path", flat=True)) == {
        "tests.jobs.probe.record",
        "tests.jobs.probe.flaky",
    }
    assert set(rows().values_list("status", flat=True)) == {"READY"}
