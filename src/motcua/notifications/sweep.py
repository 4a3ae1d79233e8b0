"""``sweep_deadlines``: warn handlers and leaders about dossiers and steps that are due soon or overdue.

Run it every few minutes (cron or a systemd timer). It reads only open work through the (status, due_at) indexes
and writes notifications idempotently (one per user, dossier or step, kind and deadline), so running it again
sends nothing twice. "Due soon" means within ``MOTCUA_DUE_SOON_WORKING_HOURS`` working hours (default 8: one
working day, SPEC §1.7) [!].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier, DossierStep
from motcua.notifications.models import Notification
from motcua.notifications.services import LeaderDirectory, notify
from motcua.worktime import services as worktime

OPEN_FOR_DEADLINES = (Status.ACCEPTED, Status.PROCESSING)


@dataclass
class SweepResult:
    due_soon: int = 0
    overdue: int = 0
    steps_due_soon: int = 0
    steps_overdue: int = 0
    notifications: int = 0


def sweep(now: dt.datetime | None = None) -> SweepResult:
    now = now or timezone.now()
    hours = settings.MOTCUA_DUE_SOON_WORKING_HOURS
    soon = worktime.engine_for(None, timezone.localdate(now)).due(now, hours, "working_hours")
    leaders = LeaderDirectory(timezone.localdate(now))
    result = SweepResult()
    before = Notification.objects.count()

    dossiers = (
        Dossier.objects.filter(status__in=OPEN_FOR_DEADLINES, due_at__isnull=False, due_at__lte=soon)
        .values_list("pk", "code", "due_at", "current_handler_id", "handling_agency_id")
        .order_by("due_at", "pk")
    )
    for pk, code, due_at, handler_id, agency_id in dossiers.iterator(chunk_size=2000):
        overdue = due_at < now
        kind = Notification.Kind.OVERDUE if overdue else Notification.Kind.DUE_SOON
        local_due = timezone.localtime(due_at)
        message = (
            f"Hồ sơ {code} đã quá hạn trả kết quả ({local_due:%H:%M %d/%m/%Y})."
            if overdue
            else f"Hồ sơ {code} sắp đến hạn trả kết quả ({local_due:%H:%M %d/%m/%Y})."
        )
        notify(
            {handler_id, *leaders.leaders(agency_id)},
            kind,
            message,
            dossier_id=pk,
            key=f"{kind}:{pk}:{local_due:%Y%m%d%H%M}",
        )
        if overdue:
            result.overdue += 1
        else:
            result.due_soon += 1

    steps = (
        DossierStep.objects.filter(
            finished_at__isnull=True,
            started_at__isnull=False,
            due_at__isnull=False,
            due_at__lte=soon,
            dossier__status__in=OPEN_FOR_DEADLINES,
        )
        .values_list("pk", "dossier_id", "dossier__code", "name", "due_at", "handler_id")
        .order_by("due_at", "pk")
    )
    for pk, dossier_id, code, name, due_at, handler_id in steps.iterator(chunk_size=2000):
        if handler_id is None:
            continue
        overdue = due_at < now
        kind = Notification.Kind.STEP_OVERDUE if overdue else Notification.Kind.STEP_DUE_SOON
        local_due = timezone.localtime(due_at)
        state = "đã quá hạn" if overdue else "sắp đến hạn"
        notify(
            [handler_id],
            kind,
            f"Bước “{name[:120]}” của hồ sơ {code} {state} ({local_due:%H:%M %d/%m/%Y}).",
            dossier_id=dossier_id,
            key=f"{kind}:step{pk}:{local_due:%Y%m%d%H%M}",
        )
        if overdue:
            result.steps_overdue += 1
        else:
            result.steps_due_soon += 1
    result.notifications = Notification.objects.count() - before
    return result
