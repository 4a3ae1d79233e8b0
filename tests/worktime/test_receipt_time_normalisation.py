"""Receipt-time normalisation (SPEC §8.4.1): limits run from the next moment of working time."""

import pytest

from tests.builders.worktime import at

CASES = [
    # received                  → counted from
    ("2025-03-10 06:45", "2025-03-10 07:30"),  # before opening → opening
    ("2025-03-10 07:30", "2025-03-10 07:30"),  # at opening
    ("2025-03-10 09:15", "2025-03-10 09:15"),  # in a session: unchanged
    ("2025-03-10 11:30", "2025-03-10 13:30"),  # end of the morning = lunch → afternoon start
    ("2025-03-10 12:10", "2025-03-10 13:30"),  # lunch → afternoon start
    ("2025-03-10 16:59", "2025-03-10 16:59"),
    ("2025-03-10 17:00", "2025-03-11 07:30"),  # closing → next working day
    ("2025-03-10 21:00", "2025-03-11 07:30"),  # evening → next working day
    ("2025-03-14 18:00", "2025-03-17 07:30"),  # Friday evening → Monday
    ("2025-03-15 10:00", "2025-03-17 07:30"),  # Saturday → Monday
    ("2025-01-24 17:30", "2025-02-03 07:30"),  # Friday before Tết 2025 → after the break
    ("2025-04-25 17:30", "2025-04-26 07:30"),  # Friday evening → make-up Saturday 26/04/2025
    ("2025-04-29 18:00", "2025-05-05 07:30"),  # before 30/4–4/5/2025 → Monday 05/05
    ("2026-11-23 17:05", "2026-11-25 07:30"),  # Monday evening → skip 24/11/2026 Ngày Văn hóa
]


@pytest.mark.parametrize(("received", "expected"), CASES)
def test_receipt_time_is_normalised_to_working_time(engine, received, expected):
    assert engine.normalize(at(received)) == at(expected)


def test_naive_and_foreign_zone_inputs_are_read_as_the_same_instant(engine):
    import datetime as dt

    utc = dt.datetime(2025, 3, 10, 2, 15, tzinfo=dt.UTC)  # 09:15 in Vietnam
    assert engine.normalize(utc) == at("2025-03-10 09:15")
    assert engine.normalize(dt.datetime(2025, 3, 10, 9, 15)) == at("2025-03-10 09:15")
    assert engine.normalize(utc).isoformat() == "2025-03-10T09:15:00+07:00"
