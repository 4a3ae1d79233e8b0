"""E-mail if they chose: an officer who opted in on the account page gets one letter per hand-over notification,
on the ``messages`` queue, naming only the dossier's code and procedure and linking to the dossier's page; the
others get the in-app notification only. A letter is sent once, even when its job runs again."""

import pytest
from django.core import mail

from motcua.notifications import services
from motcua.notifications.emails import send_handover_email
from motcua.notifications.models import Notification
from tests.builders.dossiers import act, receive
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def opted_in(officers, province):
    """The two heads of Phòng Hành chính tư pháp, who assign its new work, have e-mail addresses; only the head
    (tp.tuphap) opted in, not the deputy (pp.tuphap)."""
    deputy = staff_member("pp.tuphap", "DEPT_LEAD", province["division"], email="pp@tuphap.gov.vn")
    officers["dept"].email = "tp@tuphap.gov.vn"
    officers["dept"].save()
    services.set_email_on_handover(officers["dept"], True)
    services.set_email_on_handover(deputy, False)
    return officers["dept"]


def test_only_the_officer_who_opted_in_gets_a_letter_naming_the_dossier_and_its_page(
    procedure, officers, opted_in, django_capture_on_commit_callbacks, settings
):
    settings.MOTCUA_PUBLIC_URL = "https://dichvucong.example.vn"
    dossier = receive(officers)
    with django_capture_on_commit_callbacks(execute=True):
        act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    assert Notification.objects.filter(dossier=dossier).count() == 2  # the two who assign
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["tp@tuphap.gov.vn"]
    assert letter.subject == f"Hồ sơ {dossier.code}: Hồ sơ chuyển đến đơn vị"
    assert f"https://dichvucong.example.vn/mot-cua/ho-so/{dossier.code}/" in letter.body
    assert procedure.name in letter.body
    for personal in ("Trần Thị Bình", "038190001234", "0912345678", "Hạc Thành"):
        assert personal not in letter.body and personal not in letter.subject
    emailed = Notification.objects.filter(dossier=dossier, emailed_at__isnull=False)
    assert list(emailed.values_list("user__username", flat=True)) == ["tp.tuphap"]


def test_a_letter_is_sent_once_even_when_its_job_runs_again(
    procedure, officers, opted_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    notification = Notification.objects.get(user=opted_in)
    assert send_handover_email.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_an_officer_who_opts_out_gets_no_letter(
    procedure, officers, opted_in, django_capture_on_commit_callbacks
):
    services.set_email_on_handover(opted_in, False)
    with django_capture_on_commit_callbacks(execute=True):
        act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert Notification.objects.filter(user=opted_in).exists() and mail.outbox == []


def test_the_letters_are_jobs_on_the_messages_queue():
    assert send_handover_email.queue_name == "messages"


def test_the_account_page_shows_and_records_the_choice(client, officers):
    specialist = officers["specialist"]
    client.force_login(specialist)
    page = client.get("/tai-khoan/").content.decode()
    assert 'name="email_on_handover" value="1">' in page  # unchecked by default
    response = client.post("/tai-khoan/", {"email_on_handover": "1"})
    assert response.status_code == 302 and services.email_on_handover(specialist)
    assert 'value="1" checked>' in client.get("/tai-khoan/").content.decode()
    client.post("/tai-khoan/", {})
    assert not services.email_on_handover(specialist)


@pytest.fixture
def outbox_backend(settings):
    """Jobs written as rows in the transaction (the database backend), run here by ``jobs.run_one``."""
    settings.TASKS = {
        "default": {
            "BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend",
            "QUEUES": ["default", "messages", "reports"],
        }
    }
    settings.MOTCUA_JOBS_BACKEND = "database"


def run_ready_jobs() -> list[str]:
    """Run the ready jobs until none is left, as a worker would; the queues they ran on, in order."""
    from django_tasks_db.models import DBTaskResult

    from motcua.core import jobs

    ran = []
    while row := DBTaskResult.objects.ready().order_by("enqueued_at", "id").first():
        ran.append(row.queue_name)
        jobs.run_one(row, "test-worker")
    return ran


def test_through_the_outbox_the_letter_is_a_job_of_the_messages_queue_run_once(
    procedure, officers, opted_in, outbox_backend
):
    act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert mail.outbox == [] and not Notification.objects.exists()  # nothing before a worker runs
    ran = run_ready_jobs()
    # the officer's letter, and the citizen's SMS of the receipt (motcua.messaging: the applicant gave a phone)
    assert ran.count("messages") == 2
    assert [m.to for m in mail.outbox] == [["tp@tuphap.gov.vn"]]
    assert Notification.objects.count() == 2
