"""Faults do not lose committed work (issue 18). The site runs as in production — gunicorn with two workers, the
database jobs backend, ``motcua worker`` — on the test's PostgreSQL database:

- under a bounded intake load, the web workers are killed (SIGKILL; the master starts new ones) and the database
  connections dropped (``pg_terminate_backend``); afterwards every dossier whose request was answered 201 — and in
  fact every dossier that committed — has its process-log entry, its receipt and its share of the roll-up, once
  the worker has drained the jobs, and none is left failed;
- the worker is killed mid-job while it drains the jobs of 100 intakes: once the job's lease has passed, a new
  worker runs it again, and every receipt is issued exactly once, every dossier counted once.

The roll-up the jobs kept is checked against the raw computation from the dossiers, in the test and with
``motcua rebuild_report_rollups --check`` (the comparison of ``--verify`` without its rebuild).
PostgreSQL only: the processes share the test database, which SQLite keeps in memory."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from motcua.core import jobs
from motcua.core.tokens import create_token
from motcua.documents.models import IssuedForm
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.reports.models import DossierFact
from motcua.reports.services import measures, raw
from tests.builders.dossiers import INTAKE, request_for

LEASE = 5  # seconds: the shortest lease the settings accept
ROOT = Path(__file__).resolve().parents[2]
SRC = Path(__import__("motcua").__file__).resolve().parents[1]  # the code under test, not the venv's install

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the processes share a PostgreSQL database"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    d = connection.settings_dict
    password = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    return f"postgres://{d['USER']}{password}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


@pytest.fixture
def site_env(tmp_path):
    """The environment of the site's processes: production settings (not the test suite's), the database jobs
    backend, short back-off and lease so that retries happen within the test."""
    env = {
        k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"
    }  # the settings would take it for a test
    env.update(
        DATABASE_URL=_database_url(),
        DJANGO_SETTINGS_MODULE="motcua.settings",
        PYTHONPATH=os.pathsep.join([str(SRC), str(ROOT)]),
        SECRET_KEY="fault-test-" + os.urandom(16).hex(),
        MOTCUA_DATA_DIR=str(tmp_path / "data"),
        MOTCUA_LOG_KEY_FILE=str(django_settings.MOTCUA_LOG_KEY_FILE),  # the session's process-log key
        MOTCUA_LOG_ANCHOR_DIR=str(tmp_path / "anchors"),
        MOTCUA_JOBS_BACKEND="database",
        MOTCUA_JOB_BACKOFF_SECONDS="1",
        MOTCUA_JOB_LEASE_SECONDS=str(LEASE),
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESSLOG="/dev/null",
    )
    return env


def motcua(env, *args) -> list[str]:
    return [str(ROOT / ".venv/bin/python"), "-m", "motcua", *args]


@contextmanager
def gunicorn(env, token: str):
    """gunicorn serving the site on a free port; yields (master process, port)."""
    port = _free_port()
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/python"), "-m", "gunicorn", "-c", "python:motcua.gunicorn_conf"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _call(port, token, "GET", "/api/v1/dossiers?limit=1")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, process.stderr.read().decode()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not answer"
            time.sleep(0.3)
        yield process, port
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (gunicorn's master and workers, or the worker), SIGKILL if it lingers."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _call(port, token, method, path, body=None, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json", "Accept-Language": "vi"}
    payload = None
    if body is not None:
        payload, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    try:
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def web_workers(master: subprocess.Popen) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


def intake_body(n: int) -> dict:
    return {
        **INTAKE,
        "applicant": {**INTAKE["applicant"], "id_number": f"0381900{n:05d}"},
        "decision": "accept",
    }


def drop_database_connections() -> int:
    """Every other connection to the test database is terminated (the site's, the worker's)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


@contextmanager
def worker(env):
    process = subprocess.Popen(
        motcua(env, "worker", "--no-startup-delay", "--interval", "0.2"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        stop(process)


def drained(env, seconds: float = 180) -> None:
    """A worker runs until no job is waiting or running (a few seconds on a quiet machine; the deadline is for a
    loaded one)."""
    started, count = time.monotonic(), jobs.pending().count()
    with worker(env) as process:
        deadline = time.monotonic() + seconds
        while jobs.pending().exists():
            assert process.poll() is None, "the worker stopped"
            assert time.monotonic() < deadline, f"jobs still pending: {jobs.pending().count()}"
            time.sleep(0.3)
    print(f"drained {count} jobs in {time.monotonic() - started:.1f} s")


def assert_every_dossier_complete(codes: set[str]) -> None:
    """Every dossier (and so every one answered 201) has its receive entry, exactly one receipt for it, its facts;
    the roll-up equals the raw computation; no job failed or is left."""
    dossiers = dict(Dossier.objects.values_list("code", "pk"))
    assert codes <= dossiers.keys()
    receive = dict(ProcessLogEntry.objects.filter(action="receive").values_list("dossier_id", "pk"))
    assert set(receive) == set(dossiers.values())
    receipts = list(
        IssuedForm.objects.filter(entry_id__in=receive.values()).values_list("entry_id", flat=True)
    )
    assert sorted(receipts) == sorted(receive.values())  # one receipt per receive entry, none twice
    assert DossierFact.objects.filter(dossier_id__in=dossiers.values()).count() == len(dossiers)
    day = timezone.localdate()
    got = {
        k: v
        for k, v in measures.query(day, day, group_by=("handling_id", "field_id")).items()
        if any(v.values())
    }
    expected = raw.query(day, day)
    assert got == expected
    assert sum(f.received for f in got.values()) == len(dossiers)
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
    assert not jobs.pending().exists()


def check_command(env) -> None:
    done = subprocess.run(
        motcua(env, "rebuild_report_rollups", "--check"), env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_intake_under_load_survives_killed_web_workers_and_dropped_connections(procedure, officers, site_env):
    _token, key = create_token(officers["counter"], "fault")
    answered: list[tuple[int, str | None]] = []
    errors: list[str] = []
    lock = threading.Lock()
    threads, per_thread = 3, 40

    with gunicorn(site_env, key) as (master, port):

        def load(n: int) -> None:
            conn = None
            for i in range(per_thread):
                try:
                    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    status, body = _call(
                        port, key, "POST", "/api/v1/dossiers", intake_body(n * 1000 + i), conn
                    )
                    code = json.loads(body).get("code") if status == 201 else None
                    with lock:
                        answered.append((status, code))
                except (OSError, http.client.HTTPException) as exc:  # the worker serving it was killed
                    with lock:
                        errors.append(type(exc).__name__)
                    if conn is not None:
                        conn.close()
                    conn = None

        started = time.monotonic()
        pool = [threading.Thread(target=load, args=(n,)) for n in range(threads)]
        for t in pool:
            t.start()
        faults = [(15, "kill"), (35, "drop"), (60, "kill"), (85, "drop")]
        killed = dropped = 0
        while any(t.is_alive() for t in pool):
            done = len(answered) + len(errors)
            if faults and done >= faults[0][0]:
                _at, fault = faults.pop(0)
                if fault == "kill":
                    for pid in web_workers(master):
                        os.kill(pid, signal.SIGKILL)
                        killed += 1
                else:
                    dropped += drop_database_connections()
            time.sleep(0.02)
        for t in pool:
            t.join()
        assert master.poll() is None  # the master carried on with new workers

    codes = {code for status, code in answered if status == 201}
    statuses = sorted({status for status, _ in answered})
    print(f"{threads * per_thread} intakes in {time.monotonic() - started:.1f} s; 201: {len(codes)}, statuses {statuses}, connection errors {len(errors)}; "
          f"killed {killed} web workers, dropped {dropped} connections")  # fmt: skip
    assert killed >= 2 and dropped >= 1
    assert len(codes) >= threads * per_thread // 2  # the site kept serving between the faults
    assert set(statuses) <= {201, 503}  # a request cut by a lost connection answers 503, never a 500
    assert jobs.pending().exists()  # the deferred work is waiting in the outbox

    drained(site_env)
    assert_every_dossier_complete(codes)
    check_command(site_env)


def test_a_worker_killed_mid_job_leaves_each_receipt_issued_once(procedure, officers, site_env, settings):
    settings.MOTCUA_JOBS_BACKEND = "database"
    settings.TASKS = {
        "default": {"BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend", "QUEUES": list(jobs.QUEUES)}
    }
    from motcua.dossiers.services.intake import ApplicantData, receive_at_counter

    for n in range(100):
        applicant = ApplicantData(name="Trần Thị Bình", id_number=f"0381900{n:05d}", phone="0912345678")
        receive_at_counter(request_for(applicant=applicant), officers["counter"], at=timezone.now())
    total = jobs.pending().count()
    assert total >= 100
    chance = random.Random()
    kills = 0
    for _round in range(2):
        with worker(site_env) as process:
            # kill at a random moment while a job is running
            time.sleep(chance.uniform(0.2, 1.5))
            deadline = time.monotonic() + 20
            while not DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists():
                assert time.monotonic() < deadline and jobs.pending().exists(), "no job ran"
                time.sleep(0.01)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            kills += 1
        time.sleep(0.2)
        left_running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        assert left_running.exists(), "the killed worker's job is left running until its lease passes"
        time.sleep(LEASE + 0.5)  # MOTCUA_JOB_LEASE_SECONDS: then any worker puts it back
    drained(site_env)
    run_again = [
        row
        for row in DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
        if len(row.worker_ids) >= 2
    ]
    assert run_again, "the jobs of the killed workers ran again"
    assert_every_dossier_complete(set(Dossier.objects.values_list("code", flat=True)))
    check_command(site_env)
