"""The public-sector calendars of 2024–2026 as announced: Tết, 30/4–1/5 with swaps and make-up Saturdays, Quốc
khánh, Giỗ Tổ with its compensatory day, and Ngày Văn hóa Việt Nam (24/11) from 2026."""

import datetime as dt

import pytest

from motcua.worktime.engine import DayKind, vietnam_calendar

D = dt.date


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


# (first day off, last day off): a whole break, weekends included; the days just outside are working days.
BREAKS = [
    pytest.param(D(2024, 2, 8), D(2024, 2, 14), id="tet-2024"),
    pytest.param(D(2024, 4, 27), D(2024, 5, 1), id="30-4-2024-with-swap"),
    pytest.param(D(2024, 8, 31), D(2024, 9, 3), id="quoc-khanh-2024"),
    pytest.param(D(2025, 1, 25), D(2025, 2, 2), id="tet-2025"),
    pytest.param(D(2025, 4, 30), D(2025, 5, 4), id="30-4-2025-with-swap"),
    pytest.param(D(2025, 8, 30), D(2025, 9, 2), id="quoc-khanh-2025"),
    pytest.param(D(2026, 2, 14), D(2026, 2, 22), id="tet-2026"),
    pytest.param(D(2026, 4, 25), D(2026, 4, 27), id="gio-to-2026-compensated-monday"),
    pytest.param(D(2026, 4, 30), D(2026, 5, 3), id="30-4-2026"),
    pytest.param(D(2026, 8, 29), D(2026, 9, 2), id="quoc-khanh-2026-with-swap"),
    pytest.param(D(2026, 11, 24), D(2026, 11, 24), id="van-hoa-2026"),
]


@pytest.mark.parametrize(("first", "last"), BREAKS)
def test_official_break_is_off_and_bounded_by_working_days(first, last):
    calendar = vietnam_calendar()
    assert [d for d in _span(first, last) if calendar.is_working_day(d)] == []
    assert (
        calendar.is_working_day(first - dt.timedelta(days=1)) or (first - dt.timedelta(days=1)).weekday() == 6
    )
    assert calendar.is_working_day(last + dt.timedelta(days=1))


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(D(2024, 5, 4), id="makeup-sat-04-05-2024"),
        pytest.param(D(2025, 4, 26), id="makeup-sat-26-04-2025"),
        pytest.param(D(2026, 8, 22), id="makeup-sat-22-08-2026"),
    ],
)
def test_makeup_saturday_is_a_working_day(day):
    calendar = vietnam_calendar()
    assert day.weekday() == 5
    assert calendar.is_working_day(day)
    assert calendar.special_day(day).kind is DayKind.MAKEUP_WORKDAY


@pytest.mark.parametrize(
    ("day", "kind", "name"),
    [
        (D(2025, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch"),
        (D(2025, 1, 27), DayKind.COMPENSATORY, "Nghỉ bù Tết Nguyên đán (29 Tết)"),
        (D(2025, 1, 29), DayKind.HOLIDAY, "Tết Nguyên đán (mùng 1)"),
        (D(2025, 4, 7), DayKind.HOLIDAY, "Giỗ Tổ Hùng Vương"),
        (D(2025, 5, 2), DayKind.SWAP_OFF, "Nghỉ hoán đổi (làm bù ngày 26/04/2025)"),
        (D(2025, 4, 26), DayKind.MAKEUP_WORKDAY, "Làm bù cho ngày nghỉ 02/05/2025"),
        (D(2026, 4, 27), DayKind.COMPENSATORY, "Nghỉ bù Giỗ Tổ Hùng Vương"),
        (D(2026, 8, 31), DayKind.SWAP_OFF, "Nghỉ hoán đổi (làm bù ngày 22/08/2026)"),
        (D(2026, 11, 24), DayKind.HOLIDAY, "Ngày Văn hóa Việt Nam"),
        (D(2024, 4, 29), DayKind.SWAP_OFF, "Nghỉ hoán đổi (làm bù ngày 04/05/2024)"),
    ],
)
def test_special_days_are_classified_and_named_in_vietnamese(day, kind, name):
    entry = vietnam_calendar().special_day(day)
    assert (entry.kind, entry.name) == (kind, name)


def test_culture_day_24_11_is_a_holiday_only_from_2026():
    calendar = vietnam_calendar()
    assert calendar.is_working_day(D(2025, 11, 24))  # Monday, no holiday yet
    assert not calendar.is_working_day(D(2026, 11, 24))
    assert not calendar.is_working_day(D(2027, 11, 24))


def test_lunar_holidays_use_the_vietnamese_lunar_calendar():
    # Giỗ Tổ = 10/3 lunar; Tết = 1/1 lunar.
    calendar = vietnam_calendar()
    assert calendar.special_day(D(2024, 4, 18)).name == "Giỗ Tổ Hùng Vương"
    assert calendar.special_day(D(2026, 2, 17)).name == "Tết Nguyên đán (mùng 1)"
    assert calendar.special_day(D(2025, 4, 7)).name == "Giỗ Tổ Hùng Vương"


@pytest.mark.parametrize(("year", "weekday_days_off"), [(2024, 12), (2025, 12), (2026, 13)])
def test_number_of_weekday_days_off(year, weekday_days_off):
    # 2024: 1/1, 5 Tết weekdays (08, 09, 12, 13, 14/02), Giỗ Tổ, swap 29/04, 30/4, 1/5, 2–3/9 = 12.
    # 2025: 1/1, Tết 27–31/01, 07/04, 30/4, 1/5, swap 02/05, 1–2/9 = 12.
    # 2026: 1/1, Tết 16–20/02, 27/04, 30/4, 1/5, swap 31/08, 1–2/9, 24/11 = 13.
    days = vietnam_calendar().special_days(year)
    assert sum(1 for d in days if d.is_day_off and d.date.weekday() < 5) == weekday_days_off
