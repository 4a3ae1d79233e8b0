"""Dossier codes (mã hồ sơ, SPEC §3): ``{agency identifier}-{yyMMdd}-{NNNN}``, a per-agency daily sequence.

The sequence is one atomic upsert (``INSERT … ON CONFLICT DO UPDATE … RETURNING``, PostgreSQL and SQLite ≥ 3.35):
concurrent intakes never get the same number, and no lock is held beyond the statement's row. Padding does not
truncate: the 10,000th dossier of a day gets five digits.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection

from motcua.org.models import Agency

CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")


def next_number(agency: Agency, day: dt.date) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dossiers_dailycounter (agency_id, day, value) VALUES (%s, %s, 1) "
            "ON CONFLICT (agency_id, day) DO UPDATE SET value = dossiers_dailycounter.value + 1 "
            "RETURNING value",
            [agency.pk, day],
        )
        return cursor.fetchone()[0]


def format_code(identifier: str, day: dt.date, number: int) -> str:
    return f"{identifier}-{day:%y%m%d}-{number:04d}"


def new_code(agency: Agency, day: dt.date) -> str:
    """The next code of ``agency`` for ``day`` (the receipt date in Vietnam time)."""
    return format_code(agency.identifier, day, next_number(agency, day))
