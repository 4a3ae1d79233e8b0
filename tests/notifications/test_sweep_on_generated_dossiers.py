"""The deadline sweep on a generated year of the demo province, where every dossier still open at the cut-off has no
handler: each is told to the leaders whose role reaches its unit, with the words that it has no handler, in a number
of statements that does not grow with the dossiers; a second sweep sends nothing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.demo.generator import generate
from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier
from motcua.notifications.models import Notification
from motcua.notifications.services import LEADER_ROLES
from motcua.notifications.sweep import sweep
from motcua.org.permissions import WIDE_ROLES, Access

CUTOFF = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
LATER = CUTOFF + dt.timedelta(days=60)  # every dossier still open is overdue by then


@pytest.mark.django_db(transaction=True)
def test_generated_unassigned_dossiers_are_told_to_their_own_leaders_once():
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    generate(1500, 2026, seed=7, batch=500, now=CUTOFF, progress=None)
    open_work = Dossier.objects.filter(status__in=(Status.ACCEPTED, Status.PROCESSING), due_at__isnull=False)
    assert not open_work.exclude(current_handler=None).exists()  # the generator assigns nobody

    with CaptureQueriesContext(connection) as queries:
        result = sweep(LATER)

    assert result.overdue == result.unassigned == open_work.count() >= 10
    assert result.steps_overdue == result.steps_unassigned > 0
    assert len(queries) <= 7  # no statement per dossier
    notices = list(Notification.objects.select_related("user", "dossier"))
    assert len(notices) == result.notifications > result.overdue
    # every unit of the demo province that handles procedures has its leaders on record (the people its internal
    # processes need): nobody falls back to the province's controllers (that fallback: test_sweep_warns_about_…)
    told = {n.dossier_id for n in notices if n.kind == "overdue"}
    assert told <= set(open_work.values_list("pk", flat=True))
    assert len(told) == result.overdue and result.untold == 0 and result.told_controllers == 0
    access = {}
    for notice in notices:
        assert "chưa có người xử lý" in notice.message and notice.dossier.code in notice.message
        user = notice.user
        access.setdefault(user.pk, Access.of(user, LATER))
        units = {notice.dossier.current_agency_id, notice.dossier.handling_agency_id}
        assert any(access[user.pk].roles_in(unit) & (set(LEADER_ROLES) | WIDE_ROLES) for unit in units), (
            user,
            notice.message,
        )

    again = sweep(LATER + dt.timedelta(minutes=5))

    assert again.overdue == result.overdue and again.notifications == 0
    assert Notification.objects.count() == len(notices)
