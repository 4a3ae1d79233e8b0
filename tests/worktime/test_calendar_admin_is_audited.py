"""The calendar admin: open to TTHC controllers and administrators only; every change is audited with its author."""

import datetime as dt

import pytest

from motcua.core.models import AuditEntry
from motcua.org.roles import Role
from motcua.worktime.models import CalendarOverride
from tests.builders.org import assign

URL = "/admin/worktime/calendaroverride/"


def _staff(django_user_model, username):
    return django_user_model.objects.create_user(username, password="mat-khau-dai-123", is_staff=True)


@pytest.mark.django_db
def test_controller_adds_an_override_and_it_is_audited(client, django_user_model, province):
    controller = _staff(django_user_model, "kiemsoat")
    assign(controller, Role.TTHC_CONTROLLER, province["ubnd"])
    client.force_login(controller)
    response = client.post(
        URL + "add/",
        {
            "date": "12/03/2025",
            "kind": "local_off",
            "name": "Nghỉ lễ hội",
            "source_doc": "Quyết định số 5/QĐ-UBND",
            "agency": "",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    override = CalendarOverride.objects.get()
    assert (override.date, override.created_by, override.updated_by) == (
        dt.date(2025, 3, 12),
        controller,
        controller,
    )
    entry = AuditEntry.objects.get(object_type="worktime.calendaroverride")
    assert entry.actor == controller and entry.action == AuditEntry.Action.CREATE


@pytest.mark.django_db
def test_staff_without_the_role_cannot_see_the_calendar(client, django_user_model, province):
    clerk = _staff(django_user_model, "vanthu")
    assign(clerk, Role.CLERK, province["ubnd"])
    client.force_login(clerk)
    assert client.get(URL).status_code == 403
