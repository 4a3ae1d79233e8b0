"""Working hours are consumed across sessions, skipping lunch, nights and days off; a limit that ends exactly
at a session boundary ends at the end of the session."""

import pytest

from motcua.worktime.engine import WorkingHours, WorkTimeEngine, vietnam_calendar
from tests.builders.worktime import at

CASES = [
    ("2025-03-10 07:30", 4, "2025-03-10 11:30"),  # a whole morning ends at 11:30, not 13:30
    ("2025-03-10 09:15", 2, "2025-03-10 11:15"),
    ("2025-03-10 10:30", 2, "2025-03-10 14:30"),  # 1 h before lunch, 1 h after
    ("2025-03-10 12:00", 1, "2025-03-10 14:30"),  # lunch → 13:30 + 1 h
    ("2025-03-14 16:30", 1, "2025-03-17 08:00"),  # 30 min on Friday, 30 min on Monday
    ("2025-03-10 07:30", 7.5, "2025-03-10 17:00"),  # one full default day
    ("2025-03-10 09:15", 8, "2025-03-11 09:45"),  # 8 h > one 7.5 h day
    ("2025-03-10 09:15", 0, "2025-03-10 09:15"),
    ("2025-01-24 16:00", 2, "2025-02-03 08:30"),  # 1 h before Tết 2025, 1 h after
    ("2025-04-25 16:00", 2, "2025-04-26 08:30"),  # continues on make-up Saturday 26/04/2025
    ("2025-03-10 09:15", 0.25, "2025-03-10 09:30"),
]


@pytest.mark.parametrize(("received", "hours", "due"), CASES)
def test_working_hours_consumed_across_sessions(engine, received, hours, due):
    assert engine.due(at(received), hours, "working_hours") == at(due)


def test_unit_hours_change_the_result():
    # R1's 07:00–11:30 timetable: 8 h from Monday 07:00 is the whole day.
    engine = WorkTimeEngine(vietnam_calendar(), WorkingHours.parse("07:00-11:30,13:30-17:00"))
    assert engine.due(at("2025-03-10 07:00"), 8, "working_hours") == at("2025-03-10 17:00")
    single = WorkTimeEngine(vietnam_calendar(), WorkingHours.parse("08:00-16:00"))
    assert single.due(at("2025-03-10 12:00"), 6, "working_hours") == at("2025-03-11 10:00")
