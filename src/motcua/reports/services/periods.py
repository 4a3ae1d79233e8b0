"""Report periods (SPEC §4.2): calendar months, quarters, half-years and years, the reporting windows of
ND 09/2019/NĐ-CP (from the 15th of the month before to the 14th: Q1 = 15/12 → 14/3, the year = 15/12 → 14/12),
or any range of days. The cut-off day and the day reports are due are settings
(``MOTCUA_REPORT_CUTOFF_DAY``, default 14; ``MOTCUA_REPORT_DUE_DAY``, default 20), since they are not certain
(SPEC §4.2 [M/!])."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from motcua.core.inputs import FIRST_DAY, LAST_DAY, in_calendar

KINDS = ("custom", "month", "quarter", "half", "year")
WINDOWS = ("calendar", "nd09")
MAX_DAYS = 366 * 5 + 1  # a longer range is refused: reports are about periods, not history


class PeriodError(ValueError):
    """An impossible period; ``field`` names the parameter at fault."""

    def __init__(self, message: str, field: str = "period"):
        super().__init__(message)
        self.message, self.field = message, field


def cutoff_day() -> int:
    """The last day of an ND 09 window (14: windows run from the 15th to the 14th)."""
    return settings.MOTCUA_REPORT_CUTOFF_DAY


def due_day() -> int:
    """The day of the window's last month by which the report is sent (around the 18th–20th)."""
    return settings.MOTCUA_REPORT_DUE_DAY


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str = "custom"
    window: str = "calendar"
    year: int | None = None
    number: int | None = None  # month 1–12, quarter 1–4, half 1–2

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def code(self) -> str:
        """2026-03, 2026-Q1, 2026-H1, 2026 (or "from..to" for a custom range)."""
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        if self.kind == "half":
            return f"{self.year}-H{self.number}"
        if self.kind == "year":
            return str(self.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def name(self) -> str:
        """“Quý I năm 2026”, “Tháng 3 năm 2026”, “6 tháng đầu năm 2026”, “Năm 2026”, or the dates."""
        if self.kind == "month":
            text = _("Tháng %(month)s năm %(year)s") % {"month": self.number, "year": self.year}
        elif self.kind == "quarter":
            text = _("Quý %(quarter)s năm %(year)s") % {"quarter": ROMAN[self.number], "year": self.year}
        elif self.kind == "half":
            text = (_("6 tháng đầu năm %(year)s") if self.number == 1 else _("6 tháng cuối năm %(year)s")) % {
                "year": self.year
            }
        elif self.kind == "year":
            text = _("Năm %(year)s") % {"year": self.year}
        else:
            return self.range_text()
        return text

    def range_text(self) -> str:
        return _("Từ ngày %(start)s đến ngày %(end)s") % {
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }

    def due_date(self) -> dt.date | None:
        """When the report of an ND 09 window is due (the configured day of its last month); None otherwise."""
        if self.window != "nd09" or self.kind == "custom":
            return None
        return dt.date(self.end.year, self.end.month, due_day())

    def through(self, today: dt.date) -> dt.date:
        """The last day with figures: the period's end, or today if it has not ended yet."""
        return min(self.end, today)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _window_start(year: int, month: int) -> dt.date:
    """The day after the cut-off in the month before ``month`` (15/12 of the year before for January)."""
    prev_year, prev_month = (year - 1, 12) if month == 1 else (year, month - 1)
    return dt.date(prev_year, prev_month, cutoff_day()) + dt.timedelta(days=1)


def _months(kind: str, number: int | None) -> tuple[int, int]:
    """First and last month of the period."""
    if kind == "month":
        return number, number
    if kind == "quarter":
        return 3 * number - 2, 3 * number
    if kind == "half":
        return 6 * number - 5, 6 * number
    return 1, 12


LIMITS = {"month": 12, "quarter": 4, "half": 2}


def build(kind: str, *, window: str = "calendar", year: int | None = None, number: int | None = None,
          start: dt.date | None = None, end: dt.date | None = None) -> Period:  # fmt: skip
    """The period of ``kind``; raises :class:`PeriodError` naming the parameter at fault."""
    if kind not in KINDS:
        raise PeriodError(_("Loại kỳ báo cáo không hợp lệ."), "kind")
    if window not in WINDOWS:
        raise PeriodError(_("Cách tính kỳ phải là theo lịch hoặc theo Nghị định 09/2019/NĐ-CP."), "window")
    if kind == "custom":
        if start is None:
            raise PeriodError(_("Cần ngày bắt đầu kỳ báo cáo."), "start")
        if end is None:
            raise PeriodError(_("Cần ngày kết thúc kỳ báo cáo."), "end")
        for day, name in ((start, "start"), (end, "end")):
            if not in_calendar(day):  # 31/12/9999: the day after, the windows around it overflow
                raise PeriodError(
                    _("Ngày phải trong khoảng %(first)s đến %(last)s.")
                    % {"first": f"{FIRST_DAY:%d/%m/%Y}", "last": f"{LAST_DAY:%d/%m/%Y}"},
                    name,
                )
        if end < start:
            raise PeriodError(_("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."), "end")
        if (end - start).days + 1 > MAX_DAYS:
            raise PeriodError(_("Kỳ báo cáo dài quá 5 năm."), "end")
        return Period(start, end, "custom", "calendar")
    if year is None or not 2000 <= year <= 2100:
        raise PeriodError(_("Năm phải từ 2000 đến 2100."), "year")
    if kind in LIMITS:
        if number is None or not 1 <= number <= LIMITS[kind]:
            raise PeriodError(
                {
                    "month": _("Tháng phải từ 1 đến 12."),
                    "quarter": _("Quý phải từ 1 đến 4."),
                    "half": _("Chọn 6 tháng đầu năm (1) hoặc cuối năm (2)."),
                }[kind],
                "number",
            )
    else:
        number = None
    first, last = _months(kind, number)
    if window == "nd09":
        begin = _window_start(year, first)
        finish = dt.date(year, last, cutoff_day())
    else:
        begin = dt.date(year, first, 1)
        finish = _month_end(year, last)
    return Period(begin, finish, kind, window, year, number)


CODE = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?$")


def parse_code(code: str, window: str = "calendar") -> Period:
    """``2026-03`` (month), ``2026-Q1``, ``2026-H1`` (6 months), ``2026`` (year)."""
    match = CODE.match((code or "").strip())
    if not match:
        raise PeriodError(
            _("Kỳ “%(code)s” không hợp lệ: dùng YYYY-MM, YYYY-Qn, YYYY-Hn hoặc YYYY (ví dụ 2026-Q1).")
            % {"code": code},
            "period",
        )
    year, month, quarter, half = match.groups()
    if month:
        return build("month", window=window, year=int(year), number=int(month))
    if quarter:
        return build("quarter", window=window, year=int(year), number=int(quarter))
    if half:
        return build("half", window=window, year=int(year), number=int(half))
    return build("year", window=window, year=int(year))


def parse_iso_date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        raise PeriodError(
            _("Ngày “%(value)s” không hợp lệ: cần dạng YYYY-MM-DD.") % {"value": text}, field
        ) from None
