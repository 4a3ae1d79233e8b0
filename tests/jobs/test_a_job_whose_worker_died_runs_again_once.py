"""A worker killed in the middle of a job leaves its row RUNNING. Once the job's lease has passed, a worker puts it
back (``jobs.reap``: a failed attempt, retried after the back-off) and the job runs again — its effect, written
idempotently, happens once. A row still within its lease is left alone: its worker may be alive and busy."""

import datetime as dt
import signal
import time

import pytest
from django.utils import timezone

from motcua.core import jobs
from tests.builders.jobs import postgres_only, rows, run_worker, start_worker
from tests.jobs import probe

pytestmark = pytest.mark.usefixtures("probe_tables")


def claimed_by_a_dead_worker(key="r", seconds_ago=0.0, task=probe.record):
    task.enqueue(key)
    row = rows().get()
    row.claim("dead-worker")
    rows().update(started_at=timezone.now() - dt.timedelta(seconds=seconds_ago))
    return rows().get()


def test_a_job_past_its_lease_is_put_back_then_runs_once():
    lease = jobs.policy_of("tests.jobs.probe.record").lease
    claimed_by_a_dead_worker(seconds_ago=lease + 1)

    assert jobs.reap() == 1
    row = rows().get()
    assert row.status == "READY" and row.worker_ids == ["dead-worker"]
    assert row.exception_class_path == "motcua.core.jobs.LostWorker" and "dead-worker" in row.traceback
    assert jobs.reap() == 0  # put back once

    rows().update(run_after=timezone.now())  # its back-off has passed
    assert run_worker() == 1
    row = rows().get()
    assert row.status == "SUCCESSFUL" and row.worker_ids == ["dead-worker", "test-worker"]
    assert probe.runs("r") == ["r"] and probe.effects() == ["r"]


def test_a_job_within_its_lease_is_left_to_its_worker():
    lease = jobs.policy_of("tests.jobs.probe.record").lease
    before = claimed_by_a_dead_worker(seconds_ago=lease - 5)
    assert jobs.reap() == 0
    assert run_worker() == 0
    row = rows().get()
    assert (
        row.status == "RUNNING" and row.started_at == before.started_at and row.worker_ids == ["dead-worker"]
    )


def test_a_lost_job_on_its_last_attempt_fails_for_good():
    row = claimed_by_a_dead_worker(
        key="f", seconds_ago=jobs.policy_of("tests.jobs.probe.flaky").lease + 1, task=probe.flaky
    )
    rows().update(worker_ids=["w1", "w2", "dead-worker"])  # the third of its 3 attempts
    assert jobs.reap() == 1
    row = rows().get()
    assert row.status == "FAILED" and row.finished_at is not None and "LostWorker" in row.traceback


def test_an_idle_worker_puts_lost_jobs_back():
    lease = jobs.policy_of("tests.jobs.probe.record").lease
    claimed_by_a_dead_worker(seconds_ago=lease + 1)
    assert run_worker() == 0  # nothing ready: it only looked for lost jobs
    assert rows().get().status == "READY"


# --- the real thing: a worker process killed with SIGKILL (PostgreSQL: the child processes share the database) ---


def wait_for(condition, timeout: float, what: str, *processes):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        for process in processes:
            if process.poll() is not None:
                pytest.fail(
                    f"a worker exited ({process.returncode}) while waiting for {what}: {process.stdout.read()}"
                )
        time.sleep(0.1)
    pytest.fail(f"no {what} within {timeout} s")


@postgres_only
def test_a_killed_worker_process_loses_no_job():
    probe.stalls_first_time.enqueue("k", 60)
    short = {"MOTCUA_JOB_LEASE_SECONDS": "5", "MOTCUA_JOB_BACKOFF_SECONDS": "1"}
    started = time.monotonic()

    first = start_worker("--worker-id", "first", **short)
    try:
        wait_for(lambda: probe.runs("k"), 60, "start of the job", first)
        first.send_signal(signal.SIGKILL)  # in the middle of the job, after its effect
        first.wait(10)
    finally:
        first.kill()
    row = rows().get()
    assert row.status == "RUNNING" and row.worker_ids == ["first"]

    second = start_worker("--worker-id", "second", **short)
    try:
        wait_for(lambda: rows(status="SUCCESSFUL").exists(), 60, "second run of the job", second)
    finally:
        second.terminate()  # SIGTERM: stops between jobs
        second.wait(10)
    assert second.returncode == 0

    row = rows().get()
    assert row.status == "SUCCESSFUL" and row.worker_ids == ["first", "second"]
    assert probe.runs("k") == ["k", "k"]  # it ran twice …
    assert probe.effects() == ["k"]  # … and had its effect once
    print(
        f"killed, put back and run again in {time.monotonic() - started:.1f} s (two worker start-ups included)"
    )
