"""What any input must be before it reaches a service or the database, for every endpoint at once.

- **Text** never carries a NUL byte or a lone UTF-16 surrogate: PostgreSQL cannot store the first, no database
  driver can encode the second. :func:`unstorable` finds them; ``motcua.core.middleware.InputGuardMiddleware``
  refuses such a request (API 422, page 400) before any view runs.
- **Numbers** typed by people are ASCII digits: ``"²".isdigit()`` is true but ``int("²")`` fails, and ``int``
  also reads Arabic-Indic or full-width digits. :func:`ascii_int` reads only ``0-9``.
- **Dates** are ISO 8601 text (``YYYY-MM-DD``; a date-time with its offset) within :data:`FIRST_DAY` …
  :data:`LAST_DAY`, so that the date arithmetic of deadlines, calendars and reports (a day after, a day before,
  UTC offsets) never leaves the calendar Python can count: ``date.max + 1 day`` is an ``OverflowError``. The API
  schemas use :data:`Day` and :data:`Moment`; number-like text such as ``0`` or ``0.5`` (which Pydantic would read
  as seconds since 1970) is refused.
- **Pages** are bounded: :class:`BoundedLimitOffsetPagination` (``limit`` 1–:data:`MAX_LIMIT`, ``offset``
  0–:data:`MAX_OFFSET`), so a huge number never reaches the database as an integer it cannot hold.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import BeforeValidator, WithJsonSchema

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?", re.ASCII
)


def unstorable(text: str) -> bool:
    """Whether ``text`` holds a character no database here can store (NUL, a lone surrogate)."""
    return _UNSTORABLE.search(text) is not None


def ascii_int(text: Any) -> int | None:
    """The integer written in ASCII digits ``text`` (no sign, no spaces), or None."""
    text = str(text)
    return int(text) if text.isascii() and text.isdigit() else None


MAX_ID = 2**63 - 1  # the largest value an id column (bigint) holds


def ascii_id(text: Any) -> int | None:
    """A record id typed in a form or a URL: ASCII digits, and small enough for the database; else None."""
    number = ascii_int(text)
    return number if number is not None and number <= MAX_ID else None


def in_calendar(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def _calendar_error() -> ValueError:
    return ValueError(
        _("Ngày phải trong khoảng %(first)s đến %(last)s.")
        % {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}
    )


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
            raise ValueError(_("Ngày phải theo định dạng YYYY-MM-DD, ví dụ 2026-03-09."))
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Ngày không có trong lịch: %(value)s.") % {"value": value}) from None
    if not in_calendar(value):
        raise _calendar_error()
    return value


def _moment(value: Any) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        if not isinstance(value, str) or not _ISO_MOMENT.fullmatch(value):
            raise ValueError(
                _("Thời điểm phải theo ISO 8601, ví dụ 2026-03-09T08:00:00+07:00 hoặc 2026-03-09.")
            )
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(_("Thời điểm không có trong lịch: %(value)s.") % {"value": value}) from None
    if not in_calendar(value.date()):
        raise _calendar_error()
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


_DAY_SCHEMA = {
    "type": "string",
    "format": "date",
    "description": f"YYYY-MM-DD, {FIRST_DAY.isoformat()} … {LAST_DAY.isoformat()}",
}
_MOMENT_SCHEMA = {
    "type": "string",
    "format": "date-time",
    "description": f"ISO 8601 (giờ Việt Nam nếu không ghi múi giờ), {FIRST_DAY.year}–{LAST_DAY.year}",
}

# A date (``YYYY-MM-DD``) of the calendar this system counts in.
Day = Annotated[dt.date, BeforeValidator(_day), WithJsonSchema(_DAY_SCHEMA)]
# A date-time (ISO 8601; without an offset: Vietnam time) of the calendar this system counts in.
Moment = Annotated[dt.datetime, BeforeValidator(_moment), WithJsonSchema(_MOMENT_SCHEMA)]


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """``limit``/``offset`` paging whose numbers are bounded (a huge offset is a 422, not a database error)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"Số bản ghi một trang (1–{MAX_LIMIT})")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"Bỏ qua bao nhiêu bản ghi (0–{MAX_OFFSET})")
