"""Working days keep the (normalised) time of day and skip weekends, holidays, compensatory and swapped days;
make-up Saturdays count."""

import pytest

from tests.builders.worktime import at

CASES = [
    # received, working days, due
    ("2025-03-10 09:15", 3, "2025-03-13 09:15"),  # Monday 09:15 + 3 → Thursday 09:15
    ("2025-03-14 16:30", 1, "2025-03-17 16:30"),  # Friday 16:30 + 1 → Monday 16:30
    ("2025-03-10 12:00", 1, "2025-03-11 13:30"),  # lunch → 13:30, then + 1 day
    ("2025-03-10 17:45", 1, "2025-03-12 07:30"),  # after closing → Tue 07:30, then + 1 day
    ("2025-03-10 09:15", 0, "2025-03-10 09:15"),
    ("2025-03-10 09:15", 5, "2025-03-17 09:15"),  # a full week
    ("2025-01-22 10:00", 3, "2025-02-03 10:00"),  # Wed before Tết 2025: Thu 23, Fri 24, then Mon 03/02
    ("2025-04-24 09:00", 2, "2025-04-26 09:00"),  # Thu + 2 → make-up Saturday 26/04/2025
    ("2025-04-29 09:00", 1, "2025-05-05 09:00"),  # Tue 29/04 + 1 → Mon 05/05 (30/04–04/05 off)
    ("2026-02-12 14:00", 2, "2026-02-23 14:00"),  # Thu before Tết 2026: Fri 13, then Mon 23/02
    ("2026-11-23 08:00", 1, "2026-11-25 08:00"),  # Monday + 1 skips 24/11/2026
    ("2025-11-21 08:00", 1, "2025-11-24 08:00"),  # 24/11/2025 (Monday) is still a working day
    ("2026-08-21 10:00", 1, "2026-08-22 10:00"),  # Fri + 1 → make-up Saturday 22/08/2026
    ("2026-08-28 10:00", 1, "2026-09-03 10:00"),  # Fri + 1 → Thu 03/09/2026 (29/08–02/09 off)
    ("2024-04-26 15:00", 1, "2024-05-02 15:00"),  # 27/04–01/05/2024 off
    ("2024-05-03 15:00", 1, "2024-05-04 15:00"),  # make-up Saturday 04/05/2024
]


@pytest.mark.parametrize(("received", "days", "due"), CASES)
def test_working_days_keep_time_of_day(engine, received, days, due):
    assert engine.due(at(received), days, "working_days") == at(due)


def test_half_a_working_day_is_half_the_daily_working_time(engine):
    # 7.5 h a day → 0.5 day = 3 h 45 min: 09:15 + 2 h 15 to 11:30, then 1 h 30 from 13:30 → 15:00.
    assert engine.due(at("2025-03-10 09:15"), 0.5, "working_days") == at("2025-03-10 15:00")
    assert engine.due(at("2025-03-10 09:15"), 1.5, "working_days") == at("2025-03-11 15:00")
