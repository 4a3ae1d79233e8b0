"""Remaining or overdue working time as "còn X ngày Y giờ" / "quá hạn X ngày Y giờ"; a day is the unit's working
time per day (7.5 h with 07:30–11:30, 13:30–17:00; 8 h with 07:00–11:30, 13:30–17:00)."""

import pytest

from motcua.worktime.engine import DeadlineClock, Duration, format_remaining, format_working_duration
from tests.builders.worktime import at

H = 3600


@pytest.mark.parametrize(
    ("seconds", "per_day", "text"),
    [
        (2 * 8 * H + 3 * H, 8 * H, "còn 2 ngày 3 giờ"),
        (-(8 * H + 4 * H), 8 * H, "quá hạn 1 ngày 4 giờ"),
        (45 * 60, 8 * H, "còn 45 phút"),
        (2 * 7.5 * H + 3.5 * H, 7.5 * H, "còn 2 ngày 3 giờ 30 phút"),
        (int(7.5 * H), int(7.5 * H), "còn 1 ngày"),
        (0, 8 * H, "đến hạn"),
    ],
)
def test_remaining_wording(seconds, per_day, text):
    assert format_remaining(int(seconds), int(per_day)) == text


def test_duration_without_sign():
    assert format_working_duration(8 * H * 3, 8 * H) == "3 ngày"
    assert format_working_duration(0, 8 * H) == "0 phút"


def test_clock_state_counts_working_time_only(engine_8h):
    # Received Mon 03/03/2025 07:00, 3 working days (8 h a day) → Thu 06/03 07:00.
    clock = DeadlineClock(engine_8h, at("2025-03-03 07:00"), Duration(3, "working_days"))
    assert clock.state(at("2025-03-03 10:00")).text == "còn 2 ngày 5 giờ"
    # The evening before a 07:00 appointment: no working time is left, and none is overdue yet.
    assert clock.state(at("2025-03-05 20:00")).text == "đến hạn"
    assert clock.state(at("2025-03-07 11:00")).text == "quá hạn 1 ngày 4 giờ"
    assert clock.state(at("2025-03-10 11:00")).text == "quá hạn 2 ngày 4 giờ"  # the weekend does not count


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (7 * 7.5 * H, "còn 7 ngày"),  # the moment of reception
        (7 * 7.5 * H - 0.4, "còn 7 ngày"),  # a moment later: still the 7th day's first minute
        (7 * 7.5 * H - 59, "còn 7 ngày"),
        (7 * 7.5 * H - 61, "còn 6 ngày 7 giờ 29 phút"),  # one whole minute gone
        (-61, "quá hạn 1 phút"),  # lateness counts minutes passed
    ],
)
def test_time_left_is_told_in_whole_minutes_begun(seconds, text):
    assert format_remaining(seconds, int(7.5 * H)) == text
