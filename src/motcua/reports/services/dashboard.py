"""The leaders' dashboard of a unit (province, agency, commune) for a period: the headline figures with their
percentages, trends by month (or by day for a short period), received by channel, figures by field and by
subunit, the online and digitisation shares — all from the daily roll-up (two queries) — and the dossiers overdue
right now by step and by handler (one query on the open dossiers, through the status indexes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.choices import Channel
from motcua.catalog.models import ProcedureField
from motcua.core.dated import today
from motcua.core.text import sort_key
from motcua.dossiers.models import Dossier
from motcua.reports.services import measures, shares
from motcua.reports.services.measures import Figures
from motcua.reports.services.periods import Period
from motcua.reports.services.units import THEN, Registry, Unit

TOP_FIELDS = 10


@dataclass
class Bucket:
    label: str
    start: dt.date
    end: dt.date
    received: int = 0
    online: int = 0
    early: int = 0
    on_time: int = 0  # on time, withdrawn and stopped (Biểu 06 column 9)
    late: int = 0
    open_end: int = 0
    overdue_end: int = 0


@dataclass
class Line:
    label: str
    figures: Figures
    unit: Unit | None = None

    @property
    def in_time_share(self) -> float | None:
        parts = shares.split([self.figures.in_time, self.figures.late])
        return parts[0] if parts else None


@dataclass
class Dashboard:
    unit: Unit
    period: Period
    mapping: str
    through: dt.date
    total: Figures
    buckets: list[Bucket] = field(default_factory=list)
    by_field: list[Line] = field(default_factory=list)
    by_unit: list[Line] = field(default_factory=list)
    late_by_step: list[tuple[str, int]] = field(default_factory=list)
    late_by_handler: list[tuple[str, int]] = field(default_factory=list)
    overdue_now: int = 0
    daily: bool = False
    at: dt.datetime = field(default_factory=timezone.now)

    @property
    def channels(self) -> list[tuple[str, str, int, float | None]]:
        counts = [self.total.received_direct, self.total.received_online, self.total.received_postal]
        parts = shares.split(counts) or [None, None, None]
        names = [
            ("direct", Channel.DIRECT.label),
            ("online", Channel.ONLINE.label),
            ("postal", Channel.POSTAL.label),
        ]
        return [(key, name, n, p) for (key, name), n, p in zip(names, counts, parts, strict=True)]

    @property
    def online_share(self) -> float | None:
        return shares.share(self.total.received_online, self.total.received)

    @property
    def digitised_share(self) -> float | None:
        return shares.share(self.total.digitised, self.total.received)

    @property
    def in_time_share(self) -> float | None:
        parts = shares.split([self.total.in_time, self.total.late])
        return parts[0] if parts else None

    @property
    def late_share(self) -> float | None:
        parts = shares.split([self.total.in_time, self.total.late])
        return parts[1] if parts else None

    @property
    def summary(self) -> list[str]:
        return shares.summary(self.total)


DAILY_DAYS = 45  # a shorter period is drawn day by day, a longer one month by month


def _buckets(period: Period, through: dt.date) -> list[Bucket]:
    if (through - period.start).days < DAILY_DAYS:
        days = (through - period.start).days + 1
        return [
            Bucket((period.start + dt.timedelta(d)).strftime("%d/%m"), *(period.start + dt.timedelta(d),) * 2)
            for d in range(max(0, days))
        ]
    result, cursor = [], period.start
    while cursor <= through:
        following = dt.date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
        end = min(following - dt.timedelta(days=1), through)
        result.append(Bucket(cursor.strftime("%m/%Y"), cursor, end))
        cursor = following
    return result


def _trends(period: Period, through: dt.date, series: list[tuple]) -> list[Bucket]:
    buckets = _buckets(period, through)
    stock = {"open_delta": 0, "overdue_delta": 0, "paused_overdue_delta": 0}
    index = 0
    for day, sums in series:
        while index < len(buckets) and day > buckets[index].end:
            _close(buckets[index], stock)
            index += 1
        for name in stock:
            stock[name] += sums[name]
        if index < len(buckets) and day >= buckets[index].start:
            b = buckets[index]
            b.received += sums["received"]
            b.early += sums["early"]
            b.on_time += sums["on_time"] + sums["withdrawn"] + sums["stopped"]
            b.late += sums["late"]
    while index < len(buckets):
        _close(buckets[index], stock)
        index += 1
    return buckets


def _close(bucket: Bucket, stock: dict) -> None:
    bucket.open_end = stock["open_delta"]
    bucket.overdue_end = stock["overdue_delta"] - stock["paused_overdue_delta"]


def build(
    unit: Unit,
    period: Period,
    *,
    mapping: str = THEN,
    registry: Registry | None = None,
    on: dt.date | None = None,
) -> Dashboard:
    registry = registry or Registry.load()
    on = on or today()
    through = period.through(on)
    scope = registry.scope(unit.pk, mapping)
    data = measures.query(period.start, through, group_by=("handling_id", "field_id"), scope=scope)
    total = Figures.zero()
    by_field: dict[int, Figures] = {}
    by_branch: dict[int, Figures] = {}
    for (handling_id, field_id), figures in data.items():
        total.add(figures)
        by_field.setdefault(int(field_id), Figures.zero()).add(figures)
        branch = registry.branch_of(registry.report_unit(handling_id, mapping), unit.pk)
        by_branch.setdefault(branch if branch is not None else unit.pk, Figures.zero()).add(figures)
    dashboard = Dashboard(unit, period, mapping, through, total)
    dashboard.daily = (through - period.start).days < DAILY_DAYS
    dashboard.buckets = _trends(period, through, measures.daily_series(through, scope=scope))
    names = dict(ProcedureField.objects.filter(pk__in=[f for f in by_field if f]).values_list("pk", "name"))
    fields = sorted(by_field.items(), key=lambda item: (-item[1].received, sort_key(names.get(item[0], ""))))
    lines = [Line(names.get(f) or _("Chưa xác định lĩnh vực"), figures) for f, figures in fields[:TOP_FIELDS]]
    if len(fields) > TOP_FIELDS:
        rest = Figures.zero()
        for _f, figures in fields[TOP_FIELDS:]:
            rest.add(figures)
        lines.append(Line(_("Các lĩnh vực khác"), rest))
    dashboard.by_field = lines
    dashboard.by_unit = sorted(
        (
            Line(registry[pk].name, figures, registry[pk])
            for pk, figures in by_branch.items()
            if pk in registry.units
        ),
        key=lambda line: (-line.figures.received, sort_key(line.label)),
    )
    _overdue_now(dashboard, scope, on)
    return dashboard


def _overdue_now(dashboard: Dashboard, scope: set[int], on: dt.date) -> None:
    """Open dossiers (not paused) whose original appointment's day is before today, by step and by handler."""
    midnight = dt.datetime.combine(on, dt.time.min, tzinfo=timezone.get_default_timezone())
    rows = (
        Dossier.objects.filter(status__in=(2, 4), handling_agency_id__in=scope, original_due_at__lt=midnight)
        .values(
            "current_step__name",
            "current_handler__last_name",
            "current_handler__first_name",
            "current_handler__username",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    steps: dict[str, int] = {}
    handlers: dict[str, int] = {}
    for row in rows:
        step = row["current_step__name"] or _("(chưa vào bước xử lý nội bộ)")
        steps[step] = steps.get(step, 0) + row["n"]
        person = " ".join(
            p for p in (row["current_handler__last_name"], row["current_handler__first_name"]) if p
        )
        person = person or row["current_handler__username"] or _("(chưa phân công)")
        handlers[person] = handlers.get(person, 0) + row["n"]
    dashboard.late_by_step = sorted(steps.items(), key=lambda kv: (-kv[1], sort_key(kv[0])))
    dashboard.late_by_handler = sorted(handlers.items(), key=lambda kv: (-kv[1], sort_key(kv[0])))
    dashboard.overdue_now = sum(steps.values())
