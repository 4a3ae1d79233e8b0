"""The bulk writer: ids reserved per batch, rows written with ``COPY … FROM STDIN`` on PostgreSQL and
``executemany`` on SQLite (moments as UTC text, as Django stores them there), and the daily code counters
raised to the generated maxima (a second run continues the sequences).

Each batch is written in one transaction, whole or not at all. On PostgreSQL, when the run is not itself inside a
transaction (the command), a batch is written by a thread on its own connection while the next batch is drawn, so
that the database's work overlaps Python's (measured on 200,000 dossiers: BENCHMARKS.md); ids come from the
sequences, which need no transaction. Elsewhere (SQLite, or inside a caller's transaction, as in tests) batches are
written in turn on the caller's connection."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from enum import Enum

from django.db import connection, transaction

from motcua.demo.generator.rows import (
    DATE_COLUMNS,
    DATETIME_COLUMNS,
    DECIMAL_COLUMNS,
    ENUM_COLUMNS,
    SEVEN_HOURS,
)
from motcua.worktime.engine import VIETNAM

UTC = dt.UTC


class Writer:
    def __init__(self):
        self.vendor = connection.vendor
        self.overlap = self.vendor == "postgresql" and not connection.in_atomic_block
        self._batches: queue.Queue | None = None
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def write_batch(self, tables: list[tuple[str, tuple, list]]) -> None:
        """Write one batch (``(table, columns, rows)`` in dependency order) in one transaction."""
        if not self.overlap:
            self._write_tables(tables)
            return
        if self._thread is None:
            self._batches = queue.Queue(maxsize=1)
            self._thread = threading.Thread(target=self._drain, name="generator-writer", daemon=True)
            self._thread.start()
        self._raise_failure()
        self._batches.put(tables)

    def finish(self) -> None:
        """Wait until every batch handed over is written; raise what failed."""
        self.stop()
        self._raise_failure()

    def stop(self) -> None:
        if self._thread is not None:
            self._batches.put(None)
            self._thread.join()
            self._thread = None

    def _drain(self) -> None:
        try:
            while (tables := self._batches.get()) is not None:
                if self._failure is None:  # after a failure, the batches still handed over are dropped
                    try:
                        self._write_tables(tables)
                    except BaseException as exc:
                        self._failure = exc
        finally:
            connection.close()  # the thread's own connection

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _write_tables(self, tables: list[tuple[str, tuple, list]]) -> None:
        with transaction.atomic():
            for table, columns, rows in tables:
                self.write(table, columns, rows)

    def ids(self, table: str, n: int) -> list[int]:
        """``n`` new ids of ``table`` (the sequence advanced on PostgreSQL; past the largest on SQLite)."""
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
                    [n],
                )
                return [r[0] for r in cursor.fetchall()]
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')
            top = cursor.fetchone()[0]
            if self.vendor == "sqlite":
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                row = cursor.fetchone()
                top = max(top, row[0] if row else 0)
            return list(range(top + 1, top + n + 1))

    def write(self, table: str, columns: tuple, rows: list) -> None:
        if not rows:
            return
        if self.vendor == "postgresql":
            self._copy(table, columns, rows)
        else:
            self._insert(table, columns, rows)

    def _copy(self, table: str, columns: tuple, rows: list) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        enums = [i for i, c in enumerate(columns) if c in ENUM_COLUMNS]
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy,
        ):
            for row in rows:
                row = list(row)
                for i in enums:
                    if isinstance(row[i], Enum):
                        row[i] = row[i].value
                copy.write_row(row)

    def _insert(self, table: str, columns: tuple, rows: list) -> None:
        quoted = ", ".join(f'"{c}"' for c in columns)
        moments = [i for i, c in enumerate(columns) if c in DATETIME_COLUMNS]
        others = [i for i, c in enumerate(columns) if c in DATE_COLUMNS or c in DECIMAL_COLUMNS]
        values = [_sqlite_row(row, moments, others) for row in rows]
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', values)

    def save_counters(self, counters: dict, touched: set) -> None:
        rows = [(agency_id, day, counters[(agency_id, day)]) for agency_id, day in sorted(touched)]
        greatest = "GREATEST" if self.vendor == "postgresql" else "MAX"
        sql = (
            "INSERT INTO dossiers_dailycounter (agency_id, day, value) VALUES (%s, %s, %s) "
            f"ON CONFLICT (agency_id, day) DO UPDATE SET value = {greatest}(dossiers_dailycounter.value, "
            "excluded.value)"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            for i in range(0, len(rows), 1000):
                cursor.executemany(sql, rows[i : i + 1000])


def _sqlite_row(row: tuple, moments: list[int], others: list[int]) -> list:
    row = list(row)
    for i in moments:
        v = row[i]
        if v is not None:
            row[i] = (
                (v.replace(tzinfo=None) - SEVEN_HOURS).isoformat(" ")
                if v.tzinfo is VIETNAM
                else v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
            )
    for i in others:
        if row[i] is not None:
            row[i] = str(row[i])
    return row
