"""The same measures computed straight from the dossier tables, as states at a moment — the reference the roll-up
is checked against (tests on randomised data; ``motcua rebuild_report_rollups --verify``).

It is a different formulation on purpose: no facts, no deltas, one conditional ``COUNT`` per measure over the
dossiers, with the definitions of SPEC §4.1 read literally in local (Asia/Ho_Chi_Minh) dates:

- received in the period: accepted (status 2, 4–10) with ``received_at`` in the period;
- resolved in the period: status 9/10 (by date of ``finished_at`` against the date of ``original_due_at``), 7
  (withdrawn) or 8 (stopped), ended in the period; refused (3): closed in the period;
- carried over: received before the period and not ended before its start;
- open at the end: received by the end and not ended by then; paused if a pause covers the end of the last day;
  overdue if not paused and the appointment's day is before the last day.

It reads every dossier of the scope: fine for checks, far too slow for a province-year report (see BENCHMARKS.md).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from motcua.dossiers.models import Apology, Dossier, DossierComponent, DossierPause
from motcua.reports.services.measures import NAMES, Figures

ACCEPTED = (2, 4, 5, 6, 7, 8, 9, 10)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


def query(
    start: dt.date, through: dt.date, *, side: str = "handling_agency_id", scope: set[int] | None = None
) -> dict[tuple, Figures]:
    """Measures per (agency of ``side``, field) for [start, through], from the dossiers themselves."""
    tz = timezone.get_default_timezone()
    begin, after = _midnight(start), _midnight(through + dt.timedelta(days=1))
    paused_at_end = DossierPause.objects.filter(dossier=OuterRef("pk"), started_at__lt=after).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gte=after)
    )
    rows = (
        Dossier.objects.annotate(
            ended=Case(
                When(status__in=(9, 10), then=Coalesce("finished_at", "closed_at")),
                When(status__in=(3, 7, 8), then=F("closed_at")),
                default=Value(None),
            ),
        )
        .annotate(
            ended_day=TruncDate("ended", tzinfo=tz),
            due_day=TruncDate("original_due_at", tzinfo=tz),
            field=Coalesce("procedure_version__field_id", Value(0)),
            has_apology=Exists(Apology.objects.filter(dossier=OuterRef("pk"))),
            has_digitised=Exists(DossierComponent.objects.filter(dossier=OuterRef("pk"), digitisation__gt=0)),
            paused=Exists(paused_at_end),
        )
        .filter(Q(received_at__isnull=False, status__in=ACCEPTED) | Q(status=3))
    )
    if scope is not None:
        rows = rows.filter(**{f"{side}__in": scope})
    accepted = Q(received_at__isnull=False, status__in=ACCEPTED)
    received = accepted & Q(received_at__gte=begin, received_at__lt=after)
    ended_in = accepted & Q(ended__gte=begin, ended__lt=after)
    finished_in = ended_in & Q(status__in=(9, 10))
    open_at_end = accepted & Q(received_at__lt=after) & (Q(ended__isnull=True) | Q(ended__gte=after))
    overdue = open_at_end & Q(paused=False, due_day__lt=through)
    on_time = finished_in & (Q(due_day__isnull=True) | Q(ended_day=F("due_day")))
    late = finished_in & Q(ended_day__gt=F("due_day"))
    conditions = {
        "received_online": received & Q(channel="2"),
        "received_direct": received & Q(channel="1"),
        "received_postal": received & Q(channel="3"),
        "digitised": received & Q(has_digitised=True),
        "carried_over": accepted & Q(received_at__lt=begin) & (Q(ended__isnull=True) | Q(ended__gte=begin)),
        "early": finished_in & Q(ended_day__lt=F("due_day")),
        "on_time": on_time,
        "late": late,
        "late_apologised": late & Q(has_apology=True),
        "withdrawn": ended_in & Q(status=7),
        "stopped": ended_in & Q(status=8),
        "refused": Q(status=3, closed_at__gte=begin, closed_at__lt=after),
        "open_end": open_at_end,
        "overdue_end": overdue,
        "in_time_end": open_at_end & (Q(paused=True) | Q(due_day__isnull=True) | Q(due_day__gte=through)),
        "paused_end": open_at_end & Q(paused=True),
    }
    assert set(conditions) == set(NAMES)
    aggregates = {name: Count("pk", filter=condition) for name, condition in conditions.items()}
    grouped = rows.values(side, "field").annotate(**aggregates).order_by()
    result: dict[tuple, Figures] = {}
    for row in grouped:
        figures = Figures((name, row[name]) for name in NAMES)
        if any(figures.values()):
            result[(row[side], row["field"])] = figures
    return result
