"""Vietnam's public-sector calendar from the ``holidays`` package (vacanza/holidays), as :class:`SpecialDay` rows.

The package gives the Labour Code holidays on the Vietnamese lunar calendar, the compensatory days (nghỉ bù),
the weekday swaps announced by the Prime Minister with their make-up Saturdays, and 24/11 from 2026. This module
only classifies them and names them in Vietnamese; corrections are stored overrides (``CalendarOverride``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import holidays

from motcua.worktime.engine.work_calendar import DayKind, SpecialDay, WorkCalendar

PACKAGE_SOURCE = f"Bộ luật Lao động 2019, Điều 112 (thư viện holidays {holidays.__version__})"
SWAP_SOURCE = (
    f"Thông báo hoán đổi ngày làm việc của Thủ tướng Chính phủ (thư viện holidays {holidays.__version__})"
)

# The package's English labels, which are stable identifiers, mapped to the names shown to officers.
NAMES = {
    "New Year's Day": "Tết Dương lịch",
    "29 of Lunar New Year": "Tết Nguyên đán (29 Tết)",
    "Lunar New Year's Eve": "Tết Nguyên đán (Giao thừa)",
    "Lunar New Year": "Tết Nguyên đán (mùng 1)",
    "Second Day of Lunar New Year": "Tết Nguyên đán (mùng 2)",
    "Third Day of Lunar New Year": "Tết Nguyên đán (mùng 3)",
    "Fourth Day of Lunar New Year": "Tết Nguyên đán (mùng 4)",
    "Fifth Day of Lunar New Year": "Tết Nguyên đán (mùng 5)",
    "Sixth Day of Lunar New Year": "Tết Nguyên đán (mùng 6)",
    "Hung Kings' Commemoration Day": "Giỗ Tổ Hùng Vương",
    "Liberation Day/Reunification Day": "Ngày Chiến thắng",
    "International Labor Day": "Ngày Quốc tế Lao động",
    "National Day": "Quốc khánh",
    "Vietnam Cultural Day": "Ngày Văn hóa Việt Nam",
}
_OBSERVED = re.compile(r"^(?P<name>.+) \(observed\)$")
_SUBSTITUTED = re.compile(r"^Day off \(substituted from (?P<m>\d\d)/(?P<d>\d\d)/(?P<y>\d{4})\)$")


def _vietnamese(label: str, fallback: str) -> str:
    return NAMES.get(label, fallback)


def package_special_days(first_year: int, last_year: int) -> list[SpecialDay]:
    """Every day off and make-up working day the package knows for ``first_year``–``last_year``."""
    years = range(first_year, last_year + 1)
    observed = holidays.country_holidays("VN", years=years, language="en_US")
    rules_only = holidays.country_holidays("VN", years=years, language="en_US", observed=False)
    vietnamese = holidays.country_holidays("VN", years=years, language="vi")
    days: list[SpecialDay] = []
    makeup_for: dict[dt.date, dt.date] = {}
    for day in sorted(observed):
        label = observed.get_list(day)[0]
        fallback = vietnamese.get_list(day)[0] if day in vietnamese else label
        if match := _SUBSTITUTED.match(label):
            makeup = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            makeup_for[makeup] = day
            name = f"Nghỉ hoán đổi (làm bù ngày {makeup:%d/%m/%Y})"
            days.append(SpecialDay(day, DayKind.SWAP_OFF, name, SWAP_SOURCE))
        elif match := _OBSERVED.match(label):
            name = "Nghỉ bù " + _vietnamese(match["name"], fallback)
            days.append(SpecialDay(day, DayKind.COMPENSATORY, name, PACKAGE_SOURCE))
        elif day not in rules_only:  # an extra Tết day that only exists as compensation (e.g. 27/01/2025)
            name = "Nghỉ bù " + _vietnamese(label, fallback)
            days.append(SpecialDay(day, DayKind.COMPENSATORY, name, PACKAGE_SOURCE))
        else:
            days.append(SpecialDay(day, DayKind.HOLIDAY, _vietnamese(label, fallback), PACKAGE_SOURCE))
    for day in sorted(observed.weekend_workdays):
        if first_year <= day.year <= last_year:
            off = makeup_for.get(day)
            name = f"Làm bù cho ngày nghỉ {off:%d/%m/%Y}" if off else "Làm bù"
            days.append(SpecialDay(day, DayKind.MAKEUP_WORKDAY, name, SWAP_SOURCE))
    days.sort(key=lambda d: d.date)
    return days


DEFAULT_FIRST_YEAR = 2015
DEFAULT_LAST_YEAR = 2060


@cache
def vietnam_calendar(
    first_year: int = DEFAULT_FIRST_YEAR, last_year: int = DEFAULT_LAST_YEAR
) -> WorkCalendar:
    """The package calendar alone (no stored overrides), built once per range of years."""
    return WorkCalendar(package_special_days(first_year, last_year), first_year, last_year)
