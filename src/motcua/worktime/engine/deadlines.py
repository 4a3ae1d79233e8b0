"""Deadline arithmetic (SPEC §8.4): receipt-time normalisation and due date-times for every unit of time.

All inputs may be naive (taken as Vietnam time) or aware; every result is aware, in Asia/Ho_Chi_Minh (+07:00).
Precision is one second (microseconds are dropped).

Rules:

* **Normalisation.** Before opening → opening; during a break → start of the next session; at or after closing,
  or on a day off → opening of the next working day. Every unit counts from the normalised receipt time.
* **Working days** keep the time of day: 09:15 Monday + 3 working days → 09:15 Thursday. A fraction of a day is
  consumed as working time (0.5 day = half the unit's daily working time).
* **Working hours** are consumed across sessions, skipping breaks, nights and days off; a due time that falls
  exactly on a session boundary is the end of that session (07:30 + 4 h → 11:30, not 13:30).
* **Calendar days and months** follow the Civil Code 2015 (Art. 147–148): counting starts the day after the
  (normalised) receipt day; a month period ends on the same day number of the last month, or on that month's last
  day if it has no such day. The period ends at closing time of its last day; a last day that is not a working day
  moves to closing time of the next working day.
* **Same day** (``same_day``): received before the cut-off (15:00 by default) → closing time the same day;
  from the cut-off on → closing time of the next working day.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from motcua.worktime.engine.errors import CalendarRangeError, WorkTimeError
from motcua.worktime.engine.hours import WorkingHours
from motcua.worktime.engine.work_calendar import WorkCalendar

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_CUTOFF = dt.time(15, 0)

Amount = int | float | Decimal


class TimeUnit(StrEnum):
    WORKING_HOURS = "working_hours"  # giờ làm việc
    WORKING_DAYS = "working_days"  # ngày làm việc
    CALENDAR_DAYS = "calendar_days"  # ngày (theo lịch)
    MONTHS = "months"  # tháng
    SAME_DAY = "same_day"  # trong ngày (cut-off 15:00); the amount is ignored

    @property
    def label(self) -> str:
        return UNIT_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> TimeUnit:
        try:
            return cls(text)
        except ValueError:
            choices = ", ".join(u.value for u in cls)
            raise WorkTimeError(
                f"Đơn vị thời gian “{text}” không hợp lệ; chọn một trong: {choices}."
            ) from None


UNIT_LABELS = {
    TimeUnit.WORKING_HOURS: "giờ làm việc",
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.CALENDAR_DAYS: "ngày",
    TimeUnit.MONTHS: "tháng",
    TimeUnit.SAME_DAY: "trong ngày",
}
_WHOLE_UNITS = frozenset({TimeUnit.CALENDAR_DAYS, TimeUnit.MONTHS})


def check_amount(amount: Amount, unit: TimeUnit) -> Amount:
    """Validate a time limit's amount; raises :class:`WorkTimeError` with a Vietnamese message."""
    if isinstance(amount, bool) or not isinstance(amount, int | float | Decimal):
        raise WorkTimeError(f"Thời hạn “{amount}” không phải là một số.")
    if amount != amount or amount in (float("inf"), float("-inf")):
        raise WorkTimeError(f"Thời hạn “{amount}” không hợp lệ.")
    if amount < 0:
        raise WorkTimeError(f"Thời hạn không được âm (nhận được {amount}).")
    if unit in _WHOLE_UNITS and amount != int(amount):
        raise WorkTimeError(f"Thời hạn tính bằng {unit.label} phải là số nguyên (nhận được {amount}).")
    return amount


@dataclass(frozen=True, slots=True)
class Duration:
    """A time limit: ``amount`` of ``unit`` (e.g. 3 working days, 8 working hours, 1 month)."""

    amount: Amount
    unit: TimeUnit

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", TimeUnit(self.unit))
        check_amount(self.amount, self.unit)

    def label(self) -> str:
        if self.unit is TimeUnit.SAME_DAY:
            return self.unit.label
        amount = str(self.amount).replace(".", ",")
        return f"{amount} {self.unit.label}"


def _seconds(amount: Amount, per_unit: int) -> int:
    if isinstance(amount, int):
        return amount * per_unit
    return int((Decimal(str(amount)) * per_unit).to_integral_value())


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


class WorkTimeEngine:
    """Deadline arithmetic over one calendar and one set of working hours. Immutable and cheap to share."""

    __slots__ = ("_base", "_bounds", "_cum", "_last", "_spd", "_wdays", "_working", "calendar", "hours", "tz")

    def __init__(self, calendar: WorkCalendar, hours: WorkingHours | None = None, tz: dt.tzinfo = VIETNAM):
        self.calendar = calendar
        self.hours = hours or WorkingHours.default()
        self.tz = tz
        # Local copies of the precomputed tables: the hot paths below read only these.
        self._base = calendar._base
        self._last = calendar._end - calendar._base
        self._cum = calendar._cum
        self._working = calendar._working
        self._wdays = calendar._working_days
        self._bounds = self.hours.bounds
        self._spd = self.hours.seconds_per_day

    # --- conversions --------------------------------------------------------------------------------------------

    def _split(self, moment: dt.datetime) -> tuple[int, int]:
        """(day index in the calendar, second of the day) of ``moment`` in local time."""
        if not isinstance(moment, dt.datetime):
            raise WorkTimeError(f"“{moment}” không phải là một thời điểm (ngày và giờ).")
        if moment.tzinfo is not None:
            moment = moment.astimezone(self.tz)
        i = moment.toordinal() - self._base
        if i < 0 or i > self._last:
            raise CalendarRangeError(
                f"Ngày {moment:%d/%m/%Y} nằm ngoài phạm vi lịch làm việc "
                f"({self.calendar.first_year}–{self.calendar.last_year})."
            )
        return i, moment.hour * 3600 + moment.minute * 60 + moment.second

    def _make(self, i: int, second: int) -> dt.datetime:
        d = dt.date.fromordinal(self._base + i)
        return dt.datetime(
            d.year, d.month, d.day, second // 3600, second // 60 % 60, second % 60, tzinfo=self.tz
        )

    def _working_day(self, k: int) -> int:
        """Day index of the k-th working day of the calendar."""
        try:
            if k < 0:
                raise IndexError
            return self._wdays[k] - self._base
        except IndexError:
            raise CalendarRangeError(
                f"Kết quả nằm ngoài phạm vi lịch làm việc ({self.calendar.first_year}–{self.calendar.last_year})."
            ) from None

    def _normalized(self, moment: dt.datetime) -> tuple[int, int]:
        i, sec = self._split(moment)
        if self._working[i]:
            for s, e in self._bounds:
                if sec < s:
                    return i, s
                if sec < e:
                    return i, sec
        return self._working_day(self._cum[i + 1]), self._bounds[0][0]

    def normalize(self, moment: dt.datetime) -> dt.datetime:
        """The receipt time from which time limits run (see the module docstring)."""
        return self._make(*self._normalized(moment))

    def is_working_time(self, moment: dt.datetime) -> bool:
        i, sec = self._split(moment)
        return bool(self._working[i]) and any(s <= sec < e for s, e in self._bounds)

    def position(self, moment: dt.datetime) -> int:
        """Working seconds elapsed from the start of the calendar until ``moment`` (a monotonic clock)."""
        i, sec = self._split(moment)
        pos = self._cum[i] * self._spd
        if self._working[i]:
            pos += self.hours.elapsed(sec)
        return pos

    def at_position(self, pos: int) -> dt.datetime:
        """The earliest moment at which ``pos`` working seconds have elapsed (pos > 0)."""
        k, within = divmod(pos - 1, self._spd)
        return self._make(self._working_day(k), self.hours.time_at(within + 1))

    def working_seconds_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Working time from ``start`` to ``end`` in seconds (negative if ``end`` is earlier)."""
        return self.position(end) - self.position(start)

    def shift(self, moment: dt.datetime, seconds: int) -> dt.datetime:
        """``moment`` moved later by ``seconds`` of working time (a pause or an extension)."""
        if seconds < 0:
            raise WorkTimeError("Không thể lùi thời hạn bằng một khoảng thời gian âm.")
        if seconds == 0:
            return moment.astimezone(self.tz) if moment.tzinfo else moment.replace(tzinfo=self.tz)
        return self.at_position(self.position(moment) + seconds)

    # --- due date-times -----------------------------------------------------------------------------------------

    def add_working_days(self, start: dt.datetime, days: Amount) -> dt.datetime:
        i, sec = self._normalized(start)
        whole = days if isinstance(days, int) else int(days)
        if whole:
            i = self._working_day(self._cum[i] + whole)
        if whole != days:
            extra = _seconds(days - whole, self._spd)
            if extra:
                return self.at_position(self._cum[i] * self._spd + self.hours.elapsed(sec) + extra)
        return self._make(i, sec)

    def add_working_hours(self, start: dt.datetime, hours: Amount) -> dt.datetime:
        i, sec = self._normalized(start)
        extra = hours * 3600 if isinstance(hours, int) else _seconds(hours, 3600)
        if not extra:
            return self._make(i, sec)
        return self.at_position(self._cum[i] * self._spd + self.hours.elapsed(sec) + extra)

    def _closing_of_working_day_from(self, i: int) -> dt.datetime:
        if i > self._last:
            raise CalendarRangeError(
                f"Kết quả nằm ngoài phạm vi lịch làm việc ({self.calendar.first_year}–{self.calendar.last_year})."
            )
        if not self._working[i]:
            i = self._working_day(self._cum[i])
        return self._make(i, self.hours.close)

    def add_calendar_days(self, start: dt.datetime, days: int) -> dt.datetime:
        i, _ = self._normalized(start)
        return self._closing_of_working_day_from(i + int(days))

    def add_months(self, start: dt.datetime, months: int) -> dt.datetime:
        i, _ = self._normalized(start)
        last = _add_months(dt.date.fromordinal(self._base + i), int(months))
        return self._closing_of_working_day_from(last.toordinal() - self._base)

    def same_day(self, start: dt.datetime, cutoff: dt.time = DEFAULT_CUTOFF) -> dt.datetime:
        i, sec = self._normalized(start)
        if sec >= cutoff.hour * 3600 + cutoff.minute * 60 + cutoff.second:
            i = self._working_day(self._cum[i + 1])
        return self._make(i, self.hours.close)

    def due(self, start: dt.datetime, amount: Amount, unit: TimeUnit | str) -> dt.datetime:
        """The due date-time of a time limit of ``amount`` ``unit`` counted from ``start`` (ngày hẹn trả)."""
        unit = TimeUnit.parse(unit) if not isinstance(unit, TimeUnit) else unit
        check_amount(amount, unit)
        if unit is TimeUnit.WORKING_DAYS:
            return self.add_working_days(start, amount)
        if unit is TimeUnit.WORKING_HOURS:
            return self.add_working_hours(start, amount)
        if unit is TimeUnit.CALENDAR_DAYS:
            return self.add_calendar_days(start, int(amount))
        if unit is TimeUnit.MONTHS:
            return self.add_months(start, int(amount))
        return self.same_day(start)

    def due_for(self, start: dt.datetime, limit: Duration) -> dt.datetime:
        return self.due(start, limit.amount, limit.unit)
