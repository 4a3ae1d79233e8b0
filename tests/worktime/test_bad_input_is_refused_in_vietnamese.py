"""The engine refuses bad input with a Vietnamese message (the CLI turns it into exit code 2)."""

import datetime as dt

import pytest

from motcua.worktime.engine import CalendarRangeError, Duration, TimeUnit, WorkingHours, WorkTimeError
from tests.builders.worktime import at


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11:30-07:30,13:30-17:00", "giờ kết thúc phải sau giờ bắt đầu"),
        ("07:30-07:30", "giờ kết thúc phải sau giờ bắt đầu"),
        ("07:30-11:30,11:00-17:00", "bắt đầu trước khi buổi trước kết thúc"),
        ("7h30-11h30", "không đúng định dạng"),
        ("", "không đúng định dạng"),
        ("25:00-26:00", "Giờ không hợp lệ"),
        ("07:30-11:30;13:30-17:00", "không đúng định dạng"),
    ],
)
def test_bad_working_hours(text, message):
    with pytest.raises(WorkTimeError, match=message):
        WorkingHours.parse(text)


def test_good_working_hours():
    hours = WorkingHours.parse("07:30-11:30, 13:30-17:00")
    assert hours.sessions == ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13, 30), dt.time(17, 0)))
    assert hours.seconds_per_day == int(7.5 * 3600)


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        (-1, "working_days", "không được âm"),
        (1.5, "calendar_days", "phải là số nguyên"),
        (0.5, "months", "phải là số nguyên"),
        ("3", "working_days", "không phải là một số"),
        (float("nan"), "working_hours", "không hợp lệ"),
    ],
)
def test_bad_amounts(engine, amount, unit, message):
    with pytest.raises(WorkTimeError, match=message):
        engine.due(at("2025-03-10 09:00"), amount, unit)
    with pytest.raises(WorkTimeError, match=message):
        Duration(amount, TimeUnit(unit))


def test_unknown_unit(engine):
    with pytest.raises(WorkTimeError, match="Đơn vị thời gian “weeks” không hợp lệ"):
        engine.due(at("2025-03-10 09:00"), 1, "weeks")


def test_dates_outside_the_calendar(engine):
    with pytest.raises(CalendarRangeError, match="nằm ngoài phạm vi lịch làm việc"):
        engine.due(at("2010-03-10 09:00"), 1, "working_days")
    with pytest.raises(CalendarRangeError, match="nằm ngoài phạm vi lịch làm việc"):
        engine.due(at("2060-12-20 09:00"), 100, "working_days")
    with pytest.raises(WorkTimeError, match="không phải là một thời điểm"):
        engine.due(dt.date(2025, 3, 10), 1, "working_days")
