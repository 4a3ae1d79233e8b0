"""``sweep_deadlines``: warn officers about dossiers and steps that are due soon or overdue.

A periodic job every 5 minutes (``notifications/tasks.py``, started by ``motcua scheduler``), and a command. "Due soon" means
within ``MOTCUA_DUE_SOON_WORKING_HOURS`` working hours (default 8: one working day, SPEC §1.7) [!].

Whom it tells (the open step's people by the rule of the hand-overs, ``handover.step_tiers``, so a reminder reaches
the people the work lists show the work to):

- about a dossier: the leaders (``LEADER_ROLES``) whose role counts in the unit where the dossier is now and in its
  handling agency (the reach rule of ``org.permissions``: never another agency above or below); and its handler if
  it has one, else the people of its open step's queue in the step's unit — for “Chờ phân công” the division heads,
  failing them the agency's leaders; for “Chờ xử lý”, “Chờ ký duyệt”, “Chờ phát hành” the holders of the step's role
  (the director who signs, the clerk who issues) — else, with no open step, the officers who may give it one (the
  roles of the lifecycle's ``assign`` row in the unit its scope names). When the work waits for an assignment, the
  message says the dossier has no handler, so a leader knows to assign it;
- about a step: its handler; else the people of its queue in its unit (as above), else the unit's leaders;
- work with nobody of those on record (a commune with no leader yet) goes to the TTHC controllers and
  administrators whose assignment reaches its unit: a warning never goes nowhere unless nobody at all is on record
  (counted as ``untold``).

How it writes: it reads the open work once (two queries, through the (status, due_at) index), computes each
warning in Python (Vietnamese text, Vietnam time) and writes them set-based with
``ON CONFLICT (user_id, key) DO NOTHING``: on PostgreSQL one ``INSERT … SELECT … FROM unnest(arrays)`` per 50,000
rows, on SQLite one multi-row ``INSERT … VALUES`` per 5,000 — never one statement per dossier (at most seven
statements for a sweep of a province, the seventh reading the controllers only when some work needs them; ``bench/sweep.py``). The key (user, dossier or step, kind, deadline) makes a warning
idempotent: running the sweep again sends nothing twice, and concurrent sweeps cannot duplicate one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from motcua.core.dated import valid_on_q
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Status, WorkQueue
from motcua.dossiers.models import Dossier, DossierStep
from motcua.notifications.handover import step_tiers
from motcua.notifications.models import Notification
from motcua.notifications.services import LEADER_ROLES, RoleDirectory
from motcua.org.models import RoleAssignment
from motcua.org.permissions import WIDE_ROLES, reach
from motcua.org.roles import Role
from motcua.worktime import services as worktime

OPEN_FOR_DEADLINES = (Status.ACCEPTED, Status.PROCESSING)

# Who gives unassigned work a handler, and where: exactly the roles and the scope of the lifecycle's ``assign`` row.
ASSIGN = lifecycle.TABLE.row("assign")
DISPATCHERS = frozenset(ASSIGN.roles)
_SCOPE_COLUMN = {
    lifecycle.Scope.RECEIVING: "receiving_agency_id",
    lifecycle.Scope.CURRENT: "current_agency_id",
    lifecycle.Scope.HANDLING: "handling_agency_id",
}
DISPATCH_UNIT = _SCOPE_COLUMN[ASSIGN.scope]

CHUNK = (
    5000  # notification rows per INSERT … VALUES statement (fewer where the database allows fewer parameters)
)
PG_CHUNK = 50_000  # notification rows per INSERT … SELECT … FROM unnest() statement on PostgreSQL
_COLUMNS = ("user", "kind", "dossier", "message", "key", "created_at")


@dataclass
class SweepResult:
    due_soon: int = 0
    overdue: int = 0
    unassigned: int = 0  # of the dossiers warned about, those waiting for a handler to be assigned
    steps_due_soon: int = 0
    steps_overdue: int = 0
    steps_unassigned: int = 0  # of the steps warned about, those waiting in "Chờ phân công" with no handler
    told_controllers: int = (
        0  # dossiers and steps with no handler, leader or dispatcher: told to the controllers
    )
    untold: int = 0  # dossiers due soon or overdue with nobody to tell, not even a controller
    steps_untold: int = 0  # steps likewise
    notifications: int = 0  # rows actually created by this run (0 when run again)


def dossier_message(code: str, local_due: dt.datetime, overdue: bool, assigned: bool) -> str:
    state = "đã quá hạn" if overdue else "sắp đến hạn"
    when = f"{local_due:%H:%M %d/%m/%Y}"
    if assigned:
        return f"Hồ sơ {code} {state} trả kết quả ({when})."
    return f"Hồ sơ {code} chưa có người xử lý, {state} trả kết quả ({when}): cần phân công xử lý."


def step_message(name: str, code: str, local_due: dt.datetime, overdue: bool, assigned: bool) -> str:
    state = "đã quá hạn" if overdue else "sắp đến hạn"
    when = f"{local_due:%H:%M %d/%m/%Y}"
    if assigned:
        return f"Bước “{name[:120]}” của hồ sơ {code} {state} ({when})."
    return f"Bước “{name[:120]}” của hồ sơ {code} chưa có người xử lý, {state} ({when}): cần phân công xử lý."


class _Writer:
    """Buffers notification rows and writes them set-based, ``ON CONFLICT (user_id, key) DO NOTHING``: on PostgreSQL
    one ``INSERT … SELECT … FROM unnest(arrays)`` per ``PG_CHUNK`` rows (six parameters, whatever the rows: the
    driver does not parse a statement of tens of thousands of placeholders); elsewhere one multi-row
    ``INSERT … VALUES`` per ``CHUNK`` rows (fewer where the database allows fewer parameters)."""

    def __init__(self, created_at: dt.datetime):
        meta = Notification._meta
        quote = connection.ops.quote_name
        fields = [meta.get_field(name) for name in _COLUMNS]
        columns = ", ".join(quote(f.column) for f in fields)
        unique = ", ".join(quote(meta.get_field(name).column) for name in ("user", "key"))
        self.unnest = connection.vendor == "postgresql"
        if self.unnest:
            arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in fields[:-1])
            self.sql = (
                f"INSERT INTO {quote(meta.db_table)} ({columns}) SELECT *, %s FROM unnest({arrays}) "
                f"ON CONFLICT ({unique}) DO NOTHING"
            )
            self.chunk = PG_CHUNK
        else:
            self.head = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "
            self.tail = f" ON CONFLICT ({unique}) DO NOTHING"
            self.row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
            self.chunk = min(CHUNK, _max_params() // len(fields))
        self.created_at = connection.ops.adapt_datetimefield_value(created_at)
        self.rows: list[tuple] = []
        self.created = 0

    def add(self, users, kind: str, message: str, dossier_id: int, key: str) -> None:
        message, key = message[:500], key[:120]
        for user_id in sorted(users):
            self.rows.append((user_id, kind, dossier_id, message, key))
        if len(self.rows) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        while self.rows:
            batch, self.rows = self.rows[: self.chunk], self.rows[self.chunk :]
            if self.unnest:
                sql, params = (
                    self.sql,
                    [self.created_at, *(list(column) for column in zip(*batch, strict=True))],
                )
            else:
                sql = self.head + ", ".join([self.row_sql] * len(batch)) + self.tail
                params = [value for row in batch for value in (*row, self.created_at)]
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                self.created += max(cursor.rowcount, 0)


def _max_params() -> int:
    """How many parameters one statement may carry: SQLite's compiled limit (32,766 since 3.32), PostgreSQL's
    protocol limit (65,535)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        raw = connection.connection
        if hasattr(raw, "getlimit"):
            import sqlite3

            return raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        return connection.features.max_query_params
    return connection.features.max_query_params or 65535


class _Controllers:
    """The TTHC controllers and administrators whose assignment reaches a unit: told when a unit's late work has
    nobody else to tell (no handler, no leader, no dispatcher on record), so that no warning goes nowhere. Read in
    one query, and only when a sweep meets such work."""

    def __init__(self, people: RoleDirectory, on: dt.date):
        self.people, self.on = people, on
        self.rows: list[tuple] | None = None
        self.cache: dict[int, frozenset[int]] = {}

    def reaching(self, unit_id: int | None) -> frozenset[int]:
        if unit_id is None:
            return frozenset()
        if self.rows is None:
            self.rows = list(
                RoleAssignment.objects.filter(
                    valid_on_q(self.on), role__in=sorted(WIDE_ROLES), user__is_active=True
                ).values_list("user_id", "agency_id", "role", "includes_subunits")
            )
        if unit_id not in self.cache:
            tree = self.people.tree
            self.cache[unit_id] = frozenset(
                user for user, agency, role, wide in self.rows if unit_id in reach(tree, agency, role, wide)
            )
        return self.cache[unit_id]


def _step_people(people: RoleDirectory, unit_id: int, queue: str, role: str | None) -> frozenset[int]:
    """The people of an open step with no handler (``handover.step_tiers``): the first tier held in its unit."""
    for roles in step_tiers(queue, role):
        found = people.holders(unit_id, roles)
        if found:
            return found
    return frozenset()


def sweep(now: dt.datetime | None = None) -> SweepResult:
    """Warn about the open dossiers and steps due within the warning window of ``now`` (default: the present)."""
    now = now or timezone.now()
    hours = settings.MOTCUA_DUE_SOON_WORKING_HOURS
    soon = worktime.engine_for(None, timezone.localdate(now)).due(now, hours, "working_hours")
    people = RoleDirectory(timezone.localdate(now), frozenset(Role.values) - WIDE_ROLES)
    controllers = _Controllers(people, timezone.localdate(now))
    result = SweepResult()
    writer = _Writer(timezone.now())
    zone = timezone.get_default_timezone()  # deadlines are told in Vietnam time (settings.TIME_ZONE)

    dossiers = (
        Dossier.objects.filter(status__in=OPEN_FOR_DEADLINES, due_at__isnull=False, due_at__lte=soon)
        .values_list(
            "pk",
            "code",
            "due_at",
            "current_handler_id",
            "current_agency_id",
            "handling_agency_id",
            DISPATCH_UNIT,
            "current_step__started_at",
            "current_step__finished_at",
            "current_step__queue",
            "current_step__role",
            "current_step__agency_id",
        )
        .order_by("due_at", "pk")
    )
    for (
        pk,
        code,
        due_at,
        handler_id,
        current_id,
        handling_id,
        dispatch_id,
        step_started,
        step_finished,
        queue,
        role,
        step_unit,
    ) in dossiers.iterator(CHUNK):
        overdue = due_at < now
        kind = Notification.Kind.OVERDUE if overdue else Notification.Kind.DUE_SOON
        users = set(people.holders(current_id, LEADER_ROLES) | people.holders(handling_id, LEADER_ROLES))
        on_step = step_started is not None and step_finished is None
        waits = handler_id is None and (not on_step or queue == WorkQueue.ASSIGN)
        if handler_id is not None:
            users.add(handler_id)
        elif on_step:
            users |= _step_people(people, step_unit, queue, role)
        else:
            users |= people.holders(dispatch_id, DISPATCHERS)
        result.unassigned += waits
        if not users:
            users = set(controllers.reaching(current_id) | controllers.reaching(handling_id))
            result.told_controllers += bool(users)
            result.untold += not users
        local_due = due_at.astimezone(zone)
        message = dossier_message(code, local_due, overdue, assigned=not waits)
        writer.add(users, kind, message, pk, f"{kind}:{pk}:{local_due:%Y%m%d%H%M}")
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
        .values_list(
            "pk", "dossier_id", "dossier__code", "name", "due_at", "handler_id", "agency_id", "queue", "role"
        )
        .order_by("due_at", "pk")
    )
    for pk, dossier_id, code, name, due_at, handler_id, unit_id, queue, role in steps.iterator(CHUNK):
        overdue = due_at < now
        kind = Notification.Kind.STEP_OVERDUE if overdue else Notification.Kind.STEP_DUE_SOON
        waits = handler_id is None and queue == WorkQueue.ASSIGN
        if handler_id is None:
            users = _step_people(people, unit_id, queue, role) or people.holders(unit_id, LEADER_ROLES)
            result.steps_unassigned += waits
        else:
            users = {handler_id}
        if not users:
            users = controllers.reaching(unit_id)
            result.told_controllers += bool(users)
            result.steps_untold += not users
        local_due = due_at.astimezone(zone)
        message = step_message(name, code, local_due, overdue, assigned=not waits)
        writer.add(users, kind, message, dossier_id, f"{kind}:step{pk}:{local_due:%Y%m%d%H%M}")
        if overdue:
            result.steps_overdue += 1
        else:
            result.steps_due_soon += 1
    writer.flush()
    result.notifications = writer.created
    return result
