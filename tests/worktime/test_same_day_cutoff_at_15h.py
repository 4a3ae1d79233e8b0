"""Same-day procedures: received before 15:00 → due at closing the same day; from 15:00 → next working day."""

import pytest

from tests.builders.worktime import at

CASES = [
    ("2025-03-10 09:00", "2025-03-10 17:00"),
    ("2025-03-10 14:59", "2025-03-10 17:00"),
    ("2025-03-10 15:00", "2025-03-11 17:00"),
    ("2025-03-14 16:00", "2025-03-17 17:00"),  # Friday after the cut-off → Monday
    ("2025-03-10 18:00", "2025-03-11 17:00"),  # after closing → next morning, before the cut-off
    ("2025-03-15 10:00", "2025-03-17 17:00"),  # Saturday
    ("2025-04-25 15:30", "2025-04-26 17:00"),  # → make-up Saturday 26/04/2025
]


@pytest.mark.parametrize(("received", "due"), CASES)
def test_same_day_cutoff_at_15h(engine, received, due):
    assert engine.due(at(received), 0, "same_day") == at(due)


def test_cutoff_is_a_parameter(engine):
    import datetime as dt

    assert engine.same_day(at("2025-03-10 15:30"), cutoff=dt.time(16, 0)) == at("2025-03-10 17:00")
