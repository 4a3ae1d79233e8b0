"""Vietnamese display of dates and working durations ("còn 2 ngày 3 giờ", "quá hạn 1 ngày 4 giờ")."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def format_date(day: dt.date) -> str:
    """dd/mm/yyyy."""
    return f"{day:%d/%m/%Y}"


def format_datetime(moment: dt.datetime) -> str:
    """ "09 giờ 15 phút, Thứ Năm 23/01/2025" — the wording of Mẫu 01's appointment line."""
    return f"{moment:%H} giờ {moment:%M} phút, {WEEKDAYS[moment.weekday()]} {moment:%d/%m/%Y}"


def weekday_name(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def format_working_duration(seconds: int, seconds_per_day: int) -> str:
    """A non-negative working time as "X ngày Y giờ Z phút", leaving out zero parts ("2 ngày 3 giờ", "45 phút").

    One day is the unit's working time per day (``seconds_per_day``), not 24 hours. Seconds are dropped.
    """
    if seconds < 0:
        raise ValueError("seconds must be >= 0")
    days, rest = divmod(seconds, seconds_per_day)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if minutes:
        parts.append(f"{minutes} phút")
    return " ".join(parts) or "0 phút"


def whole_minutes_up(seconds: float) -> int:
    """Time left is told in whole minutes begun: "còn 7 ngày" stays true for the first minute after a reception
    whose appointment is 7 working days away (rounding down would say "6 ngày 7 giờ 29 phút" a second later, and
    two readings a moment apart would differ). Lateness is told in whole minutes passed."""
    return -(-int(seconds) // 60) * 60


def format_remaining(seconds: int, seconds_per_day: int) -> str:
    """Signed working time left before a deadline: "còn 2 ngày 3 giờ", "quá hạn 1 ngày 4 giờ", "đến hạn"."""
    if seconds >= 60:
        return "còn " + format_working_duration(whole_minutes_up(seconds), seconds_per_day)
    if seconds <= -60:
        return "quá hạn " + format_working_duration(-seconds, seconds_per_day)
    return "đến hạn"
