"""The events of the workflows (``dossiers_transitioned``, ``feedback_transitioned``) reach every receiver, each in
a job of its own: one that raises is retried and, after its last attempt, logged on ``motcua.jobs`` — the job, the
receiver, the topic, the events, the traceback — and it neither stops the other receivers (the issued forms, the
statistics' roll-up, the notifications, the sender's e-mail) nor turns the committed transition into an error
answer. The transactions really commit here (``transaction=True``); the tests' eager backend runs the jobs right
after the commit (a worker does in production: tests/jobs)."""

import logging
from contextlib import contextmanager

import pytest
from django.core import mail

from motcua.documents.models import IssuedForm
from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_transitioned
from motcua.feedback.models import Feedback
from motcua.feedback.signals import feedback_transitioned
from motcua.notifications.models import Notification
from motcua.reports.models import DossierFact
from motcua.reports.services import rollup
from tests.builders.dossiers import intake

pytestmark = pytest.mark.django_db(transaction=True)


class Broken(RuntimeError):
    pass


def broken(events):
    raise Broken("receiver down")


@contextmanager
def first(topic, receiver):
    """``receiver`` connected to ``topic`` ahead of every receiver the apps connected: its job comes first."""
    before = dict(topic.receivers)
    topic.receivers.clear()
    topic.connect(receiver)
    topic.receivers.update(before)
    try:
        yield
    finally:
        topic.disconnect(receiver)


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def refreshed(monkeypatch):
    """The dossier ids of every roll-up refresh (the refresh itself still runs)."""
    calls, original = [], rollup.refresh

    def spy(ids, *args, **kwargs):
        calls.append(list(ids))
        return original(ids, *args, **kwargs)

    monkeypatch.setattr(rollup, "refresh", spy)
    return calls


def failures(caplog, receiver: str, signal: str):
    return [
        r
        for r in caplog.records
        if r.name == "motcua.jobs"
        and r.levelno == logging.ERROR
        and receiver in r.getMessage()
        and signal in r.getMessage()
        and r.exc_info
        and r.exc_info[0] is not None
    ]


def receive_transfer_assign(api):
    """Intake (receipt: form 01), transfer (the control sheet), assign (the specialist is notified) through
    the API; every answer is a success."""
    created = api["counter"].post("/api/v1/dossiers", intake())
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    transferred = api["counter"].act(code, "transfer")
    assert transferred.status_code == 200, transferred.content
    assigned = api["dept"].act(code, "assign", {"handler": "cv.tuphap"})
    assert assigned.status_code == 200, assigned.content
    return Dossier.objects.get(code=code)


def test_a_failing_dossier_receiver_ahead_of_the_others_stops_none_of_them(
    api, procedure, officers, refreshed, caplog
):
    with first(dossiers_transitioned, broken):
        dossier = receive_transfer_assign(api)
    assert dossier.status == 4  # processing: every transition committed
    assert set(IssuedForm.objects.filter(dossier=dossier).values_list("code", flat=True)) == {"01", "06"}
    assert refreshed == [[dossier.pk]] * 3 and DossierFact.objects.filter(dossier=dossier).exists()
    assert Notification.objects.filter(user=officers["specialist"], dossier=dossier).count() == 1
    logged = failures(caplog, "broken", "dossiers_transitioned")
    assert len(logged) == 3 and logged[0].exc_info[0] is Broken
    assert "receive" in logged[0].getMessage()  # the event it failed on


def test_a_failing_notification_does_not_skip_the_rollup(
    api, procedure, officers, refreshed, monkeypatch, caplog
):
    """The notifications' receiver runs before the roll-up's: its failure used to skip the roll-up and turn the
    committed assignment into an error."""
    from motcua.notifications import receivers

    def down(*args, **kwargs):
        raise Broken("notifications down")

    monkeypatch.setattr(receivers, "notify", down)
    dossier = receive_transfer_assign(api)
    assert refreshed == [[dossier.pk]] * 3
    assert not Notification.objects.filter(dossier=dossier).exists()
    logged = failures(caplog, "motcua.notifications.receivers.on_transitions", "dossiers_transitioned")
    assert len(logged) == 1 and "assign" in logged[0].getMessage()


def test_a_failing_feedback_receiver_leaves_the_senders_email(client, send, staff, caplog):
    with first(feedback_transitioned, broken):
        feedback = send()
        client.force_login(staff["officer"])
        response = client.post(
            f"/mot-cua/phan-anh/{feedback.code}/refuse/",
            {"version": "1", "reason": "Nội dung không thuộc thẩm quyền."},
        )
    assert response.status_code == 302  # back to the feedback's page: a success
    assert Feedback.objects.get().status == "tu_choi"
    assert [m.to for m in mail.outbox] == [["binh@example.vn"]] and feedback.code in mail.outbox[0].subject
    logged = failures(caplog, "broken", "feedback_transitioned")
    assert [r.exc_info[0] for r in logged] == [Broken, Broken]  # the intake and the refusal
    assert "refuse" in logged[1].getMessage()
