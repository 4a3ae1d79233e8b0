"""SPEC §4.2: report periods are calendar months, quarters, half-years and years, or the windows of ND 09/2019
(15th of the month before → 14th: Q1 = 15/12 → 14/3, 6 months = 15/12 → 14/6, the year = 15/12 → 14/12), or any
range of days; the cut-off and the day reports are due are settings. A dossier counts in the window its dates fall
in, so the same dossiers give different figures for “March” by the calendar and by ND 09."""

import datetime as dt

import pytest

from motcua.reports.services import bieu06
from motcua.reports.services.periods import PeriodError, build, parse_code
from motcua.reports.services.units import Registry
from tests.builders.reports import finished, processing

D = dt.date


@pytest.mark.parametrize(
    ("kind", "number", "window", "start", "end"),
    [
        ("month", 3, "calendar", D(2026, 3, 1), D(2026, 3, 31)),
        ("month", 2, "calendar", D(2026, 2, 1), D(2026, 2, 28)),
        ("month", 3, "nd09", D(2026, 2, 15), D(2026, 3, 14)),
        ("month", 1, "nd09", D(2025, 12, 15), D(2026, 1, 14)),
        ("quarter", 1, "calendar", D(2026, 1, 1), D(2026, 3, 31)),
        ("quarter", 1, "nd09", D(2025, 12, 15), D(2026, 3, 14)),
        ("quarter", 4, "nd09", D(2026, 9, 15), D(2026, 12, 14)),
        ("half", 1, "nd09", D(2025, 12, 15), D(2026, 6, 14)),
        ("half", 2, "calendar", D(2026, 7, 1), D(2026, 12, 31)),
        ("year", None, "nd09", D(2025, 12, 15), D(2026, 12, 14)),
        ("year", None, "calendar", D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_windows(kind, number, window, start, end):
    period = build(kind, window=window, year=2026, number=number)
    assert (period.start, period.end) == (start, end)


def test_codes_name_the_same_periods():
    assert parse_code("2026-Q1", "nd09") == build("quarter", window="nd09", year=2026, number=1)
    assert parse_code("2026-03") == build("month", year=2026, number=3)
    assert parse_code("2026-H2").start == D(2026, 7, 1)
    assert parse_code("2026").end == D(2026, 12, 31)
    assert build("quarter", window="nd09", year=2026, number=1).name() == "Quý I năm 2026"
    assert build("half", year=2026, number=1).name() == "6 tháng đầu năm 2026"


def test_the_report_due_day_of_an_nd09_window_is_a_setting(settings):
    quarter = build("quarter", window="nd09", year=2026, number=1)
    assert quarter.due_date() == D(2026, 3, 20)
    settings.MOTCUA_REPORT_DUE_DAY = 18
    settings.MOTCUA_REPORT_CUTOFF_DAY = 15
    quarter = build("quarter", window="nd09", year=2026, number=1)
    assert (quarter.start, quarter.end, quarter.due_date()) == (
        D(2025, 12, 16),
        D(2026, 3, 15),
        D(2026, 3, 18),
    )
    assert build("quarter", year=2026, number=1).due_date() is None  # calendar periods have no legal due day


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: build("custom", start=D(2026, 3, 5), end=D(2026, 3, 1)), "end"),
        (lambda: build("custom", start=None, end=D(2026, 3, 1)), "start"),
        (lambda: build("custom", start=D(2016, 1, 1), end=D(2026, 3, 1)), "end"),
        (lambda: build("month", year=2026, number=13), "number"),
        (lambda: build("quarter", year=2026, number=0), "number"),
        (lambda: build("year", year=1999), "year"),
        (lambda: build("week", year=2026), "kind"),
        (lambda: build("year", year=2026, window="lunar"), "window"),
        (lambda: parse_code("2026-Q5"), "period"),
        (lambda: parse_code("Q1-2026"), "period"),
    ],
)
def test_impossible_periods_are_refused_naming_the_parameter(call, field):
    with pytest.raises(PeriodError) as error:
        call()
    assert error.value.field == field and error.value.message


@pytest.mark.django_db
def test_the_same_dossiers_fall_in_different_windows(procedure, officers, province, live):
    with live():
        finished(officers, "2026-02-23 09:15", "2026-02-25 09:00")  # before March, inside ND 09 “March”
        finished(officers, "2026-03-10 09:15", "2026-03-16 09:00")  # received in both, finished after 14/03
        processing(officers, "2026-03-20 09:15")  # only in the calendar March
    registry = Registry.load(on=D(2026, 11, 22))
    unit = registry[province["justice"].pk]
    calendar = bieu06.build(unit, build("month", year=2026, number=3), registry=registry, on=D(2026, 11, 22))
    nd09 = bieu06.build(
        unit, build("month", window="nd09", year=2026, number=3), registry=registry, on=D(2026, 11, 22)
    )
    assert calendar.total.values[3] == 2 and calendar.total.values[7] == 1 and calendar.total.values[11] == 1
    # ND 09 March (15/02 → 14/03): two received, one resolved (25/02), one still open on 14/03
    assert nd09.total.values[5] == 2 and nd09.total.values[8] == 1 and nd09.total.values[12] == 1
    assert nd09.total.values[6] == 0 and bieu06.identities(nd09.total.values) == []
    april = bieu06.build(
        unit, build("month", window="nd09", year=2026, number=4), registry=registry, on=D(2026, 11, 22)
    )
    assert april.total.values[6] == 1  # carried over from the ND 09 March window


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (dt.date(9999, 12, 1), dt.date(9999, 12, 31), "start"),
        (dt.date(2026, 1, 1), dt.date(9999, 12, 31), "end"),
    ],
)
def test_a_custom_period_past_the_calendar_names_the_day(start, end, field):
    """31/12/9999 has no day after: the period is refused naming the day, not computed into an overflow."""
    with pytest.raises(PeriodError) as refused:
        build("custom", start=start, end=end)
    assert refused.value.field == field and "Ngày phải trong khoảng" in refused.value.message
