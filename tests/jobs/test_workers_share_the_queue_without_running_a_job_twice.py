"""Several ``motcua worker`` processes on one queue claim jobs with ``SELECT … FOR UPDATE SKIP LOCKED``: three of
them draining 200 jobs run every job exactly once — none twice, none left — and share the work."""

import time

import pytest

from tests.builders.jobs import postgres_only, rows, start_worker
from tests.jobs import probe

pytestmark = pytest.mark.usefixtures("probe_tables")


@postgres_only
def test_three_workers_run_200_jobs_exactly_once():
    from motcua.core import jobs

    jobs.enqueue_many([(probe.record, (f"job-{n:03d}", 0.01), {}) for n in range(200)])
    started = time.monotonic()
    workers = [start_worker("--batch", "--worker-id", f"w{n}") for n in range(3)]
    for worker in workers:
        out, _ = worker.communicate(timeout=90)
        assert worker.returncode == 0, out[-3000:]

    ran = probe.runs()
    assert len(ran) == 200 and len(set(ran)) == 200  # every job once, none twice
    assert len(probe.effects()) == 200
    assert set(rows().values_list("status", flat=True)) == {"SUCCESSFUL"}
    claims = [tuple(ids) for ids in rows().values_list("worker_ids", flat=True)]
    assert all(len(ids) == 1 for ids in claims)  # each claimed by one worker, once
    assert len({ids[0] for ids in claims}) >= 2, "the workers did not overlap: the test proved nothing"
    print(
        f"200 jobs by 3 workers in {time.monotonic() - started:.1f} s:",
        {w: claims.count((w,)) for w in ("w0", "w1", "w2")},
    )
