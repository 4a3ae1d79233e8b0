"""Ids taken before the insert (PostgreSQL sequences), so that a row whose content depends on its own id — a
dossier whose first process-log entry hashes the dossier's id, and whose row keeps that hash — is written once,
not inserted and then updated (an update of a row in a table with many indexes costs as much as the insert).

Where the database hands out ids only on insert (SQLite), :func:`next_id` returns None and the caller inserts
first. In :func:`reserved`, one query takes the ids of a whole batch."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

_pools: contextvars.ContextVar[dict | None] = contextvars.ContextVar("reserved_ids", default=None)


def take(model, count: int) -> list[int] | None:
    """``count`` new ids of ``model`` from its sequence (PostgreSQL), or None (SQLite)."""
    if connection.vendor != "postgresql" or count < 1:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def next_id(model) -> int | None:
    """A new id of ``model``: from the ids :func:`reserved` in this context, else from the sequence; None on a
    database without sequences."""
    pool = (_pools.get() or {}).get(model)
    if pool:
        return pool.pop()
    taken = take(model, 1)
    return taken[0] if taken else None


@contextmanager
def reserved(model, count: int) -> Iterator[None]:
    """Within the block, :func:`next_id` of ``model`` hands out ``count`` ids taken in one query (in increasing
    order). Ids not used stay unused, as a rolled-back insert's would."""
    taken = take(model, count) or []
    pools = dict(_pools.get() or {})
    pools[model] = list(reversed(taken))
    token = _pools.set(pools)
    try:
        yield
    finally:
        _pools.reset(token)
