"""Unit statistics of PAKN, computed from the records in one grouped query (SPEC §5.3 indicators 5.1–5.3).

Over the feedback *received* in the period (local dates) by each handling unit:

- ``received`` PAKN (complaints and denunciations apart: ``redirected``), by classification;
- ``refused``; ``answered`` (answer approved); ``on_time`` / ``late``: handled (answered or refused) within / after
  the step's deadline (``handled_on_time``);
- ``open_in_time`` / ``open_late``: not handled yet, the answer deadline after / before the end of the period
  (or now, if earlier);
- ``published``; the sender's ``agree`` / ``disagree``; ``satisfaction`` = agree / (agree + disagree), in %;
- ``on_time_rate`` (indicator 5.2) = (on time + open in time) / received, in %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, Q
from django.utils import timezone

from motcua.feedback.choices import Kind, Reaction, Status
from motcua.feedback.models import Feedback
from motcua.worktime.engine import VIETNAM

COUNTS = (
    "received",
    "regulation",
    "conduct",
    "refused",
    "answered",
    "on_time",
    "late",
    "open_in_time",
    "open_late",
    "published",
    "agree",
    "disagree",
    "redirected",
)


def _bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(first, dt.time.min, tzinfo=VIETNAM)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=VIETNAM)
    return start, end


def by_unit(units: Iterable[int], first: dt.date, last: dt.date, now: dt.datetime | None = None) -> dict:
    start, end = _bounds(first, last)
    moment = min(now or timezone.now(), end)
    pakn = Q(kind=Kind.PAKN)
    pending = pakn & Q(handled_at__isnull=True) & ~Q(status=Status.REFUSED)
    rows = (
        Feedback.objects.filter(
            handling_agency_id__in=list(units), received_at__gte=start, received_at__lt=end
        )
        .values("handling_agency_id")
        .annotate(
            received=Count("id", filter=pakn),
            regulation=Count("id", filter=pakn & Q(classification="quy_dinh")),
            conduct=Count("id", filter=pakn & Q(classification="hanh_vi")),
            refused=Count("id", filter=pakn & Q(status=Status.REFUSED)),
            answered=Count("id", filter=pakn & Q(handled_at__isnull=False) & ~Q(status=Status.REFUSED)),
            on_time=Count("id", filter=pakn & Q(handled_on_time=True)),
            late=Count("id", filter=pakn & Q(handled_on_time=False)),
            open_in_time=Count("id", filter=pending & Q(answer_due_at__gte=moment)),
            open_late=Count("id", filter=pending & Q(answer_due_at__lt=moment)),
            published=Count("id", filter=pakn & Q(published_at__isnull=False)),
            agree=Count("id", filter=pakn & Q(reaction=Reaction.AGREE)),
            disagree=Count("id", filter=pakn & Q(reaction=Reaction.DISAGREE)),
            redirected=Count("id", filter=~pakn),
        )
    )
    return {row.pop("handling_agency_id"): _with_rates(row) for row in rows}


def _with_rates(row: dict) -> dict:
    reacted = row["agree"] + row["disagree"]
    row["satisfaction"] = round(100 * row["agree"] / reacted, 1) if reacted else None
    row["on_time_rate"] = (
        round(100 * (row["on_time"] + row["open_in_time"]) / row["received"], 1) if row["received"] else None
    )
    return row


def total(rows: Iterable[dict]) -> dict:
    summed = {name: 0 for name in COUNTS}
    for row in rows:
        for name in COUNTS:
            summed[name] += row[name]
    return _with_rates(summed)
