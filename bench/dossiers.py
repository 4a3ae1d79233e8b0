"""Benchmark of dossiers (issue 5): generation of N realistic dossiers, then the dossier API over HTTP.

Run: ``.venv/bin/python bench/dossiers.py [--count N] [--year Y] [--keep]``. Uses a fresh database: with
``DATABASE_URL=postgres://…`` the database ``motcua_bench_dossiers`` on that server (dropped and created), else a
temporary SQLite file (``--db-name``, ``--port`` to run beside another bench). Steps: migrate, seed_demo,
``generate_dossiers`` (timed), then the site as in production — gunicorn with 2 workers on 127.0.0.1:8090 and one
``motcua worker`` beside it running the deferred work (receipts, roll-up, notifications) off the request path, with
the database jobs backend — and, from a few client threads over loopback, bounded loops of:

(a) counter intake ``POST /api/v1/dossiers``, one dossier per request (token of the demo counter officer ``tn.an``);
(a′) the same intakes in batches ``POST /api/v1/dossiers/batch`` (100 per request, an integrator's way) — target
     ≥ 200 dossiers/s;
(b) the dossier list of one unit ``GET /api/v1/dossiers?unit=…`` — target p50 ≤ 50 ms;
(c) dossier detail ``GET /api/v1/dossiers/{code}`` — target p50 ≤ 30 ms.

After (a) and after (a′) the bench waits until the worker has drained the jobs those intakes made, and prints how
long after the last request that took and the jobs per second from the first request to the drain: an intake rate
bought by work left undone would show there.

Prints a table; exits 1 if a target is missed.
"""

import argparse
import http.client
import io
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import percentile, prepare_database  # noqa: E402  (after the path is set)

BENCH_DB = "motcua_bench_dossiers"
HOST, PORT = "127.0.0.1", 8090  # PORT: --port
INTAKE_TARGET, LIST_TARGET_MS, DETAIL_TARGET_MS = 200.0, 50.0, 30.0
CENTRE = "000.00.02.H56"


def request(method: str, path: str, token: str, body: dict | None = None) -> tuple[int, float, bytes]:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = http.client.HTTPConnection(HOST, _port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    try:
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        data = response.read()
    except (http.client.HTTPException, OSError):
        conn.close()
        _local.conn = None
        raise
    return response.status, (time.perf_counter() - started) * 1000, data


_local = threading.local()
_port = PORT


def drain(started: float, since, seconds: float = 1800) -> tuple[int, float, float]:
    """Wait until no job enqueued since ``since`` (a database time) is waiting or running; returns (the number of
    those jobs, seconds from the last request to the drain, jobs per second from ``started`` to the drain)."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from motcua.core import jobs

    ended = time.perf_counter()
    deadline = time.monotonic() + seconds
    while jobs.pending().filter(enqueued_at__gte=since).exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"jobs not drained after {seconds:.0f} s")
        time.sleep(0.2)
    done = time.perf_counter()
    count = DBTaskResult.objects.filter(enqueued_at__gte=since).count()
    connection.close()
    return count, done - ended, count / (done - started)


def database_now():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT CURRENT_TIMESTAMP")
        now = cursor.fetchone()[0]
    connection.close()
    return now


def run_threads(threads: int, work) -> tuple[list, float]:
    results: list = []
    lock = threading.Lock()

    def worker(n):
        out = work(n)
        with lock:
            results.extend(out)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return results, time.perf_counter() - started


def wait_for_server(token: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, _, _ = request("GET", "/api/v1/dossiers?limit=1", token)
            if status < 500:
                return
        except OSError:
            _local.conn = None
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer on %s:%d" % (HOST, _port))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--intakes", type=int, default=600, help="timed POST /api/v1/dossiers")
    parser.add_argument("--batches", type=int, default=24, help="timed POST /api/v1/dossiers/batch")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--reads", type=int, default=300, help="timed list and detail requests, each")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--db-name", default=BENCH_DB, help="PostgreSQL: the bench's database (dropped, created)"
    )
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="PostgreSQL: measure the database kept by an earlier --keep run (no setup, no generation)",
    )
    args = parser.parse_args()

    global _port
    _port = args.port
    label, cleanup = prepare_database(args.db_name, reuse=args.reuse)
    os.environ["DJANGO_SETTINGS_MODULE"] = "motcua.settings"
    os.environ["MOTCUA_JOBS_BACKEND"] = "database"  # as in production: the outbox, run by `motcua worker`
    os.environ.setdefault("MOTCUA_LOG_KEY_CREATE", "true")  # a throwaway process-log key in the data folder
    # the server and the worker run this checkout's code, whatever the virtualenv's install points at
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-data-"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from motcua.catalog.models import ProcedureAssignment
    from motcua.demo.generator import generate
    from motcua.dossiers.models import Dossier

    print(f"Database: {label}; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}", file=sys.stderr)  # fmt: skip
    server = jobs_worker = None
    try:
        t0 = time.monotonic()
        call_command("migrate", verbosity=0)
        reused = args.reuse and Dossier.objects.exists()
        if not reused:
            call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        setup_s = time.monotonic() - t0
        if reused:
            report = None
            print(f"reusing {Dossier.objects.count():,} dossiers", file=sys.stderr)
        else:
            report = generate(args.count, args.year, progress=sys.stderr)
            print(f"generated {report.count:,} in {report.seconds:.1f} s ({report.rate:,.0f}/s); "
                  f"{report.by_status}", file=sys.stderr)  # fmt: skip
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        out = io.StringIO()
        call_command("create_api_token", "tn.an", name="bench", stdout=out, stderr=io.StringIO())
        token = out.getvalue().strip()
        procedure = (
            ProcedureAssignment.objects.filter(agency__identifier=CENTRE, role="receives")
            .order_by("procedure__code")
            .values_list("procedure__code", flat=True)
        )
        codes = list(
            Dossier.objects.filter(receiving_agency__identifier=CENTRE, code__isnull=False)
            .order_by("?" if args.count <= 50_000 else "id")
            .values_list("code", flat=True)[:50_000]
        )
        random.Random(1).shuffle(codes)
        connection.close()

        env = dict(
            os.environ, GUNICORN_BIND=f"{HOST}:{_port}", GUNICORN_WORKERS="2", GUNICORN_ACCESSLOG="/dev/null"
        )
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "-c", "python:motcua.gunicorn_conf"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        jobs_worker = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/python"),
                "-m",
                "motcua",
                "worker",
                "--no-startup-delay",
                "--interval",
                "0.2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_server(token)

        # (a) intake: the first procedure that works for a plain counter intake, then a bounded timed loop
        candidates = list(procedure)
        chosen, problems = None, []
        for code in candidates:
            status, _, body = request("POST", "/api/v1/dossiers", token, intake_body(code, 0))
            if status == 201:
                chosen = code
                break
            problems.append(f"{code}: {status} {body[:160]!r}")
        if chosen is None:
            raise RuntimeError("no procedure accepted at the counter: " + "; ".join(problems[:3]))
        for n in range(20):  # warm both workers
            request("POST", "/api/v1/dossiers", token, intake_body(chosen, 900_000 + n))
        per = args.intakes // args.threads

        def intake(n):
            out = []
            for i in range(per):
                status, ms, body = request(
                    "POST", "/api/v1/dossiers", token, intake_body(chosen, n * 100_000 + i + 1)
                )
                out.append((status, ms))
            return out

        since, started = database_now(), time.perf_counter()
        results, elapsed = run_threads(args.threads, intake)
        intake_jobs = drain(started, since)
        failed = [s for s, _ in results if s != 201]
        intake_rate = (len(results) - len(failed)) / elapsed
        intake_ms = [ms for _, ms in results]

        # (a′) the same intakes in batches
        per_batches = args.batches // args.threads

        def batches(n):
            out = []
            for i in range(per_batches):
                first = 5_000_000 + (n * per_batches + i) * args.batch_size
                body = {"items": [intake_body(chosen, first + k) for k in range(args.batch_size)]}
                status, ms, _ = request("POST", "/api/v1/dossiers/batch", token, body)
                out.append((status, ms))
            return out

        request("POST", "/api/v1/dossiers/batch", token, {"items": [intake_body(chosen, 4_999_999)]})  # warm
        since, started = database_now(), time.perf_counter()
        batch_results, batch_elapsed = run_threads(args.threads, batches)
        batch_jobs = drain(started, since)
        batch_failed = [s for s, _ in batch_results if s != 201]
        batch_rate = (len(batch_results) - len(batch_failed)) * args.batch_size / batch_elapsed
        batch_ms = [ms for _, ms in batch_results]

        # (b) list of one unit, (c) detail
        def reads(path_for):
            def work(n):
                out = []
                for i in range(args.reads // 2):
                    status, ms, _ = request("GET", path_for(n, i), token)
                    out.append((status, ms))
                return out

            return work

        units = [CENTRE]
        run_threads(2, reads(lambda n, i: f"/api/v1/dossiers?unit={units[0]}"))  # warm
        listing, _ = run_threads(2, reads(lambda n, i: f"/api/v1/dossiers?unit={units[0]}"))
        detail, _ = run_threads(
            2, reads(lambda n, i: f"/api/v1/dossiers/{codes[(n * 7919 + i) % len(codes)]}")
        )
        list_ms = [ms for _, ms in listing]
        detail_ms = [ms for _, ms in detail]
        bad_reads = [s for s, _ in listing + detail if s != 200]
    finally:
        for process in (server, jobs_worker):
            if process is not None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
        if not args.keep:
            cleanup()

    rows = [
        ("setup (migrate + seed_demo)", f"{setup_s:.1f} s", "—", True),
        (
            f"generate {report.count:,} dossiers" if report else "generate (reused database)",
            f"{report.seconds:.1f} s = {report.rate:,.0f}/s" if report else "—",
            "—",
            True,
        ),
        (
            f"(a) POST /api/v1/dossiers, one per request ({len(results)} from {args.threads} threads)",
            f"{intake_rate:,.0f}/s (p50 {statistics.median(intake_ms):.1f} ms, p95 {percentile(intake_ms, 0.95):.1f} "
            f"ms, p99 {percentile(intake_ms, 0.99):.1f} ms, {len(failed)} errors)",
            "—",
            not failed,
        ),
        (
            "(a) its jobs, run by one `motcua worker`",
            f"{intake_jobs[0]:,} jobs drained {intake_jobs[1]:.1f} s after the last request; "
            f"{intake_jobs[2]:,.0f} jobs/s from the first request",
            "—",
            True,
        ),
        (
            f"(a′) POST /api/v1/dossiers/batch ({len(batch_results)} × {args.batch_size} from {args.threads} "
            "threads)",
            f"{batch_rate:,.0f}/s (p50 {statistics.median(batch_ms):.0f} ms, p95 {percentile(batch_ms, 0.95):.0f} ms "
            f"per batch, {len(batch_failed)} errors)",
            f"≥ {INTAKE_TARGET:.0f}/s",
            batch_rate >= INTAKE_TARGET and not batch_failed,
        ),
        (
            "(a′) its jobs, run by one `motcua worker`",
            f"{batch_jobs[0]:,} jobs drained {batch_jobs[1]:.1f} s after the last request; "
            f"{batch_jobs[2]:,.0f} jobs/s from the first request",
            "—",
            True,
        ),
        (
            f"(b) GET /api/v1/dossiers?unit={CENTRE}",
            f"p50 {statistics.median(list_ms):.1f} ms, p95 {percentile(list_ms, 0.95):.1f} ms",
            f"p50 ≤ {LIST_TARGET_MS:.0f} ms",
            statistics.median(list_ms) <= LIST_TARGET_MS and not bad_reads,
        ),
        (
            "(c) GET /api/v1/dossiers/{code}",
            f"p50 {statistics.median(detail_ms):.1f} ms, p95 {percentile(detail_ms, 0.95):.1f} ms",
            f"p50 ≤ {DETAIL_TARGET_MS:.0f} ms",
            statistics.median(detail_ms) <= DETAIL_TARGET_MS and not bad_reads,
        ),
    ]
    print(f"\n{label}; procedure used for intake: {chosen}; non-200 reads: {len(bad_reads)}")
    print("| measure | result | target | ok |\n|---|---:|---:|:-:|")
    for name, value, target, ok in rows:
        print(f"| {name} | {value} | {target} | {'✓' if ok else '✗'} |")
    return 0 if all(ok for *_, ok in rows) else 1


def intake_body(procedure_code: str, n: int) -> dict:
    rng = random.Random(n)
    year = rng.randint(1950, 2005)
    return {
        "procedure_code": procedure_code,
        "receiving_agency": CENTRE,
        "applicant": {
            "name": rng.choice(["Nguyễn Văn An", "Lê Thị Hoa", "Trịnh Xuân Bình", "Phạm Thu Trang"]),
            # TT 59/2021: province (038 Thanh Hóa), century and sex (0/1: 1900s, 2/3: 2000s), year, 6 digits
            "id_number": f"038{(year >= 2000) * 2 + rng.randrange(2)}{year % 100:02d}{rng.randrange(10**6):06d}",
            "phone": f"09{rng.randrange(10**8):08d}",
        },
        "decision": "accept",
    }


if __name__ == "__main__":
    sys.exit(main())
