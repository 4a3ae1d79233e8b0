"""PAKN codes, numbered per receiving unit and day by the shared counter of ``motcua.core.workflow`` (as dossier
codes, SPEC §3), kept in ``FeedbackCounter``: ``PAKN-{unit identifier}-{yyMMdd}-{NNNN}``. The unit's identifier is
part of the code because the number is the unit's own: two units receiving on the same day would otherwise give
the same ``PAKN-{yyMMdd}-0001``."""

from __future__ import annotations

import datetime as dt
import re

from motcua.core.workflow import daily_code, take_numbers
from motcua.feedback.models import FeedbackCounter

CODE_RE = re.compile(r"^PAKN-\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")


def new_code(agency, day: dt.date) -> str:
    return daily_code(f"PAKN-{agency.identifier}", day, take_numbers(FeedbackCounter, agency.pk, day)[0])
