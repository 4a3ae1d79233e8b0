"""On the database jobs backend (production), the deliveries of a transition and their sending jobs are written in
one transaction — the receiver's — after the transition's own commit: a worker then sends each message once, on
the ``messages`` queue."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from motcua.dossiers.services.intake import ApplicantData
from motcua.messaging.models import Delivery, SandboxMessage
from tests.builders.dossiers import receive

pytestmark = pytest.mark.django_db

DATABASE = {
    "default": {
        "BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend",
        "QUEUES": ["default", "messages", "reports"],
    }
}


def test_the_worker_sends_the_queued_deliveries_once(procedure, officers, settings):
    settings.TASKS, settings.MOTCUA_JOBS_BACKEND = DATABASE, "database"
    applicant = ApplicantData(
        name="Trần Thị Bình", id_number="038190001234", phone="0912345678", email="b@example.vn"
    )
    dossier = receive(officers, applicant=applicant)
    assert Delivery.objects.count() == 0  # the receivers' jobs wait for a worker
    call_command(
        "worker", batch=True, queue_name="default"
    )  # the receivers: deliveries planned, jobs written
    rows = Delivery.objects.filter(dossier=dossier)
    assert sorted(rows.values_list("channel", "status")) == [("email", "queued"), ("sms", "queued")]
    sending = DBTaskResult.objects.filter(task_path__endswith="send_delivery")
    assert sending.count() == 2 and set(sending.values_list("queue_name", flat=True)) == {"messages"}
    assert mail.outbox == []
    call_command("worker", batch=True, queue_name="messages")
    assert sorted(rows.values_list("channel", "status")) == [("email", "sent"), ("sms", "sent")]
    call_command("worker", batch=True)  # nothing left: nothing sent twice
    assert (len(mail.outbox), SandboxMessage.objects.count()) == (1, 1)
