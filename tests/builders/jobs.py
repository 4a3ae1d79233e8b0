"""The jobs machinery (``motcua.core.jobs``) for tests: the database backend instead of the eager one the suite
uses, the worker run in this process until the queue is empty, ``motcua worker`` as a child process on the test
database, and the probe jobs' tables (``tests.jobs.probe``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
QUEUES = ["default", "messages", "reports"]
DATABASE_TASKS = {"default": {"BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend", "QUEUES": QUEUES}}
REDIS_TASKS = {"default": {"BACKEND": "motcua.core.job_backends.OnCommitRQBackend", "QUEUES": QUEUES}}
REDIS_URL = "redis://127.0.0.1:6379/15"


def postgres_only(test):
    """Marks a test that needs several processes on one database: PostgreSQL (the SQLite test database is in
    memory, invisible to other processes; CI runs the suite on both)."""
    test = pytest.mark.postgres(test)
    return pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs concurrent processes on one database (PostgreSQL)"
    )(test)


def use_database_backend(settings) -> None:
    """The production configuration: a job is a row written in the transaction that enqueues it."""
    settings.TASKS = DATABASE_TASKS
    settings.MOTCUA_JOBS_BACKEND = "database"


def run_worker(worker_id: str = "test-worker", **options) -> int:
    """``motcua worker --batch`` in this process: runs every ready job, then returns how many it ran."""
    from motcua.core.management.commands.worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
        **options,
    )
    worker.run()
    return worker._run_tasks


def rows(**filters):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(**filters)


def database_url() -> str:
    """The test database, for a child process (PostgreSQL only: the SQLite test database is in memory)."""
    d = connection.settings_dict
    password = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    return f"postgres://{d['USER']}{password}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


def child_env(**extra) -> dict:
    return dict(
        os.environ,
        DATABASE_URL=database_url(),
        DJANGO_SETTINGS_MODULE="motcua.settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        CONN_MAX_AGE="0",
        MOTCUA_JOBS_BACKEND="database",
        MOTCUA_LOG_KEY_FILE=str(django_settings.MOTCUA_LOG_KEY_FILE),
        SECRET_KEY="test",
        **extra,
    )


def start_worker(*args: str, **env) -> subprocess.Popen:
    """``motcua worker`` as a child process on the test database (PostgreSQL)."""
    return subprocess.Popen(
        [sys.executable, "-m", "motcua", "worker", "--no-startup-delay", "--interval", "0.2", *args],
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def use_redis_backend(settings):
    """``MOTCUA_JOBS_BACKEND=redis`` on Redis database 15 (emptied), or the test skipped with the install hint
    where no Redis answers (failed instead when ``MOTCUA_TEST_TOOLS_REQUIRED`` is set, as in CI)."""
    import redis

    conn = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        conn.ping()
    except redis.exceptions.ConnectionError:
        message = f"no Redis at {REDIS_URL} (apt-get install redis-server)"
        if os.environ.get("MOTCUA_TEST_TOOLS_REQUIRED", "") not in ("", "0"):
            pytest.fail(f"{message}; MOTCUA_TEST_TOOLS_REQUIRED is set", pytrace=False)
        pytest.skip(message)
    conn.flushdb()
    settings.TASKS = REDIS_TASKS
    settings.MOTCUA_JOBS_BACKEND = "redis"
    settings.RQ_QUEUES = {name: {"URL": REDIS_URL} for name in QUEUES}
    return conn
