"""PAKN codes, numbered per receiving unit and day by one atomic upsert (as dossier codes, SPEC §3):
``PAKN-{unit identifier}-{yyMMdd}-{NNNN}``. The unit's identifier is part of the code because the number is the
unit's own: two units receiving on the same day would otherwise give the same ``PAKN-{yyMMdd}-0001``."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection

CODE_RE = re.compile(r"^PAKN-\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")


def next_number(agency, day: dt.date) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO feedback_feedbackcounter (agency_id, day, value) VALUES (%s, %s, 1) "
            "ON CONFLICT (agency_id, day) DO UPDATE SET value = feedback_feedbackcounter.value + 1 "
            "RETURNING value",
            [agency.pk, day],
        )
        return cursor.fetchone()[0]


def new_code(agency, day: dt.date) -> str:
    return f"PAKN-{agency.identifier}-{day:%y%m%d}-{next_number(agency, day):04d}"
