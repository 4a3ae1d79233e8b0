"""sweep_deadlines warns the handler and the leaders about due-soon and overdue dossiers and steps, once."""

import pytest
from django.core.management import call_command

from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from motcua.notifications.models import Notification
from motcua.notifications.sweep import sweep
from tests.builders.dossiers import at, request_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(procedure, officers, django_capture_on_commit_callbacks):
    dossier = receive_at_counter(
        request_for(), officers["counter"], at=at("2026-03-09 09:15")
    )  # due 18/03 09:15
    apply(dossier, "transfer", officers["counter"], at=at("2026-03-09 10:00"))
    with django_capture_on_commit_callbacks(execute=True):  # notifications are sent after the commit
        apply(
            dossier,
            "assign",
            officers["dept"],
            inputs={"handler": officers["specialist"].pk},
            at=at("2026-03-09 11:00"),
        )
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


def test_overdue_warns_and_the_command_reports(assigned, officers, capsys, monkeypatch):
    result = sweep(at("2026-03-18 10:00"))
    assert result.overdue == 1
    message = Notification.objects.filter(user=officers["lead"], kind="overdue").get().message
    assert assigned.code in message and "đã quá hạn" in message
    call_command("sweep_deadlines")
    assert "Hồ sơ sắp đến hạn" in capsys.readouterr().out


def test_finished_dossiers_are_not_warned(assigned, officers):
    apply(
        assigned,
        "finish",
        officers["lead"],
        at=at("2026-03-12 10:00"),
        inputs={
            "result_number": "1",
            "result_summary": "x",
            "result_signer": "y",
            "result_signed_on": "2026-03-12",
        },
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
