"""The tracking page's limits (and every count kept in the cache) hold across gunicorn workers: the default cache
is a table of the database (``motcua_cache``, made by ``motcua migrate``), shared by every process and server;
``MOTCUA_CACHE_URL=redis://…`` uses Redis. Each "worker" here is its own Python process, as under gunicorn: the
first counts 5 failed checks of one address, the second 5 more, and the second then finds the address blocked
(10 failures). With a per-process memory cache (the old default) each worker only saw its own 5."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MOTCUA = Path(sys.executable).with_name("motcua")
WORKER = """
import sys
import django
django.setup()
from django.core.cache import cache
from motcua.portal import throttle
address, failures = sys.argv[1], int(sys.argv[2])
for _ in range(failures):
    throttle.record_failure(address, "000.00.02.H56-260309-0001")
print(cache.get(throttle._key("ip", address)) or 0, throttle.is_throttled(address, None))
"""


def production_env(tmp_path, cache_url=None) -> dict:
    """A server's environment: DEBUG off, not under pytest, a SQLite database of its own."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "MOTCUA_CACHE_URL", "DEBUG"}}
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        DJANGO_SETTINGS_MODULE="motcua.settings",
        MOTCUA_DATA_DIR=str(tmp_path),
        SECRET_KEY="test-" + uuid.uuid4().hex,
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
    )
    if cache_url:
        env["MOTCUA_CACHE_URL"] = cache_url
    return env


def worker(env, address, failures) -> tuple[int, bool]:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, address, str(failures)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    count, blocked = done.stdout.split()
    return int(count), blocked == "True"


def two_workers(env) -> list[tuple[int, bool]]:
    address = f"203.0.113.7-{uuid.uuid4().hex[:8]}"  # a fresh key each run (Redis outlives the test)
    return [worker(env, address, 5), worker(env, address, 5)]


def test_the_default_cache_is_the_database_and_migrate_makes_its_table(tmp_path):
    env = production_env(tmp_path)
    migrated = subprocess.run(
        [str(MOTCUA), "migrate", "core", "-v", "0"], env=env, capture_output=True, text=True, timeout=300
    )
    assert migrated.returncode == 0, migrated.stderr
    assert two_workers(env) == [(5, False), (10, True)]


def test_a_per_process_cache_lets_each_worker_count_alone(tmp_path):
    """The fault the default fixes: locmem:// (Django's default) — each worker sees only its own failures."""
    assert two_workers(production_env(tmp_path, "locmem://")) == [(5, False), (5, False)]


def _redis_up() -> str | None:
    try:
        import redis  # noqa: F401
    except ImportError:
        return "redis-py is missing: pip install 'redis==8.1.0'"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return "no Redis at 127.0.0.1:6379 (apt-get install redis-server, or docker run -p 6379:6379 redis)"
    return None


@pytest.mark.skipif(_redis_up() is not None, reason=_redis_up() or "")
def test_redis_is_shared_by_every_worker(tmp_path):
    assert two_workers(production_env(tmp_path, "redis://127.0.0.1:6379/0")) == [(5, False), (10, True)]


@pytest.mark.skipif(_redis_up() is not None, reason=_redis_up() or "")
def test_redis_counts_every_failure_of_simultaneous_workers(tmp_path):
    """Redis counts atomically: 4 workers failing at once, 3 times each, make exactly 12."""
    env = production_env(tmp_path, "redis://127.0.0.1:6379/0")
    address = "198.51.100.1-" + uuid.uuid4().hex[:8]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, address, "3"], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    for proc in procs:
        proc.communicate(timeout=120)
    assert worker(env, address, 0) == (12, True)


def test_a_wrong_cache_address_stops_the_start(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import motcua.settings"],
        env=production_env(tmp_path, "memcached://127.0.0.1:11211"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0 and "MOTCUA_CACHE_URL='memcached://127.0.0.1:11211'" in done.stderr
