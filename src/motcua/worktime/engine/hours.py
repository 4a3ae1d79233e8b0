"""A unit's working hours: one or more sessions a day (default morning 07:30–11:30, afternoon 13:30–17:00)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from motcua.worktime.engine.errors import WorkTimeError

DEFAULT_HOURS_TEXT = "07:30-11:30,13:30-17:00"
_SESSION = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


def _time(hour: str, minute: str, text: str) -> dt.time:
    h, m = int(hour), int(minute)
    if h > 23 or m > 59:
        raise WorkTimeError(f"Giờ không hợp lệ trong “{text}”: phải có dạng HH:MM (00:00–23:59).")
    return dt.time(h, m)


class WorkingHours:
    """Sessions in order, each ``(start, end)``; all arithmetic is on seconds since midnight."""

    __slots__ = ("bounds", "close", "open", "seconds_per_day", "sessions")

    def __init__(self, sessions: Iterable[tuple[dt.time, dt.time]]) -> None:
        sessions = tuple((start, end) for start, end in sessions)
        if not sessions:
            raise WorkTimeError("Cần ít nhất một buổi làm việc.")
        bounds = []
        previous_end = -1
        for start, end in sessions:
            s = start.hour * 3600 + start.minute * 60 + start.second
            e = end.hour * 3600 + end.minute * 60 + end.second
            if e <= s:
                raise WorkTimeError(
                    f"Buổi làm việc {start:%H:%M}–{end:%H:%M} không hợp lệ: giờ kết thúc phải sau giờ bắt đầu."
                )
            if s < previous_end:
                raise WorkTimeError(
                    f"Buổi làm việc {start:%H:%M}–{end:%H:%M} bắt đầu trước khi buổi trước kết thúc."
                )
            previous_end = e
            bounds.append((s, e))
        self.sessions: tuple[tuple[dt.time, dt.time], ...] = sessions
        self.bounds: tuple[tuple[int, int], ...] = tuple(bounds)
        self.open = bounds[0][0]
        self.close = bounds[-1][1]
        self.seconds_per_day = sum(e - s for s, e in bounds)

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """Parse ``"07:30-11:30,13:30-17:00"``; raises :class:`WorkTimeError` with a Vietnamese message."""
        parts = [p for p in (text or "").split(",")]
        sessions = []
        for part in parts:
            match = _SESSION.match(part)
            if not match:
                raise WorkTimeError(
                    f"Giờ làm việc “{text}” không đúng định dạng: cần dạng HH:MM-HH:MM,HH:MM-HH:MM "
                    "(ví dụ 07:30-11:30,13:30-17:00)."
                )
            sessions.append((_time(match[1], match[2], text), _time(match[3], match[4], text)))
        return cls(sessions)

    @classmethod
    def default(cls) -> WorkingHours:
        return cls.parse(DEFAULT_HOURS_TEXT)

    @property
    def hours_per_day(self) -> float:
        return self.seconds_per_day / 3600

    def elapsed(self, second: int) -> int:
        """Working seconds of a working day that lie before ``second`` (seconds since midnight)."""
        total = 0
        for s, e in self.bounds:
            if second <= s:
                break
            total += (second if second < e else e) - s
        return total

    def time_at(self, elapsed: int) -> int:
        """The earliest second of the day at which ``elapsed`` working seconds (0 < elapsed ≤ a day) have passed:
        a boundary falls at the end of a session, not at the start of the next one."""
        for s, e in self.bounds:
            length = e - s
            if elapsed <= length:
                return s + elapsed
            elapsed -= length
        return self.close

    def label(self) -> str:
        return ", ".join(f"{s:%H:%M}–{e:%H:%M}" for s, e in self.sessions)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WorkingHours) and self.bounds == other.bounds

    def __hash__(self) -> int:
        return hash(self.bounds)

    def __repr__(self) -> str:
        return f"WorkingHours({self.label()!r})"
