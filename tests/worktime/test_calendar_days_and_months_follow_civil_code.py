"""Calendar days and months (Civil Code 2015, Art. 147–148): count from the day after receipt; a last day that is
not a working day moves to the next working day; the period ends at closing time."""

import pytest

from tests.builders.worktime import at

CALENDAR_DAYS = [
    ("2025-03-10 09:15", 1, "2025-03-11 17:00"),
    ("2025-03-10 09:15", 5, "2025-03-17 17:00"),  # last day Sat 15/03 → Monday 17/03
    ("2025-03-10 09:15", 10, "2025-03-20 17:00"),
    ("2025-01-20 09:15", 10, "2025-02-03 17:00"),  # last day 30/01 (Tết) → Monday 03/02
    ("2025-04-16 10:00", 10, "2025-04-26 17:00"),  # last day is make-up Saturday 26/04/2025: a working day
    ("2025-04-17 10:00", 10, "2025-04-28 17:00"),  # last day Sun 27/04 → Monday 28/04
    ("2025-04-20 10:00", 10, "2025-05-05 17:00"),  # last day Wed 30/04 (holiday) → Monday 05/05
    ("2025-03-14 18:00", 1, "2025-03-18 17:00"),  # Friday evening: received Monday, +1 = Tuesday
    ("2025-03-10 09:15", 0, "2025-03-10 17:00"),
]


@pytest.mark.parametrize(("received", "days", "due"), CALENDAR_DAYS)
def test_calendar_days_follow_civil_code(engine, received, days, due):
    assert engine.due(at(received), days, "calendar_days") == at(due)


MONTHS = [
    ("2025-03-10 09:15", 1, "2025-04-10 17:00"),
    ("2023-01-31 09:15", 1, "2023-02-28 17:00"),  # no 31/02 → last day of February (Tuesday)
    ("2025-01-31 09:15", 1, "2025-03-03 17:00"),  # received in Tết: counted from Mon 03/02 → 03/03
    ("2024-01-31 09:15", 1, "2024-02-29 17:00"),  # leap year
    ("2025-03-31 09:15", 1, "2025-05-05 17:00"),  # 30/04 → but 31/03+1 month = 30/04 (holiday) → 05/05
    ("2025-06-14 10:00", 1, "2025-07-16 17:00"),  # received Saturday → Monday 16/06 → 16/07
    ("2025-09-10 09:00", 3, "2025-12-10 17:00"),
    ("2025-11-15 09:00", 12, "2026-11-17 17:00"),  # Sat → Mon 17/11/2025 + 12 months = Tue 17/11/2026
]


@pytest.mark.parametrize(("received", "months", "due"), MONTHS)
def test_months_follow_civil_code(engine, received, months, due):
    assert engine.due(at(received), months, "months") == at(due)
