"""When the generated dossiers are received: the window of the year (from the later of 1 January and the start of
validity of the demo catalogue, to the earlier of 31 December and now, the cut-off), its working days, the number
of dossiers each day, and each receiving unit's working time (:class:`UnitTime`, from the working-time engine)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Agency
from motcua.worktime import services as worktime
from motcua.worktime.engine import VIETNAM, WorkTimeEngine


class GeneratorError(Exception):
    """The database is not ready for generation (no demo province, no procedure valid in the year)."""


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date
    cutoff: dt.datetime  # the end of the last day, or now


def window(year: int, now: dt.datetime) -> Window:
    first_valid = (
        ProcedureVersion.objects.filter(state="published", valid_from__isnull=False)
        .order_by("valid_from")
        .values_list("valid_from", flat=True)
        .first()
    )
    start = dt.date(year, 1, 1)
    if first_valid and first_valid > start:
        start = first_valid
    local_now = timezone.localtime(now, VIETNAM)
    end = min(dt.date(year, 12, 31), local_now.date())
    if start > end:
        raise GeneratorError(
            f"Năm {year} không có ngày nào để sinh hồ sơ: danh mục thủ tục mẫu có hiệu lực từ "
            f"{first_valid:%d/%m/%Y}, hôm nay là {local_now:%d/%m/%Y}."
        )
    cutoff = min(dt.datetime(end.year, end.month, end.day, 23, 59, 59, tzinfo=VIETNAM), local_now)
    return Window(start, end, cutoff)


class UnitTime:
    """Working days and hours of one receiving unit over the window, for fast sampling and deadline arithmetic."""

    def __init__(self, agency: Agency, start: dt.date, end: dt.date):
        self.engine: WorkTimeEngine = worktime.engine_for(agency, start)
        calendar = self.engine.calendar
        self.days = [
            start + dt.timedelta(n)
            for n in range((end - start).days + 1)
            if calendar.is_working_day(start + dt.timedelta(n))
        ]
        self.day_set = set(self.days)
        self.bounds = self.engine.hours.bounds
        self.spd = self.engine.hours.seconds_per_day

    def moment(self, day: dt.date, rng: random.Random) -> dt.datetime:
        """A random working moment of ``day`` (a working day), to the second."""
        elapsed = rng.randrange(self.spd)
        for s, e in self.bounds:
            if elapsed < e - s:
                second = s + elapsed
                break
            elapsed -= e - s
        return dt.datetime(
            day.year, day.month, day.day, second // 3600, second // 60 % 60, second % 60, tzinfo=VIETNAM
        )

    def later(self, moment: dt.datetime, seconds: int) -> dt.datetime:
        engine = self.engine
        return engine.at_position(engine.position(moment) + max(1, int(seconds)))

    def day_for(self, day: dt.date, last: dt.date) -> dt.date:
        """``day`` if the unit works that day, else its next working day (unless that is after ``last``)."""
        if day in self.day_set:
            return day
        following = self.engine.calendar.next_working_day(day)
        return day if following > last else following


def working_days(units, end: dt.date, cutoff: dt.datetime) -> list[dt.date]:
    """The days any unit works in the window, up to the cut-off (each dossier uses its own unit's hours)."""
    all_days = sorted({d for u in units for d in u.days if d <= end})
    days = [d for d in all_days if dt.datetime(d.year, d.month, d.day, 7, 30, tzinfo=VIETNAM) < cutoff]
    if not days:
        raise GeneratorError("Không có ngày làm việc nào trong khoảng thời gian sinh hồ sơ.")
    return days


def per_day(days: list[dt.date], count: int, rng: random.Random) -> list[int]:
    """Dossiers per day: even over the working days, ±25 % day to day, fewer in the first week of a month."""
    weights = [rng.uniform(0.75, 1.25) * (0.85 if d.day <= 5 else 1.0) for d in days]
    total_w = sum(weights)
    counts, carry = [], 0.0
    for w in weights:
        exact = count * w / total_w + carry
        n = int(exact)
        carry = exact - n
        counts.append(n)
    counts[-1] += count - sum(counts)
    return counts
