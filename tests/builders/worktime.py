"""Times for the work-time engine tests."""

import datetime as dt

from motcua.worktime.engine import VIETNAM


def at(text: str) -> dt.datetime:
    """'2025-01-20 09:15' (or any ISO 8601 local time) → aware datetime in Vietnam time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=VIETNAM)
