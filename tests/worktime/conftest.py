import pytest

from motcua.worktime.engine import WorkingHours, WorkTimeEngine, vietnam_calendar


@pytest.fixture(scope="session")
def engine() -> WorkTimeEngine:
    """The package calendar with the default sessions 07:30–11:30, 13:30–17:00 (7.5 working hours a day)."""
    return WorkTimeEngine(vietnam_calendar(), WorkingHours.default())


@pytest.fixture(scope="session")
def engine_8h() -> WorkTimeEngine:
    """R1's timetable 07:00–11:30, 13:30–17:00 (8 working hours a day)."""
    return WorkTimeEngine(vietnam_calendar(), WorkingHours.parse("07:00-11:30,13:30-17:00"))
