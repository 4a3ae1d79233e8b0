"""Jobs for the tests of the jobs machinery, importable by a worker in another process (``tests.jobs.probe``).

Their effects are rows of two tables of their own (created by :func:`create_tables`): ``probe_run`` gets a row at
every start of a job (so a test counts the runs), ``probe_effect`` one row per key, written idempotently (``ON
CONFLICT DO NOTHING``), as every job must be."""

from __future__ import annotations

import os
import time

from django.db import connection

from motcua.core.jobs import job

FAILURES: dict[str, int] = {}
"""key -> how many more runs of :func:`flaky` raise (in this process)."""


class ProbeFailure(RuntimeError):
    pass


def create_tables() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS probe_run (key varchar(100) NOT NULL, pid integer NOT NULL)"
        )
        cursor.execute("CREATE TABLE IF NOT EXISTS probe_effect (key varchar(100) PRIMARY KEY)")


def drop_tables() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS probe_run")
        cursor.execute("DROP TABLE IF EXISTS probe_effect")


def runs(key: str | None = None) -> list[str]:
    with connection.cursor() as cursor:
        if key is None:
            cursor.execute("SELECT key FROM probe_run")
        else:
            cursor.execute("SELECT key FROM probe_run WHERE key = %s", [key])
        return [row[0] for row in cursor.fetchall()]


def effects() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM probe_effect ORDER BY key")
        return [row[0] for row in cursor.fetchall()]


def _started(key: str) -> int:
    """Record a start of the job keyed ``key``; returns how many starts it has had, this one included."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO probe_run (key, pid) VALUES (%s, %s)", [key, os.getpid()])
        cursor.execute("SELECT count(*) FROM probe_run WHERE key = %s", [key])
        return cursor.fetchone()[0]


def _effect(key: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO probe_effect (key) VALUES (%s) ON CONFLICT DO NOTHING", [key])


@job()
def record(key: str, pause: float = 0.0) -> str:
    """Its effect, after ``pause`` seconds."""
    _started(key)
    if pause:
        time.sleep(pause)
    _effect(key)
    return key


@job(attempts=3, backoff=10)
def flaky(key: str) -> str:
    """Raises while ``FAILURES[key]`` says so, then has its effect."""
    _started(key)
    if FAILURES.get(key, 0) > 0:
        FAILURES[key] -= 1
        raise ProbeFailure(f"probe {key} down")
    _effect(key)
    return key


@job()
def stalls_first_time(key: str, stall: float = 60.0) -> str:
    """Has its effect, then, on its first run only, stalls for ``stall`` seconds (a worker to be killed in the
    middle of it)."""
    first = _started(key) == 1
    _effect(key)
    if first:
        time.sleep(stall)
    return key
