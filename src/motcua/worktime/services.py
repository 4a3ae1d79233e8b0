"""The working-time engine inside the project: the national calendar from the ``holidays`` package plus the
stored overrides, and the unit's working hours from the organisation registry.

Calendars are built once per scope (province-wide, or one unit with its ancestors' and its own local days off)
and cached in the process. The cache is dropped at once when an override is saved or deleted in this process
(signals), and other processes notice a change within ``CHECK_SECONDS`` (one cheap aggregate query at most that
often). Computing a deadline never touches the database once the calendar is cached.

**Appointments already given are not recomputed.** A due date-time is computed once and stored on the dossier
or step (``ngay_hen_tra``); later calendar changes only affect computations made afterwards. Moving an appointment
is an explicit, logged act of the dossier lifecycle (Mẫu 04), never a side effect of editing the calendar.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count, Max

from motcua.core import audit
from motcua.core.caches import StampedCache
from motcua.core.models import AuditEntry
from motcua.org.tree import lineage
from motcua.worktime.engine import (
    VIETNAM,
    Duration,
    TimeUnit,
    WorkCalendar,
    WorkingHours,
    WorkTimeEngine,
    package_special_days,
)
from motcua.worktime.engine.vietnam import DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR
from motcua.worktime.models import CalendarOverride

CHECK_SECONDS = 10.0

_package_days: list = []


def _current_stamp() -> tuple:
    agg = CalendarOverride.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    return agg["n"], agg["last"], agg["top"]


_calendars = StampedCache(_current_stamp, every=lambda: CHECK_SECONDS)


def invalidate_calendars() -> None:
    """Forget the cached calendars (called when an override is saved or deleted)."""
    _calendars.clear()


def _scope_ids(agency) -> list[int]:
    """The agency's ancestors from the top down, then the agency itself."""
    return [a.pk for a in reversed(list(lineage(agency)))]


def _build(agency) -> WorkCalendar:
    global _package_days
    if not _package_days:
        _package_days = package_special_days(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)
    overrides = list(CalendarOverride.objects.filter(agency__isnull=True).order_by("date"))
    if agency is not None:
        order = {pk: n for n, pk in enumerate(_scope_ids(agency))}
        local = CalendarOverride.objects.filter(agency_id__in=order)
        overrides += sorted(local, key=lambda o: order[o.agency_id])
    days = [*_package_days, *(o.to_special_day() for o in overrides)]
    return WorkCalendar(days, DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)


def calendar_for(agency=None) -> WorkCalendar:
    """The working calendar of ``agency`` (province-wide if None): package + global overrides + local ones."""
    return _calendars.get(agency.pk if agency is not None else None, lambda: _build(agency))


def hours_for(agency=None, on: dt.date | None = None) -> WorkingHours:
    """The unit's working hours on ``on`` (its own, else its parent's, else MOTCUA_DEFAULT_WORKING_HOURS)."""
    from motcua.org.services import default_working_hours, working_hours_for

    sessions = working_hours_for(agency, on) if agency is not None else default_working_hours()
    return WorkingHours(sessions)


def engine_for(agency=None, on: dt.date | None = None, hours: WorkingHours | None = None) -> WorkTimeEngine:
    """An engine for ``agency`` with its calendar and the working hours in force on ``on``."""
    return WorkTimeEngine(calendar_for(agency), hours or hours_for(agency, on))


def compute_due(start: dt.datetime, amount, unit: TimeUnit | str, agency=None) -> dt.datetime:
    """The due date-time (ngày hẹn trả) of a limit counted from ``start`` in ``agency``'s calendar and hours.
    Store the result: it is not recomputed if the calendar changes later."""
    local_day = start.astimezone(VIETNAM).date() if start.tzinfo else start.date()
    return engine_for(agency, local_day).due_for(start, Duration(amount, TimeUnit.parse(unit)))


def save_override(override: CalendarOverride, actor=None, note: str = "") -> CalendarOverride:
    """Validate and save an override (new or changed) with an audit entry; for the API and commands (the admin
    does the same through ``AuditedAdmin``)."""
    before = None
    if override.pk:
        old = CalendarOverride.objects.filter(pk=override.pk).first()
        before = audit.snapshot(old) if old else None
    override.full_clean()
    if actor is not None and getattr(actor, "is_authenticated", False):
        override.updated_by = actor
        if before is None:
            override.created_by = actor
    with transaction.atomic():
        override.save()
        action = AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE
        audit.record(actor, action, override, audit.diff(before, audit.snapshot(override)), note)
    return override


def delete_override(override: CalendarOverride, actor=None, note: str = "") -> None:
    with transaction.atomic():
        audit.record(actor, AuditEntry.Action.DELETE, override, audit.snapshot(override), note)
        override.delete()
