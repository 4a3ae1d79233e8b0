"""The one definition of what the statistics count, in SQL that runs unchanged on SQLite and PostgreSQL.

Three statements, each with a place for a selection of dossiers (one dossier, a range, or all):

- :func:`fact_select`: per dossier, its local dates (received, ended, original appointment), the outcome by date
  (date(end) vs date(original appointment), SPEC §4.1) and the day from which it counts as overdue;
- :func:`pause_select`: its clock pauses in local dates, clipped to the days it was open;
- :func:`events_select`: the events these facts produce per day and cell (:data:`EVENTS`), summed.

The daily roll-up is by definition the sum of :data:`EVENTS` over all facts; ``services.rollup`` keeps it so
(rebuild = insert the sum; refresh = add the new events of a dossier minus its old ones).

End-of-day stock (columns 6 and 11–13 are "state at a moment"): a dossier is *open* at the end of day ``e`` when
``received_on ≤ e < ended_on`` (``ended_on`` empty: still open); *overdue* when also ``due_on < e`` and it is not
paused; *paused* when a pause has ``started_on ≤ e < ended_on``. Each of these is an interval of days, so it is the
sum of +1 at the first day and −1 at the day after the last: the stock at ``e`` is the sum of the deltas up to
``e``. Overdue-and-not-paused = open∧overdue − paused∧overdue, the two intervals below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

from motcua.reports.models.daily import CELL, COUNTERS

FACT_COLUMNS = (
    "dossier_id",
    "handling_id",
    "receiving_id",
    "field_id",
    "channel",
    "received_on",
    "ended_on",
    "outcome",
    "due_on",
    "overdue_from",
    "apologised",
    "digitised",
)
PAUSE_COLUMNS = ("dossier_id", "started_on", "ended_on")

# Statuses (SPEC §1.4): accepted dossiers are counted from their reception; status 3 (refused at reception) only
# as "refused" on the day of the refusal; 1 (not yet accepted) not at all, nor a withdrawal before acceptance.
ACCEPTED = "2, 4, 5, 6, 7, 8, 9, 10"
FINISHED = "9, 10"


def _tz() -> str:
    name = settings.TIME_ZONE
    if not re.fullmatch(r"[A-Za-z0-9_/+\-]+", name):  # inlined into SQL: only a plain zone name is accepted
        raise ValueError(f"unexpected TIME_ZONE {name!r}")
    return name


def local_date(expr: str) -> str:
    """SQL for the local (TIME_ZONE) date of a timestamp expression, through Django's own backend function."""
    sql, params = connection.ops.datetime_cast_date_sql(expr, (), _tz())
    for value in params:
        if not re.fullmatch(r"[A-Za-z0-9_/+\-]+", str(value)):
            raise ValueError(f"unexpected time zone parameter {value!r}")
    return sql % tuple(f"'{value}'" for value in params)


def next_day(expr: str) -> str:
    return f"date({expr}, '+1 day')" if connection.vendor == "sqlite" else f"({expr} + 1)"


def greatest(a: str, b: str) -> str:
    """The later of two non-null dates (SQLite compares ISO text, PostgreSQL dates)."""
    return f"MAX({a}, {b})" if connection.vendor == "sqlite" else f"GREATEST({a}, {b})"


def least(a: str, b: str) -> str:
    return f"MIN({a}, {b})" if connection.vendor == "sqlite" else f"LEAST({a}, {b})"


@dataclass(frozen=True)
class Selection:
    """Which dossiers a statement covers: ``sql`` is a condition on the dossier id column ``{col}``."""

    sql: str = "1 = 1"
    params: tuple = ()

    def on(self, column: str) -> tuple[str, list]:
        return self.sql.replace("{col}", column), list(self.params)


ALL = Selection()


def ids(dossier_ids) -> Selection:
    dossier_ids = sorted({int(pk) for pk in dossier_ids})
    if not dossier_ids:
        return Selection("1 = 0")
    return Selection("{col} IN (%s)" % ", ".join(["%s"] * len(dossier_ids)), tuple(dossier_ids))


def received_between(start, end) -> Selection:
    """Dossiers received — or, if refused at reception, submitted — in [start, end) (aware datetimes)."""
    return Selection(
        "{col} IN (SELECT s.id FROM dossiers_dossier s WHERE (s.received_at >= %s AND s.received_at < %s) "
        "OR (s.received_at IS NULL AND s.submitted_at >= %s AND s.submitted_at < %s))",
        (start, end, start, end),
    )


# --- facts ---------------------------------------------------------------------------------------------------------


def fact_select(selection: Selection) -> tuple[str, list]:
    where, params = selection.on("d.id")
    r, e, due = "x.received_on", "x.ended_on", "x.due_on"
    overdue_start = greatest(r, next_day(due))
    sql = f"""
SELECT x.id, x.handling_agency_id, x.receiving_agency_id, COALESCE(v.field_id, 0), x.channel,
  {r}, {e},
  CASE WHEN {e} IS NULL THEN ''
       WHEN x.status = 3 THEN 'refused'
       WHEN x.status = 7 THEN 'withdrawn'
       WHEN x.status = 8 THEN 'stopped'
       WHEN {due} IS NULL OR {e} = {due} THEN 'on_time'
       WHEN {e} < {due} THEN 'early'
       ELSE 'late' END,
  {due},
  CASE WHEN {r} IS NULL OR {due} IS NULL THEN NULL
       WHEN {e} IS NULL OR {overdue_start} < {e} THEN {overdue_start} END,
  EXISTS (SELECT 1 FROM dossiers_apology a WHERE a.dossier_id = x.id),
  EXISTS (SELECT 1 FROM dossiers_dossiercomponent c WHERE c.dossier_id = x.id AND c.digitisation > 0)
FROM (
  SELECT d.id, d.handling_agency_id, d.receiving_agency_id, d.procedure_version_id, d.channel, d.status,
    {local_date("d.received_at")} AS received_on,
    CASE WHEN d.status IN ({FINISHED}) THEN {local_date("COALESCE(d.finished_at, d.closed_at)")}
         WHEN d.status IN (3, 7, 8) THEN {local_date("d.closed_at")} END AS ended_on,
    {local_date("d.original_due_at")} AS due_on
  FROM dossiers_dossier d
  WHERE ((d.received_at IS NOT NULL AND d.status IN ({ACCEPTED})) OR d.status = 3) AND {where}
) x
JOIN catalog_procedureversion v ON v.id = x.procedure_version_id"""
    return sql, params


def pause_select(selection: Selection) -> tuple[str, list]:
    """Pauses of the selected dossiers' facts (insert the facts first), clipped to [received_on, ended_on)."""
    where, params = selection.on("p.dossier_id")
    start = greatest(local_date("p.started_at"), "f.received_on")
    end = f"""CASE WHEN p.ended_at IS NULL THEN f.ended_on
         WHEN f.ended_on IS NULL THEN {local_date("p.ended_at")}
         ELSE {least(local_date("p.ended_at"), "f.ended_on")} END"""
    sql = f"""
SELECT y.dossier_id, y.started_on, y.ended_on FROM (
  SELECT p.dossier_id, {start} AS started_on, {end} AS ended_on
  FROM dossiers_dossierpause p JOIN reports_dossierfact f ON f.dossier_id = p.dossier_id
  WHERE f.received_on IS NOT NULL AND {where}
) y WHERE y.ended_on IS NULL OR y.started_on < y.ended_on"""
    return sql, params


# --- events --------------------------------------------------------------------------------------------------------


def _is(outcome: str) -> str:
    return f"CASE WHEN f.outcome = '{outcome}' THEN 1 ELSE 0 END"


@dataclass(frozen=True)
class Event:
    """Rows of facts (``f``, and ``p`` for a pause) that add ``counters`` on ``day``."""

    day: str
    counters: dict
    where: str = "1 = 1"
    pause: bool = False
    name: str = field(default="", compare=False)


def _overdue_pause_start() -> str:
    return greatest("p.started_on", "f.overdue_from")


def events() -> tuple[Event, ...]:
    o = _overdue_pause_start()
    return (
        Event(
            "f.received_on",
            {"received": "1", "digitised": "CASE WHEN f.digitised THEN 1 ELSE 0 END", "open_delta": "1"},
            "f.received_on IS NOT NULL",
            name="received",
        ),
        Event(
            "f.ended_on",
            {
                "early": _is("early"),
                "on_time": _is("on_time"),
                "late": _is("late"),
                "late_apologised": "CASE WHEN f.outcome = 'late' AND f.apologised THEN 1 ELSE 0 END",
                "withdrawn": _is("withdrawn"),
                "stopped": _is("stopped"),
                "open_delta": "-1",
            },
            "f.ended_on IS NOT NULL AND f.received_on IS NOT NULL",
            name="ended",
        ),
        Event(
            "f.ended_on", {"refused": "1"}, "f.ended_on IS NOT NULL AND f.outcome = 'refused'", name="refused"
        ),
        Event("f.overdue_from", {"overdue_delta": "1"}, "f.overdue_from IS NOT NULL", name="overdue"),
        Event(
            "f.ended_on",
            {"overdue_delta": "-1"},
            "f.overdue_from IS NOT NULL AND f.ended_on IS NOT NULL",
            name="overdue ends",
        ),
        Event("p.started_on", {"paused_delta": "1"}, pause=True, name="paused"),
        Event("p.ended_on", {"paused_delta": "-1"}, "p.ended_on IS NOT NULL", pause=True, name="pause ends"),
        Event(
            o,
            {"paused_overdue_delta": "1"},
            f"f.overdue_from IS NOT NULL AND (p.ended_on IS NULL OR {o} < p.ended_on)",
            pause=True,
            name="paused while overdue",
        ),
        Event(
            "p.ended_on",
            {"paused_overdue_delta": "-1"},
            f"f.overdue_from IS NOT NULL AND p.ended_on IS NOT NULL AND {o} < p.ended_on",
            pause=True,
            name="pause ends while overdue",
        ),
    )


def events_select(selection: Selection, sign: int = 1) -> tuple[str, list]:
    """One row per (day, cell): the sums of the events of the selected dossiers' facts, times ``sign``."""
    branches, params = [], []
    cells = ", ".join(f"f.{c}" for c in CELL)
    for event in events():
        column = "p.dossier_id" if event.pause else "f.dossier_id"
        where, more = selection.on(column)
        values = ", ".join(f"{event.counters.get(c, '0')} AS {c}" for c in COUNTERS)
        source = (
            "reports_pausefact p JOIN reports_dossierfact f ON f.dossier_id = p.dossier_id"
            if event.pause
            else "reports_dossierfact f"
        )
        branches.append(
            f"SELECT {event.day} AS day, {cells}, {values} FROM {source} WHERE ({event.where}) AND {where}"
        )
        params += more
    group = ", ".join(("day", *CELL))
    sums = ", ".join(f"{sign} * SUM({c}) AS {c}" for c in COUNTERS)
    union = "\nUNION ALL\n".join(branches)
    sql = f"SELECT {group}, {sums} FROM (\n{union}\n) ev WHERE 1 = 1 GROUP BY {group}"
    return sql, params


DAILY_COLUMNS = ("day", *CELL, *COUNTERS)


def upsert_sql(select_sql: str) -> str:
    """Add the rows of ``select_sql`` (DAILY_COLUMNS) to the roll-up: insert new cells, increment existing ones."""
    columns = ", ".join(DAILY_COLUMNS)
    keys = ", ".join(("day", *CELL))
    updates = ", ".join(f"{c} = reports_dailycount.{c} + excluded.{c}" for c in COUNTERS)
    return (
        f"INSERT INTO reports_dailycount ({columns}) {select_sql} "
        f"ON CONFLICT ({keys}) DO UPDATE SET {updates}"
    )


def upsert_values_sql() -> str:
    marks = ", ".join(["%s"] * len(DAILY_COLUMNS))
    return upsert_sql(f"VALUES ({marks})")
