"""The figures every report is made of, declared once as SQL aggregates over the daily roll-up.

A measure sums counters of the roll-up over a window of days relative to a period [start, through]:

- ``period``: the days of the period (events: received, resolved, …);
- ``before``: every day before the start (stock deltas: the stock at the end of the eve — carried over);
- ``to_end``: every day up to ``through`` (stock deltas: the stock at the end of the period).

One query per report: ``SUM(CASE WHEN <window> [AND channel = …] THEN <counters> ELSE 0 END)`` per measure,
grouped as the report needs (unit, field, channel…), over the rows of the scope up to ``through``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from motcua.reports.models.daily import COUNTERS


@dataclass(frozen=True)
class Measure:
    name: str
    terms: tuple[tuple[str, int], ...]
    window: str  # period | before | to_end
    channel: str | None = None


def _m(name, counter, window="period", channel=None):
    return Measure(name, ((counter, 1),), window, channel)


MEASURES: tuple[Measure, ...] = (
    _m("received_online", "received", channel="2"),
    _m("received_direct", "received", channel="1"),
    _m("received_postal", "received", channel="3"),
    _m("digitised", "digitised"),
    _m("carried_over", "open_delta", "before"),
    _m("early", "early"),
    _m("on_time", "on_time"),
    _m("late", "late"),
    _m("late_apologised", "late_apologised"),
    _m("withdrawn", "withdrawn"),
    _m("stopped", "stopped"),
    _m("refused", "refused"),
    _m("open_end", "open_delta", "to_end"),
    Measure("overdue_end", (("overdue_delta", 1), ("paused_overdue_delta", -1)), "to_end"),
    Measure("in_time_end", (("open_delta", 1), ("overdue_delta", -1), ("paused_overdue_delta", 1)), "to_end"),
    _m("paused_end", "paused_delta", "to_end"),
)
NAMES = tuple(m.name for m in MEASURES)
assert all(counter in COUNTERS for m in MEASURES for counter, _ in m.terms)


class Figures(dict):
    """The measures of one group (a dict by measure name), with the sums reports quote."""

    @classmethod
    def zero(cls) -> Figures:
        return cls.fromkeys(NAMES, 0)

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def add(self, other: dict) -> Figures:
        for name in NAMES:
            self[name] += other.get(name, 0)
        return self

    @property
    def received(self) -> int:
        return self.received_online + self.received_direct + self.received_postal

    @property
    def to_handle(self) -> int:
        """Biểu 06 column 3: received in the period plus carried over."""
        return self.received + self.carried_over

    @property
    def resolved(self) -> int:
        """Biểu 06 column 7 (withdrawn and stopped dossiers end their processing too)."""
        return self.early + self.on_time + self.late + self.withdrawn + self.stopped

    @property
    def finished(self) -> int:
        """Resolved with a result (status 9/10), by date against the original appointment."""
        return self.early + self.on_time + self.late

    @property
    def in_time(self) -> int:
        """Early or on time (Biểu 06 columns 8 + 9)."""
        return self.resolved - self.late


def _window(measure: Measure) -> tuple[str, bool]:
    """The SQL condition of the measure's window, and whether it takes the period's start as a parameter."""
    condition = {"period": "day >= %s", "before": "day < %s", "to_end": "1 = 1"}[measure.window]
    if measure.channel:
        condition += f" AND channel = '{measure.channel}'"
    return condition, measure.window != "to_end"


def _expression(measure: Measure) -> str:
    terms = " + ".join(c if sign == 1 else f"- {c}" for c, sign in measure.terms).replace("+ - ", "- ")
    return terms


def _day(value: dt.date):
    return connection.ops.adapt_datefield_value(value)


def query(
    start: dt.date,
    through: dt.date,
    *,
    group_by: tuple[str, ...] = (),
    side: str = "handling_id",
    scope: set[int] | None = None,
) -> dict[tuple, Figures]:
    """The measures for the period [start, through] per group (``group_by``: columns of the roll-up), counting
    the dossiers whose ``side`` (handling_id or receiving_id) is in ``scope`` (None: every agency)."""
    if side not in ("handling_id", "receiving_id"):
        raise ValueError(side)
    selects, params = [], []
    for measure in MEASURES:
        condition, takes_start = _window(measure)
        selects.append(f"SUM(CASE WHEN {condition} THEN {_expression(measure)} ELSE 0 END) AS {measure.name}")
        if takes_start:
            params.append(_day(start))
    where = ["day <= %s"]
    params.append(_day(through))
    if scope is not None:
        if not scope:
            return {}
        where.append(f"{side} IN ({', '.join(['%s'] * len(scope))})")
        params.extend(sorted(scope))
    groups = ", ".join(group_by)
    sql = (
        f"SELECT {groups + ', ' if groups else ''}{', '.join(selects)} FROM reports_dailycount "
        f"WHERE {' AND '.join(where)}" + (f" GROUP BY {groups}" if groups else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    width = len(group_by)
    result = {}
    for row in rows:
        if width == 0 and row[0] is None:  # no row at all: SUM of nothing
            continue
        result[tuple(row[:width])] = Figures(zip(NAMES, (int(v or 0) for v in row[width:]), strict=True))
    return result


def daily_series(
    through: dt.date, *, side: str = "handling_id", scope: set[int] | None = None
) -> list[tuple]:
    """(day, {counter: sum}) for every day up to ``through`` with any row in the scope, in order (trends)."""
    if side not in ("handling_id", "receiving_id"):
        raise ValueError(side)
    params: list = [_day(through)]
    where = "day <= %s"
    if scope is not None:
        if not scope:
            return []
        where += f" AND {side} IN ({', '.join(['%s'] * len(scope))})"
        params.extend(sorted(scope))
    sums = ", ".join(f"SUM({c})" for c in COUNTERS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT day, {sums} FROM reports_dailycount WHERE {where} GROUP BY day ORDER BY day", params
        )
        rows = cursor.fetchall()
    return [(as_date(row[0]), dict(zip(COUNTERS, (int(v) for v in row[1:]), strict=True))) for row in rows]


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
