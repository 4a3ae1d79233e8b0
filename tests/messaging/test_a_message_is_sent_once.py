"""Jobs may run twice (a worker killed after its work, a receiver retried): the citizen is told once. The delivery's
key (event, dossier, log entry, channel) is unique, and the sending job sends only a queued delivery."""

import pytest
from django.core import mail

from motcua.dossiers.models import ProcessLogEntry
from motcua.dossiers.services.intake import ApplicantData
from motcua.dossiers.signals import Transitioned
from motcua.messaging.models import Delivery, SandboxMessage
from motcua.messaging.receivers import on_transitions
from motcua.messaging.services.sending import send_delivery
from tests.builders.dossiers import receive

pytestmark = pytest.mark.django_db

APPLICANT = ApplicantData(
    name="Trần Thị Bình", id_number="038190001234", phone="0912345678", email="b@example.vn"
)


def test_the_receiver_and_the_send_job_run_twice_send_once(
    procedure, officers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = receive(officers, applicant=APPLICANT)
    assert (len(mail.outbox), SandboxMessage.objects.count(), Delivery.objects.count()) == (1, 1, 2)
    entry = ProcessLogEntry.objects.get(dossier=dossier, action="receive")
    event = Transitioned(dossier.pk, "receive", None, 2, officers["counter"].pk, entry.pk)
    with django_capture_on_commit_callbacks(execute=True) as enqueued:
        on_transitions([event])  # the receiver's job again
    assert enqueued == []  # nothing new planned, nothing enqueued
    for delivery in Delivery.objects.all():
        assert send_delivery.call(delivery.pk) == "sent"  # the send job again: already sent
    assert (len(mail.outbox), SandboxMessage.objects.count(), Delivery.objects.count()) == (1, 1, 2)
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}
