"""The working-day calendar: weekends, public holidays, compensatory days, swapped days and make-up Saturdays.

A :class:`WorkCalendar` is immutable and precomputed for a range of years: a byte per day says whether it is a
working day, a cumulative count gives the number of working days before any day, and the sorted list of working
days answers "the n-th working day after d" with one index lookup. No I/O, no Django.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from motcua.worktime.engine.errors import CalendarRangeError


class DayKind(StrEnum):
    """What kind of special day a calendar entry is (SPEC §8.1–8.2)."""

    HOLIDAY = "holiday"  # ngày lễ, Tết (Bộ luật Lao động 2019, Điều 112)
    COMPENSATORY = "compensatory"  # nghỉ bù (a holiday fell on the weekly rest day)
    SWAP_OFF = "swap_off"  # nghỉ hoán đổi (a weekday off, made up on a Saturday)
    MAKEUP_WORKDAY = "makeup_workday"  # làm bù (a Saturday that is a working day)
    LOCAL_OFF = "local_off"  # ngày nghỉ riêng của địa phương, đơn vị
    WORKDAY = "workday"  # correction: an ordinary working day (cancels a day off given by the package)

    @property
    def label(self) -> str:
        return DAY_KIND_LABELS[self]

    @property
    def is_day_off(self) -> bool:
        return self in DAYS_OFF


DAY_KIND_LABELS = {
    DayKind.HOLIDAY: "Nghỉ lễ, Tết",
    DayKind.COMPENSATORY: "Nghỉ bù",
    DayKind.SWAP_OFF: "Nghỉ hoán đổi",
    DayKind.MAKEUP_WORKDAY: "Làm bù",
    DayKind.LOCAL_OFF: "Nghỉ riêng của địa phương, đơn vị",
    DayKind.WORKDAY: "Ngày làm việc (điều chỉnh)",
}
DAYS_OFF = frozenset({DayKind.HOLIDAY, DayKind.COMPENSATORY, DayKind.SWAP_OFF, DayKind.LOCAL_OFF})

# Monday = 0 … Sunday = 6, as in ``date.weekday()``.
SATURDAY_SUNDAY = frozenset({5, 6})


@dataclass(frozen=True, slots=True)
class SpecialDay:
    """One calendar entry: a day off on a weekday, or a working day on a weekend (or a correction)."""

    date: dt.date
    kind: DayKind
    name: str
    source: str = ""

    @property
    def is_day_off(self) -> bool:
        return self.kind in DAYS_OFF


class WorkCalendar:
    """Working days of the years ``first_year``–``last_year``.

    ``special_days`` are applied in order, so a later entry for the same date replaces an earlier one: pass the
    package's days first, then the stored overrides (global ones, then the unit's own).
    """

    __slots__ = ("_base", "_cum", "_end", "_special", "_working", "_working_days", "first_year", "last_year")

    def __init__(
        self,
        special_days: Iterable[SpecialDay],
        first_year: int,
        last_year: int,
        weekend: Iterable[int] = SATURDAY_SUNDAY,
    ) -> None:
        if last_year < first_year:
            raise ValueError("last_year < first_year")
        self.first_year, self.last_year = first_year, last_year
        self._base = dt.date(first_year, 1, 1).toordinal()
        self._end = dt.date(last_year, 12, 31).toordinal()
        weekend = frozenset(weekend)
        special: dict[dt.date, SpecialDay] = {}
        for day in special_days:
            if first_year <= day.date.year <= last_year:
                special[day.date] = day
        self._special = dict(sorted(special.items()))

        size = self._end - self._base + 1
        working = bytearray(size)
        for i in range(size):
            working[i] = ((self._base + i + 6) % 7) not in weekend  # ordinal 1 (0001-01-01) is a Monday
        for day in self._special.values():
            working[day.date.toordinal() - self._base] = not day.is_day_off
        cum = array("l", [0]) * (size + 1)
        count = 0
        working_days = array("l")
        for i in range(size):
            cum[i] = count
            if working[i]:
                working_days.append(self._base + i)
                count += 1
        cum[size] = count
        self._working = working
        self._cum = cum
        self._working_days = working_days

    # --- lookups ------------------------------------------------------------------------------------------------

    def _index(self, day: dt.date) -> int:
        i = day.toordinal() - self._base
        if i < 0 or i > self._end - self._base:
            raise CalendarRangeError(
                f"Ngày {day:%d/%m/%Y} nằm ngoài phạm vi lịch làm việc ({self.first_year}–{self.last_year})."
            )
        return i

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self._working[self._index(day)])

    def special_day(self, day: dt.date) -> SpecialDay | None:
        return self._special.get(day)

    def special_days(self, year: int | None = None) -> list[SpecialDay]:
        """Entries of ``year`` (all years if None) in date order, including corrections (kind WORKDAY)."""
        return [d for d in self._special.values() if year is None or d.date.year == year]

    def days_off(self, year: int) -> list[dt.date]:
        """Every non-working day of ``year``, weekends included."""
        start = dt.date(year, 1, 1)
        return [
            start + dt.timedelta(days=k)
            for k in range((dt.date(year, 12, 31) - start).days + 1)
            if not self.is_working_day(start + dt.timedelta(days=k))
        ]

    # --- arithmetic ---------------------------------------------------------------------------------------------

    def working_days_before(self, day: dt.date) -> int:
        """How many working days of the calendar come strictly before ``day``."""
        return self._cum[self._index(day)]

    def working_day_at(self, k: int) -> dt.date:
        """The ``k``-th working day of the calendar (0-based)."""
        if k < 0 or k >= len(self._working_days):
            raise CalendarRangeError(
                f"Kết quả nằm ngoài phạm vi lịch làm việc ({self.first_year}–{self.last_year})."
            )
        return dt.date.fromordinal(self._working_days[k])

    def next_working_day(self, day: dt.date, *, include_today: bool = True) -> dt.date:
        i = self._index(day)
        k = self._cum[i] if include_today else self._cum[i + 1]
        return self.working_day_at(k)

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``day`` itself when n = 0 and it is a working day)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        i = self._index(day)
        if n == 0:
            return self.working_day_at(self._cum[i])  # day itself, or the next working day
        return self.working_day_at(self._cum[i + 1] - 1 + n)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in [start, end) (negative if end < start)."""
        return self._cum[self._index(end)] - self._cum[self._index(start)]
