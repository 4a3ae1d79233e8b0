"""Dossier codes (mã hồ sơ, SPEC §3): ``{agency identifier}-{yyMMdd}-{NNNN}``, a per-agency daily sequence.

The sequence is one atomic upsert (``INSERT … ON CONFLICT DO UPDATE … RETURNING``, PostgreSQL and SQLite ≥ 3.35):
concurrent intakes never get the same number, and no lock is held beyond the statement's row. Padding does not
truncate: the 10,000th dossier of a day gets five digits.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

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


def reserve_numbers(agency: Agency, day: dt.date, count: int) -> range:
    """``count`` consecutive numbers of ``agency`` for ``day``, taken in one upsert (a batch intake)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dossiers_dailycounter (agency_id, day, value) VALUES (%s, %s, %s) "
            "ON CONFLICT (agency_id, day) DO UPDATE SET value = dossiers_dailycounter.value + %s "
            "RETURNING value",
            [agency.pk, day, count, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


_reserved: contextvars.ContextVar[dict | None] = contextvars.ContextVar("reserved_numbers", default=None)


@contextmanager
def reserved(wanted: dict[tuple[Agency, dt.date], int]) -> Iterator[None]:
    """Within the block, :func:`new_code` hands out numbers reserved for each (agency, day) in one upsert each
    (``wanted``: how many), in order; beyond them (or for another agency or day) it takes one as usual. Numbers
    reserved and not used stay unused, as those of a refused intake would. Use inside the transaction that
    creates the dossiers, so that a rollback gives the numbers back."""
    pool = {
        (agency.pk, day): iter(reserve_numbers(agency, day, n)) for (agency, day), n in wanted.items() if n
    }
    token = _reserved.set(pool)
    try:
        yield
    finally:
        _reserved.reset(token)


def new_code(agency: Agency, day: dt.date) -> str:
    """The next code of ``agency`` for ``day`` (the receipt date in Vietnam time)."""
    pool = _reserved.get()
    number = next(pool.get((agency.pk, day), iter(())), None) if pool else None
    return format_code(agency.identifier, day, number or next_number(agency, day))
