"""Errors of the working-time engine. Messages are in Vietnamese: they reach officers and the CLI unchanged."""


class WorkTimeError(ValueError):
    """Invalid input to the engine (amount, unit, working hours, date out of the calendar's range…)."""


class CalendarRangeError(WorkTimeError):
    """A date outside the years the calendar was built for."""
