"""Keeps the daily roll-up (``DailyCount``) equal to the sum of the events (``services.sql.EVENTS``) of the
facts of every dossier, and the facts equal to what the dossier tables say.

- :func:`refresh` (after each committed transaction of transitions, from the ``dossiers_transitioned`` signal): for the given dossiers,
  read their current events, recompute their facts from the dossier tables, read the new events, and add the
  difference to the roll-up — one upsert, rows in a fixed order (so concurrent refreshes cannot deadlock).
- :func:`rebuild` (``motcua rebuild_report_rollups``; the generator's end): everything from scratch, in SQL.
- :func:`refresh_range`: the same as :func:`refresh` for every dossier received in a date range, in SQL
  (subtract the old events, replace the facts, add the new ones).

On PostgreSQL a transaction-level advisory lock keeps rebuilds (exclusive) apart from refreshes (shared), and a
refresh locks its dossier rows, so two refreshes of one dossier run one after the other and see each other's facts.
SQLite runs one writer at a time anyway.

The roll-up is refreshed by a job a worker runs seconds after the transitions commit (``receivers.refresh_rollup``),
so it may lag by those seconds: :func:`current_as_of` says up to when the figures are complete, and every report
page shows it (“Số liệu đến HH:MM dd/mm/yyyy”); ``motcua rebuild_report_rollups --verify`` proves it converges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from motcua.reports.models.daily import COUNTERS
from motcua.reports.services import sql
from motcua.reports.services.sql import ALL, FACT_COLUMNS, PAUSE_COLUMNS, Selection

ADVISORY_KEY = 7_310_612_018  # any constant: the roll-up's lock

RECEIVER = "motcua.reports.receivers.refresh_rollup"
"""The key of the roll-up's receiver of ``dossiers_transitioned`` (what its jobs name as their second argument)."""


def current_as_of(now: dt.datetime) -> dt.datetime:
    """Up to when the roll-up's figures include every change: the moment the oldest roll-up refresh still waiting
    for a worker (or running) was enqueued — its transitions and every later one may be missing — else ``now``.
    Without the database backend there is nothing to wait for (eager: the refresh ran at the commit; Redis: the
    queue cannot be asked cheaply), so ``now``. One query, through the partial index of unfinished jobs
    (migration ``reports.0003``)."""
    from motcua.core import jobs
    from motcua.core.events import deliver

    if not jobs.uses_database():
        return now
    oldest = (
        jobs.pending([deliver.module_path])
        .filter(args_kwargs__args__1=RECEIVER)
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    return min(oldest, now) if oldest is not None else now


def _advisory_lock(cursor, *, shared: bool) -> None:
    if connection.vendor == "postgresql":
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        cursor.execute(f"SELECT {function}(%s)", [ADVISORY_KEY])


def _replace_facts(cursor, selection: Selection) -> None:
    where, params = selection.on("dossier_id")
    cursor.execute(f"DELETE FROM reports_pausefact WHERE {where}", params)
    cursor.execute(f"DELETE FROM reports_dossierfact WHERE {where}", params)
    select, params = sql.fact_select(selection)
    cursor.execute(f"INSERT INTO reports_dossierfact ({', '.join(FACT_COLUMNS)}) {select}", params)
    select, params = sql.pause_select(selection)
    cursor.execute(f"INSERT INTO reports_pausefact ({', '.join(PAUSE_COLUMNS)}) {select}", params)


def _events(cursor, selection: Selection) -> dict[tuple, tuple[int, ...]]:
    select, params = sql.events_select(selection)
    cursor.execute(select, params)
    width = len(sql.DAILY_COLUMNS) - len(COUNTERS)
    return {tuple(row[:width]): tuple(int(v) for v in row[width:]) for row in cursor.fetchall()}


def _difference(new: dict, old: dict) -> list[tuple]:
    zero = (0,) * len(COUNTERS)
    rows = []
    for key in sorted(new.keys() | old.keys()):
        delta = tuple(a - b for a, b in zip(new.get(key, zero), old.get(key, zero), strict=True))
        if any(delta):
            rows.append((*key, *delta))
    return rows


def refresh(dossier_ids) -> int:
    """Bring the facts of these dossiers, and their share of the roll-up, up to date. Returns the number of daily
    rows changed. A fixed number of queries whatever the dossier's history."""
    selection = sql.ids(dossier_ids)
    if not selection.params:
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        _advisory_lock(cursor, shared=True)
        if connection.vendor == "postgresql":
            where, params = selection.on("id")
            cursor.execute(f"SELECT id FROM dossiers_dossier WHERE {where} ORDER BY id FOR UPDATE", params)
        old = _events(cursor, selection)
        _replace_facts(cursor, selection)
        rows = _difference(_events(cursor, selection), old)
        if rows:
            cursor.executemany(sql.upsert_values_sql(), rows)
    return len(rows)


@dataclass
class RebuildReport:
    facts: int
    pauses: int
    daily_rows: int
    seconds: float


def _count(cursor, table: str) -> int:
    cursor.execute(f"SELECT COUNT(*) FROM {table}")
    return cursor.fetchone()[0]


def rebuild() -> RebuildReport:
    """Recompute every fact and the whole roll-up from the dossier tables (set-based SQL, no per-dossier Python)."""
    started = timezone.now()
    with transaction.atomic(), connection.cursor() as cursor:
        _advisory_lock(cursor, shared=False)
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE reports_dailycount, reports_pausefact, reports_dossierfact")
        else:
            for table in ("reports_dailycount", "reports_pausefact", "reports_dossierfact"):
                cursor.execute(f"DELETE FROM {table}")
        select, params = sql.fact_select(ALL)
        cursor.execute(f"INSERT INTO reports_dossierfact ({', '.join(FACT_COLUMNS)}) {select}", params)
        select, params = sql.pause_select(ALL)
        cursor.execute(f"INSERT INTO reports_pausefact ({', '.join(PAUSE_COLUMNS)}) {select}", params)
        select, params = sql.events_select(ALL)
        cursor.execute(f"INSERT INTO reports_dailycount ({', '.join(sql.DAILY_COLUMNS)}) {select}", params)
        report = RebuildReport(
            _count(cursor, "reports_dossierfact"),
            _count(cursor, "reports_pausefact"),
            _count(cursor, "reports_dailycount"),
            0.0,
        )
    _analyze()
    report.seconds = (timezone.now() - started).total_seconds()
    return report


def refresh_range(start: dt.date, end: dt.date) -> RebuildReport:
    """Refresh every dossier received (or, refused at reception, submitted) from ``start`` to ``end`` inclusive,
    local dates: subtract their old events, recompute their facts, add the new events."""
    started = timezone.now()
    tz = timezone.get_default_timezone()
    selection = sql.received_between(
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )
    with transaction.atomic(), connection.cursor() as cursor:
        _advisory_lock(cursor, shared=False)
        select, params = sql.events_select(selection, sign=-1)
        cursor.execute(sql.upsert_sql(select), params)
        _replace_facts(cursor, selection)
        select, params = sql.events_select(selection, sign=1)
        cursor.execute(sql.upsert_sql(select), params)
        cursor.execute("DELETE FROM reports_dailycount WHERE " + " AND ".join(f"{c} = 0" for c in COUNTERS))
        where, params = selection.on("dossier_id")
        cursor.execute(f"SELECT COUNT(*) FROM reports_dossierfact WHERE {where}", params)
        facts = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM reports_pausefact WHERE {where}", params)
        pauses = cursor.fetchone()[0]
        report = RebuildReport(facts, pauses, _count(cursor, "reports_dailycount"), 0.0)
    _analyze()
    report.seconds = (timezone.now() - started).total_seconds()
    return report


def _analyze() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE reports_dossierfact, reports_pausefact, reports_dailycount")


def rebuild_after_bulk_load(start: dt.date, end: dt.date) -> RebuildReport:
    """For bulk writers that bypass the transition service (the load generator): refresh the dossiers of the
    window they wrote."""
    return refresh_range(start, end)
