"""Pure working-time engine (no Django): calendar, working hours, deadlines, the clock of a deadline.

Typical use::

    from motcua.worktime.engine import WorkTimeEngine, WorkingHours, vietnam_calendar

    engine = WorkTimeEngine(vietnam_calendar(), WorkingHours.parse("07:30-11:30,13:30-17:00"))
    engine.due(received_at, 3, "working_days")

Inside the Django project, get an engine that includes the stored overrides and the unit's working hours from
:func:`motcua.worktime.services.engine_for`.
"""

from motcua.worktime.engine.clock import (
    ClockState,
    ComparisonRule,
    DeadlineClock,
    Extension,
    Pause,
    PauseMode,
    PauseReason,
    Timeliness,
    classify,
)
from motcua.worktime.engine.deadlines import VIETNAM, Duration, TimeUnit, WorkTimeEngine, check_amount
from motcua.worktime.engine.errors import CalendarRangeError, WorkTimeError
from motcua.worktime.engine.formatting import (
    format_date,
    format_datetime,
    format_remaining,
    format_working_duration,
    whole_minutes_up,
)
from motcua.worktime.engine.hours import DEFAULT_HOURS_TEXT, WorkingHours
from motcua.worktime.engine.vietnam import package_special_days, vietnam_calendar
from motcua.worktime.engine.work_calendar import DayKind, SpecialDay, WorkCalendar

__all__ = [
    "DEFAULT_HOURS_TEXT",
    "VIETNAM",
    "CalendarRangeError",
    "ClockState",
    "ComparisonRule",
    "DayKind",
    "DeadlineClock",
    "Duration",
    "Extension",
    "Pause",
    "PauseMode",
    "PauseReason",
    "SpecialDay",
    "TimeUnit",
    "Timeliness",
    "WorkCalendar",
    "WorkTimeEngine",
    "WorkTimeError",
    "WorkingHours",
    "check_amount",
    "classify",
    "format_date",
    "format_datetime",
    "format_remaining",
    "whole_minutes_up",
    "format_working_duration",
    "package_special_days",
    "vietnam_calendar",
]
