"""Where one counter intake through the API spends its time (issue 18): the request's own transaction versus the
work done after its commit (the receipt's issuance, the statistics' roll-up refresh, notifications).

Run against the database kept by ``bench/dossiers.py --keep`` (with the same ``MOTCUA_DATA_DIR``, whose key file
signs the process log)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench_dossiers \\
        .venv/bin/python bench/intake_profile.py [--requests 200] [--profile 100]

Each request is ``POST /api/v1/dossiers`` (one dossier, ``decision: accept``, the demo counter officer ``tn.an``)
through the whole Django stack in process (middleware, token, view, commit, after-commit receivers; no network,
no gunicorn). Prints the wall time per phase (p50, mean, share of the request) and the SQL statements and their
time per phase; with ``--profile N``, a cProfile of N more requests (the functions of motcua by cumulative time).
Every request writes a real dossier to the database.
"""

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import percentile  # noqa: E402  (after the path is set; sets the bench's environment)

PHASES = ("after_commit", "issuance", "rollup")


class Meter:
    """Wall time and SQL statements per phase of the request being measured (phases may nest: the issuance and the
    roll-up run inside the after-commit phase)."""

    def __init__(self):
        self.stack: list[str] = ["request"]
        self.wall: dict[str, float] = defaultdict(float)
        self.sql: dict[str, int] = defaultdict(int)
        self.sql_ms: dict[str, float] = defaultdict(float)

    @contextlib.contextmanager
    def phase(self, name: str):
        self.stack.append(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.wall[name] += (time.perf_counter() - started) * 1000
            self.stack.pop()

    def execute(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ms = (time.perf_counter() - started) * 1000
            for name in set(self.stack):
                self.sql[name] += 1
                self.sql_ms[name] += ms


def timed(meter_ref, module, attribute: str, phase: str):
    original = getattr(module, attribute)

    def wrapper(*args, **kwargs):
        meter = meter_ref[0]
        if meter is None:
            return original(*args, **kwargs)
        with meter.phase(phase):
            return original(*args, **kwargs)

    setattr(module, attribute, wrapper)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests")
    parser.add_argument("--warm", type=int, default=20, help="requests before the timed ones")
    parser.add_argument("--profile", type=int, default=0, help="requests profiled with cProfile afterwards")
    parser.add_argument("--first", type=int, default=7_000_000, help="seed of the first applicant generated")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "motcua.settings"
    os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-data-"))
    import django

    django.setup()
    from bench.dossiers import CENTRE, intake_body
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from motcua.catalog.models import ProcedureAssignment
    from motcua.documents.services import issuance
    from motcua.dossiers.models import Dossier
    from motcua.dossiers.services import transitions
    from motcua.reports.services import rollup

    out = io.StringIO()
    call_command("create_api_token", "tn.an", name="bench-profile", stdout=out, stderr=io.StringIO())
    token = out.getvalue().strip()
    client = Client(
        HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT="application/json"
    )
    meter_ref = [None]
    # looked up at call time: transitions' on_commit lambda calls the module's _send, the receivers call
    # issuance.issue_for_entries and rollup.refresh through their modules
    timed(meter_ref, transitions, "_send", "after_commit")
    timed(meter_ref, issuance, "issue_for_entries", "issuance")
    timed(meter_ref, rollup, "refresh", "rollup")

    seed = iter(range(args.first, args.first + 10_000_000))

    def post(code: str):
        return client.post(
            "/api/v1/dossiers", json.dumps(intake_body(code, next(seed))), content_type="application/json"
        )

    chosen = None
    for code in (
        ProcedureAssignment.objects.filter(agency__identifier=CENTRE, role="receives")
        .order_by("procedure__code")
        .values_list("procedure__code", flat=True)
    ):
        if post(code).status_code == 201:
            chosen = code
            break
    if chosen is None:
        raise RuntimeError("no procedure accepted at the counter")
    for _ in range(args.warm):
        post(chosen)

    meters, totals, statuses = [], [], defaultdict(int)
    for _ in range(args.requests):
        meter = meter_ref[0] = Meter()
        with connection.execute_wrapper(meter.execute):
            started = time.perf_counter()
            response = post(chosen)
            totals.append((time.perf_counter() - started) * 1000)
        statuses[response.status_code] += 1
        meters.append(meter)
    meter_ref[0] = None

    def summary(values):
        return (
            f"p50 {statistics.median(values):.1f} ms, p95 {percentile(values, 0.95):.1f} ms, "
            f"mean {statistics.fmean(values):.1f} ms"
        )

    mean_total = statistics.fmean(totals)
    print(
        f"{Dossier.objects.count():,} dossiers; procedure {chosen}; {args.requests} requests in process "
        f"(statuses {dict(statuses)})"
    )
    print("| phase | wall | share of the request (mean) | SQL statements (mean) | SQL time (mean) |")
    print("|---|---:|---:|---:|---:|")
    rows = [("whole request", totals, "request")]
    rows += [(name, [m.wall[name] for m in meters], name) for name in PHASES]
    rows.append(
        (
            "request − after-commit",
            [t - m.wall["after_commit"] for t, m in zip(totals, meters, strict=True)],
            None,
        )
    )
    for label, values, key in rows:
        sql = statistics.fmean(m.sql[key] for m in meters) if key else None
        sql_ms = statistics.fmean(m.sql_ms[key] for m in meters) if key else None
        sql_text = "—" if key is None else f"{sql:.1f}"
        sql_ms_text = "—" if key is None else f"{sql_ms:.1f} ms"
        share = statistics.fmean(values) / mean_total * 100
        print(f"| {label} | {summary(values)} | {share:.0f} % | {sql_text} | {sql_ms_text} |")
    before = [t - m.wall["after_commit"] for t, m in zip(totals, meters, strict=True)]
    print(
        f"\none per request, one client, no network: {1000 / mean_total:.1f}/s today; "
        f"{1000 / statistics.fmean(before):.1f}/s with the after-commit work off the request's path"
    )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.profile):
            post(chosen)
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream).sort_stats("cumulative")
        stats.print_stats(r"motcua/", 45)
        print(f"\ncProfile of {args.profile} requests (motcua's functions, cumulative):")
        print(stream.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
