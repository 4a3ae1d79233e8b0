"""Times for the work-time engine tests."""

import datetime as dt

from motcua.worktime.engine import VIETNAM


def at(text: str) -> dt.datetime:
    """'2025-01-20 09:15' → aware datetime in Vietnam time."""
    fmt = "%Y-%m-%d %H:%M:%S" if text.count(":") == 2 else "%Y-%m-%d %H:%M"
    return dt.datetime.strptime(text, fmt).replace(tzinfo=VIETNAM)
