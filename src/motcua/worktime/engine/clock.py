"""The clock of one deadline (SPEC §8.5): pauses for a supplement or a financial obligation, restarts, extensions,
the time left ("còn 2 ngày 3 giờ") and the early / on time / late classification at closing.

A :class:`DeadlineClock` is an immutable ledger: ``with_pause`` and ``with_extension`` return a new clock, and the
due time at any moment is recomputed from the receipt time, the limit and the events that had happened by then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from motcua.worktime.engine.deadlines import Duration, TimeUnit, WorkTimeEngine
from motcua.worktime.engine.errors import WorkTimeError
from motcua.worktime.engine.formatting import format_remaining


class PauseReason(StrEnum):
    SUPPLEMENT = "supplement"  # yêu cầu bổ sung, hoàn thiện hồ sơ (status 5)
    FINANCIAL_OBLIGATION = "financial_obligation"  # thực hiện nghĩa vụ tài chính (status 6)
    EXTERNAL_OPINION = "external_opinion"  # chờ ý kiến, kết quả kiểm tra của cơ quan khác

    @property
    def label(self) -> str:
        return {
            PauseReason.SUPPLEMENT: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
            PauseReason.FINANCIAL_OBLIGATION: "Thực hiện nghĩa vụ tài chính",
            PauseReason.EXTERNAL_OPINION: "Chờ ý kiến, kết quả kiểm tra của cơ quan khác",
        }[self]


class PauseMode(StrEnum):
    """The engine's two clock rules; their Django choice, with the labels, is ``motcua.catalog.choices.PauseMode``."""

    PAUSE = "pause"  # the due time moves by the working time spent paused (thời gian đã giải quyết được tính)
    RESTART = "restart"  # the whole limit runs again from the end of the pause (supplement received)


class Timeliness(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label(self) -> str:
        return {Timeliness.EARLY: "Trước hạn", Timeliness.ON_TIME: "Đúng hạn", Timeliness.LATE: "Quá hạn"}[
            self
        ]


class ComparisonRule(StrEnum):
    """How "on time" is judged. DATE_ONLY compares calendar dates (R1); DATE_TIME also compares the time (DVCQG:
    finished ≤ due). Both call a finish on an earlier date early."""

    DATE_ONLY = "date_only"
    DATE_TIME = "date_time"


def classify(
    finished: dt.datetime, due: dt.datetime, rule: ComparisonRule = ComparisonRule.DATE_TIME
) -> Timeliness:
    tz = due.tzinfo
    finished_local = finished.astimezone(tz) if (finished.tzinfo and tz) else finished
    if finished_local.date() < due.date():
        return Timeliness.EARLY
    if finished_local.date() > due.date():
        return Timeliness.LATE
    if rule is ComparisonRule.DATE_ONLY or finished <= due:
        return Timeliness.ON_TIME
    return Timeliness.LATE


@dataclass(frozen=True)
class Pause:
    """The clock stopped from ``start`` (request sent) until ``end`` (supplement or payment received; None while
    still waiting)."""

    start: dt.datetime
    end: dt.datetime | None = None
    reason: PauseReason = PauseReason.SUPPLEMENT
    mode: PauseMode = PauseMode.PAUSE

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise WorkTimeError("Thời điểm kết thúc tạm dừng phải sau thời điểm bắt đầu.")

    def is_open_at(self, now: dt.datetime) -> bool:
        return self.start <= now and (self.end is None or now < self.end)


@dataclass(frozen=True)
class Extension:
    """A new appointment given at ``at`` (Mẫu 04 apology letter): either an explicit ``new_due`` or a ``duration``
    added to the due time in force."""

    at: dt.datetime
    new_due: dt.datetime | None = None
    duration: Duration | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if (self.new_due is None) == (self.duration is None):
            raise WorkTimeError("Gia hạn phải có đúng một trong hai: ngày hẹn mới hoặc thời gian gia hạn.")


@dataclass(frozen=True)
class ClockState:
    due: dt.datetime
    remaining_seconds: int  # working seconds; negative when overdue
    paused: bool
    text: str  # "còn 2 ngày 3 giờ", "quá hạn 1 ngày 4 giờ", with " (đang tạm dừng)" while paused


@dataclass(frozen=True)
class DeadlineClock:
    engine: WorkTimeEngine
    start: dt.datetime
    limit: Duration
    pauses: tuple[Pause, ...] = ()
    extensions: tuple[Extension, ...] = ()
    original_due: dt.datetime = field(init=False, compare=False)

    def __post_init__(self) -> None:
        pauses = tuple(sorted(self.pauses, key=lambda p: p.start))
        for earlier, later in zip(pauses, pauses[1:], strict=False):
            if earlier.end is None or later.start < earlier.end:
                raise WorkTimeError("Các khoảng tạm dừng không được chồng lấn nhau.")
        object.__setattr__(self, "pauses", pauses)
        object.__setattr__(self, "extensions", tuple(sorted(self.extensions, key=lambda x: x.at)))
        object.__setattr__(self, "original_due", self.engine.due_for(self.start, self.limit))

    def with_pause(self, pause: Pause) -> DeadlineClock:
        return replace(self, pauses=(*(p for p in self.pauses if p.start != pause.start), pause))

    def with_extension(self, extension: Extension) -> DeadlineClock:
        return replace(self, extensions=(*self.extensions, extension))

    def _extend(self, due: dt.datetime, extension: Extension) -> dt.datetime:
        if extension.new_due is not None:
            return extension.new_due.astimezone(self.engine.tz)
        duration = extension.duration
        assert duration is not None
        if duration.unit is TimeUnit.WORKING_HOURS:
            return self.engine.shift(due, round(duration.amount * 3600))
        if duration.unit is TimeUnit.WORKING_DAYS:
            return self.engine.shift(due, round(duration.amount * self.engine.hours.seconds_per_day))
        return self.engine.due_for(due, duration)

    def due_at(self, now: dt.datetime | None = None, *, include_extensions: bool = True) -> dt.datetime:
        """The due time in force at ``now`` (all recorded events if None). An open pause counts as lasting until
        ``now``. Without extensions this is the due time that timeliness is judged against (SPEC §1.7)."""
        events: list[tuple[dt.datetime, int, Pause | Extension]] = [(p.start, 0, p) for p in self.pauses]
        if include_extensions:
            events += [(x.at, 1, x) for x in self.extensions]
        events.sort(key=lambda e: (e[0], e[1]))
        due = self.original_due
        for at, _, event in events:
            if now is not None and at > now:
                break
            if isinstance(event, Extension):
                due = self._extend(due, event)
                continue
            end = event.end if event.end is not None and (now is None or event.end <= now) else now
            if end is None:
                raise WorkTimeError("Hồ sơ đang tạm dừng: cần thời điểm hiện tại để tính hạn.")
            if event.mode is PauseMode.RESTART:
                due = self.engine.due_for(end, self.limit)
            else:
                due = self.engine.shift(due, max(0, self.engine.working_seconds_between(event.start, end)))
        return due

    def restarted_at(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the limit last started again from zero (the workflow restarts at its first step), if it did."""
        ends = [
            p.end
            for p in self.pauses
            if p.mode is PauseMode.RESTART and p.end is not None and (now is None or p.end <= now)
        ]
        return max(ends) if ends else None

    def is_paused(self, now: dt.datetime) -> bool:
        return any(p.is_open_at(now) for p in self.pauses)

    def state(self, now: dt.datetime) -> ClockState:
        due = self.due_at(now)
        paused = self.is_paused(now)
        remaining = self.engine.working_seconds_between(now, due)
        if remaining == 0 and now > due:
            remaining = -1  # past the due time, in non-working time
        text = format_remaining(remaining, self.engine.hours.seconds_per_day)
        if paused:
            text += " (đang tạm dừng)"
        return ClockState(due, remaining, paused, text)

    def classify(
        self,
        finished: dt.datetime,
        rule: ComparisonRule = ComparisonRule.DATE_TIME,
        *,
        include_extensions: bool = False,
    ) -> Timeliness:
        """Early / on time / late at closing. By default against the due time without extensions: a dossier that
        needed an apology letter is still late against its original appointment (SPEC §1.7)."""
        return classify(finished, self.due_at(finished, include_extensions=include_extensions), rule)
