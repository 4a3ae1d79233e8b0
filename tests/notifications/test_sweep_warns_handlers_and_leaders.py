"""sweep_deadlines warns the handler and the leaders about due-soon and overdue dossiers and steps, once."""

import pytest
from django.utils import timezone

from motcua.dossiers.services.transitions import apply
from motcua.notifications.models import Notification
from motcua.notifications.sweep import sweep
from tests.builders.dossiers import FINISH_INPUTS, assign_specialist, at, transferred
from tests.commands import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(procedure, officers, django_capture_on_commit_callbacks):
    dossier = transferred(officers)  # due 18/03 09:15
    with django_capture_on_commit_callbacks(execute=True):  # notifications are sent after the commit
        assign_specialist(dossier, officers, "2026-03-09 11:00")
    dossier.refresh_from_db()
    return dossier


def kinds_for(user):
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_assignment_notifies_the_handler(assigned, officers):
    assert kinds_for(officers["specialist"]) == ["assigned"]
    assert "được phân công" in Notification.objects.get(user=officers["specialist"]).message


def test_nothing_is_due_soon_early_on(assigned, officers):
    result = sweep(at("2026-03-10 09:00"))
    assert (result.due_soon, result.overdue, result.notifications) == (0, 0, 0)


def test_due_soon_warns_handler_and_leaders_once(assigned, officers):
    result = sweep(at("2026-03-17 10:00"))  # less than one working day before 18/03 09:15
    assert (result.due_soon, result.overdue) == (1, 0)
    assert "due_soon" in kinds_for(officers["specialist"])
    assert "due_soon" in kinds_for(officers["lead"]) and "due_soon" in kinds_for(officers["dept"])
    assert not Notification.objects.filter(user=officers["other_counter"]).exists()
    again = sweep(at("2026-03-17 10:30"))
    assert again.notifications == 0  # idempotent


def test_overdue_warns_the_leaders(assigned, officers):
    result = sweep(at("2026-03-18 10:00"))
    assert result.overdue == 1
    message = Notification.objects.filter(user=officers["lead"], kind="overdue").get().message
    assert assigned.code in message and "đã quá hạn" in message


def test_the_command_warns_each_person_once_and_says_what_it_wrote(assigned, officers, monkeypatch):
    """The command sweeps at the present moment: at 11:00 on 18/03 the dossier (due 09:15) and its step (due
    10:00) are overdue. The handler gets both warnings, the division lead and the director of Sở Tư pháp the
    dossier's; nobody else hears of it. Run again, it writes nothing new."""
    monkeypatch.setattr(timezone, "now", lambda: at("2026-03-18 11:00"))
    before = set(Notification.objects.values_list("pk", flat=True))  # the assignment's notice

    status, out = run("sweep_deadlines")

    written = Notification.objects.exclude(pk__in=before).select_related("user")
    code = assigned.code
    overdue = f"Hồ sơ {code} đã quá hạn trả kết quả (09:15 18/03/2026)."
    step = f"Bước “Thẩm định, xử lý hồ sơ” của hồ sơ {code} đã quá hạn (10:00 18/03/2026)."
    assert status == 0
    assert sorted((n.user.username, n.kind, n.message, n.dossier_id) for n in written) == [
        ("cv.tuphap", "overdue", overdue, assigned.pk),
        ("cv.tuphap", "step_overdue", step, assigned.pk),
        ("gd.tuphap", "overdue", overdue, assigned.pk),
        ("tp.tuphap", "overdue", overdue, assigned.pk),
    ]
    assert out == (
        "Hồ sơ sắp đến hạn: 0; quá hạn: 1; chưa có người xử lý: 0; bước sắp đến hạn: 0; bước quá hạn: 1; "
        "bước chưa có người xử lý: 0; báo cho kiểm soát TTHC (đơn vị không có lãnh đạo): 0; "
        "không có ai để báo: 0; thông báo mới: 4.\n"
    )

    status, out = run("sweep_deadlines")

    assert status == 0 and Notification.objects.count() == len(before) + 4
    assert out.endswith("thông báo mới: 0.\n")


def test_finished_dossiers_are_not_warned(assigned, officers):
    apply(
        assigned,
        "finish",
        officers["lead"],
        at=at("2026-03-12 10:00"),
        inputs=FINISH_INPUTS,
    )
    assert sweep(at("2026-03-20 10:00")).overdue == 0


def test_supplement_received_notifies_the_handler(assigned, officers, django_capture_on_commit_callbacks):
    apply(
        assigned,
        "request_supplement",
        officers["specialist"],
        inputs={"reason": "Thiếu giấy tờ"},
        at=at("2026-03-10 09:00"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply(assigned, "receive_supplement", officers["counter"], at=at("2026-03-12 09:00"))
    assert "supplement_received" in kinds_for(officers["specialist"])
