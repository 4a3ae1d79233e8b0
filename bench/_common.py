"""What the benchmark scripts share: a throwaway database and percentiles."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def prepare_database(bench_name: str) -> tuple[str, Callable[[], None]]:
    """Point DATABASE_URL at a fresh throwaway database (PostgreSQL ``bench_name`` on the server of DATABASE_URL,
    dropped and recreated; else a temporary SQLite file). Call before django.setup(). Returns (label, cleanup)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, _, _name = url.rpartition("/")
        admin = f"{base}/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{bench_name}"')
            conn.execute(f'CREATE DATABASE "{bench_name}"')
        os.environ["DATABASE_URL"] = f"{base}/{bench_name}"

        def cleanup():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{bench_name}"')

        return f"PostgreSQL ({bench_name})", cleanup
    folder = tempfile.mkdtemp(prefix="motcua-bench-")
    path = Path(folder) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"

    def cleanup():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        Path(folder).rmdir()

    return f"SQLite ({path})", cleanup


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
