"""In-app notifications: assignment and deadline warnings reach the officer, the layout shows the unread count,
marking read (one or all) is a POST and touches only the officer's own notifications."""

import pytest
from django.core.management import call_command

from motcua.notifications.models import Notification
from tests.builders.dossiers import WORK_MENU, assign_specialist, transferred

pytestmark = pytest.mark.django_db

# session, user; role assignments, agency tree; unread count; the menu's work counts; the notifications
INBOX_QUERIES = 2 + 2 + 1 + WORK_MENU + 1


@pytest.fixture
def assigned(procedure, officers, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # notifications are sent after the commit
        dossier = transferred(officers)
        assign_specialist(dossier, officers, "2026-03-09 11:00")
    return dossier


def test_assignment_and_overdue_warning_are_listed(signed_in, officers, assigned, django_assert_num_queries):
    call_command("sweep_deadlines", verbosity=0)
    client = signed_in(officers["specialist"])
    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get("/mot-cua/thong-bao/")
    page = response.content.decode()
    assert f"Bạn được phân công xử lý hồ sơ {assigned.code}." in page
    assert "Quá hạn" in page
    unread = Notification.objects.filter(user=officers["specialist"], read_at__isnull=True).count()
    assert unread >= 2 and '<span class="count-badge"' in page and f">{unread}</span>" in page
    assert f'href="/mot-cua/ho-so/{assigned.code}/"' in page


def test_mark_one_then_all_read(signed_in, officers, assigned):
    call_command("sweep_deadlines", verbosity=0)
    mine = Notification.objects.filter(user=officers["specialist"])
    first = mine.first()
    client = signed_in(officers["specialist"])
    assert client.get("/mot-cua/thong-bao/da-doc/").status_code == 405
    assert client.post("/mot-cua/thong-bao/da-doc/", {"id": first.pk}).status_code == 302
    assert mine.filter(read_at__isnull=False).count() == 1
    client.post("/mot-cua/thong-bao/da-doc/")
    assert not mine.filter(read_at__isnull=True).exists()
    assert client.post("/mot-cua/thong-bao/da-doc/", {"id": "x"}).status_code == 400


def test_officers_cannot_mark_others_notifications(signed_in, officers, assigned):
    theirs = Notification.objects.filter(user=officers["specialist"]).first()
    signed_in(officers["counter"]).post("/mot-cua/thong-bao/da-doc/", {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None
