"""The periodic jobs, declared once in the code next to the job they run, and the loop that starts them.

``@periodic(every=timedelta(minutes=5), label=_("…"))`` over a ``@job`` registers it. ``motcua scheduler`` calls
:func:`tick` every ``MOTCUA_SCHEDULER_TICK_SECONDS``: for each declared job whose period has come, it moves the
job's :class:`~motcua.core.models.ScheduledRun` row to the new period with a compare-and-set UPDATE and, in the
same transaction and only if that UPDATE won, enqueues the job. Periods are aligned on the clock (every 5 minutes
means :00, :05, … in Vietnam time; daily jobs at their ``at`` time), so every scheduler computes the same period and
any number of them (one per machine, for availability) run each period exactly once. A scheduler that was down
runs a missed period once when it comes back, not once per missed period.

Why not a library: django-crontask (the scheduler made for django-tasks) needs Python ≥ 3.12 and takes a Redis
lock; APScheduler's stores do not give "once per period across processes" on SQLite. The rule here is one
UPDATE on a row per job.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django_tasks.base import Task

logger = logging.getLogger("motcua.schedule")

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
EPOCH = dt.datetime(2000, 1, 1, tzinfo=VIETNAM)


@dataclass(frozen=True)
class Periodic:
    job: Task
    every: dt.timedelta
    label: str
    at: dt.time | None = None  # daily jobs: the time of day (Vietnam)

    @property
    def name(self) -> str:
        return self.job.module_path

    def period(self, now: dt.datetime) -> dt.datetime:
        """The start of the period ``now`` falls in (aware, UTC)."""
        local = now.astimezone(VIETNAM)
        if self.at is not None:
            start = dt.datetime.combine(local.date(), self.at, tzinfo=VIETNAM)
            if start > local:
                start -= dt.timedelta(days=1)
            return start.astimezone(dt.UTC)
        steps = (local - EPOCH) // self.every
        return (EPOCH + steps * self.every).astimezone(dt.UTC)

    def next_after(self, period: dt.datetime) -> dt.datetime:
        return period + (dt.timedelta(days=1) if self.at is not None else self.every)


SCHEDULE: dict[str, Periodic] = {}


def periodic(*, every: dt.timedelta, label, at: dt.time | None = None):
    """Run the decorated job (already a ``@job``) once per ``every`` (or daily ``at`` a time of day)."""

    def register(declared: Task) -> Task:
        if not isinstance(declared, Task):
            raise TypeError("@periodic goes above @job")
        if every <= dt.timedelta(0):
            raise ValueError("every must be positive")
        entry = Periodic(declared, every, label, at)
        SCHEDULE[entry.name] = entry
        return declared

    return register


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every declared job whose current period has not run yet; returns the names enqueued."""
    from motcua.core.models import ScheduledRun

    now = now or timezone.now()
    started = []
    known = set(ScheduledRun.objects.filter(name__in=list(SCHEDULE)).values_list("name", flat=True))
    missing = [ScheduledRun(name=name) for name in SCHEDULE if name not in known]
    if missing:
        ScheduledRun.objects.bulk_create(missing, ignore_conflicts=True)
    for name, entry in SCHEDULE.items():
        period = entry.period(now)
        with transaction.atomic():
            won = (
                ScheduledRun.objects.filter(name=name)
                .exclude(period__gte=period)
                .update(period=period, next_run_at=entry.next_after(period), enqueued_at=now)
            )
            if not won:
                continue
            result = entry.job.enqueue()
            job_id = str(getattr(result, "id", "") or "")
            if job_id:
                ScheduledRun.objects.filter(name=name).update(job_id=job_id)
        started.append(name)
        logger.info("scheduled %s for the period from %s", name, period.isoformat())
    return started
