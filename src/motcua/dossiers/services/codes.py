"""Dossier codes (mã hồ sơ, SPEC §3): ``{agency identifier}-{yyMMdd}-{NNNN}``, a per-agency daily sequence kept in
``DailyCounter`` and taken by the shared counter of ``motcua.core.workflow`` (one atomic upsert: concurrent
intakes never get the same number; padding does not truncate: the 10,000th dossier of a day gets five digits).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager

from motcua.core.workflow import daily_code, take_numbers
from motcua.dossiers.models import DailyCounter
from motcua.org.models import Agency

CODE_RE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")


def format_code(identifier: str, day: dt.date, number: int) -> str:
    return daily_code(identifier, day, number)


_reserved: contextvars.ContextVar[dict | None] = contextvars.ContextVar("reserved_numbers", default=None)


@contextmanager
def reserved(wanted: dict[tuple[Agency, dt.date], int]) -> Iterator[None]:
    """Within the block, :func:`new_code` hands out numbers reserved for each (agency, day) in one upsert each
    (``wanted``: how many), in order; beyond them (or for another agency or day) it takes one as usual. Numbers
    reserved and not used stay unused, as those of a refused intake would. Use inside the transaction that
    creates the dossiers, so that a rollback gives the numbers back."""
    pool = {
        (agency.pk, day): iter(take_numbers(DailyCounter, agency.pk, day, n))
        for (agency, day), n in wanted.items()
        if n
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
    return format_code(agency.identifier, day, number or take_numbers(DailyCounter, agency.pk, day)[0])
