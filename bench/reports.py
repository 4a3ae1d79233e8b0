"""Benchmark of the reports (issue 10) on the database of ``bench/dossiers.py``.

Run: ``DATABASE_URL=postgres://…/motcua .venv/bin/python bench/reports.py`` (it reuses the kept database
``motcua_bench_dossiers`` — a million generated dossiers —; with no such database it migrates, seeds and
generates ``--count`` dossiers first). Steps:

1. migrate (adds the reports' tables), then rebuild the roll-up from the dossier tables (timed: the kept dossiers
   were generated before the roll-up existed);
2. check the roll-up against the raw computation from the dossiers for the province-year (timed: what a report
   without the roll-up would cost);
3. in process: Biểu 06 of the province for the year (target ≤ 1 s), of one Sở, the dashboard's data, and the
   refresh of one dossier after a transition;
4. over HTTP, gunicorn with 2 workers on 127.0.0.1:8092, signed in as the province's TTHC controller, from 2 client
   threads: the dashboard of the province for the year (target ≤ 300 ms), Biểu 06 on screen, as .xlsx and through
   the API, the public page and its CSV.

Prints a table; exits 1 if a target is missed.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import Server, dossier_database, percentile  # noqa: E402
from bench.workspace import session_cookie  # noqa: E402

BENCH_DB = "motcua_bench_dossiers"
HOST, PORT = "127.0.0.1", 8092
BIEU06_TARGET_S, DASHBOARD_TARGET_MS = 1.0, 300.0
PROVINCE, JUSTICE = "000.00.00.H56", "000.00.03.H56"


def timed(function, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1_000_000, help="dossiers to generate if none are kept")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=20, help="timed in-process runs per measure")
    parser.add_argument("--reads", type=int, default=100, help="timed requests per HTTP measure")
    parser.add_argument("--no-raw", action="store_true", help="skip the check against the raw computation")
    args = parser.parse_args()

    label = dossier_database(BENCH_DB, args.count, args.year)
    from django.db import connection

    from motcua.dossiers.models import Dossier
    from motcua.reports.services import bieu06, dashboard, measures, raw, rollup
    from motcua.reports.services.periods import build
    from motcua.reports.services.units import Registry

    total = Dossier.objects.count()
    print(f"Database: {label}, {total:,} dossiers; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}", file=sys.stderr)  # fmt: skip
    rows = []

    # 1. the roll-up from scratch
    built = rollup.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE reports_dossierfact, reports_pausefact, reports_dailycount")
    rows.append(("rebuild the roll-up from the dossier tables (`rebuild_report_rollups`)",
                 f"{built.seconds:.1f} s: {built.facts:,} facts, {built.pauses:,} pauses → {built.daily_rows:,} daily rows",
                 "—", True))  # fmt: skip

    year = build("year", year=args.year)
    registry = Registry.load()
    province = next(u for u in registry.units.values() if u.identifier == PROVINCE and u.valid_to is None)
    justice = next(u for u in registry.units.values() if u.identifier == JUSTICE and u.valid_to is None)
    through = year.through(registry.on)

    # 2. equal to the raw computation (and what computing from the dossiers costs)
    if not args.no_raw:
        started = time.perf_counter()
        expected = raw.query(year.start, through)
        raw_s = time.perf_counter() - started
        got = {
            k: v for k, v in measures.query(year.start, through, group_by=("handling_id", "field_id")).items() if any(v.values())
        }  # fmt: skip
        rows.append(("raw computation from the dossiers, province-year (reference)",
                     f"{raw_s:.1f} s; roll-up {'equal' if got == expected else 'DIFFERENT'} ({len(expected)} groups)",
                     "equal", got == expected))  # fmt: skip

    # 3. in process
    registry_ms, _ = timed(Registry.load, args.runs)
    times, report = timed(lambda: bieu06.build(province, year, registry=Registry.load()), args.runs)
    c = report.total.values
    rows.append(("Biểu 06, province, year (in process, registry included)",
                 f"p50 {statistics.median(times):.0f} ms, max {max(times):.0f} ms (c3 = {c[3]:,}, c7 = {c[7]:,}, c11 = {c[11]:,})",
                 f"≤ {BIEU06_TARGET_S * 1000:.0f} ms", max(times) <= BIEU06_TARGET_S * 1000))  # fmt: skip
    nd09 = build("year", window="nd09", year=args.year)
    times, _ = timed(
        lambda: bieu06.build(province, nd09, mapping="today", registry=Registry.load()), args.runs
    )
    rows.append(("Biểu 06, province, ND 09 year, re-mapped to today's units",
                 f"p50 {statistics.median(times):.0f} ms, max {max(times):.0f} ms", "—", True))  # fmt: skip
    times, _ = timed(lambda: bieu06.build(justice, year, registry=Registry.load()), args.runs)
    rows.append(("Biểu 06, Sở Tư pháp, year", f"p50 {statistics.median(times):.0f} ms", "—", True))
    times, _ = timed(lambda: dashboard.build(province, year, registry=Registry.load()), args.runs)
    rows.append(("dashboard data, province, year (in process)",
                 f"p50 {statistics.median(times):.0f} ms, max {max(times):.0f} ms", "—", True))  # fmt: skip
    top = Dossier.objects.order_by("-pk").values_list("pk", flat=True).first()
    rng = random.Random(3)
    ids = list(
        Dossier.objects.filter(pk__in=[rng.randint(1, top) for _ in range(400)]).values_list("pk", flat=True)
    )
    ids = ids[:200]
    times, _ = timed(lambda: rollup.refresh([ids.pop()]), len(ids))
    rows.append((f"refresh of one dossier after a transition ({len(times)} dossiers)",
                 f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms", "—", True))  # fmt: skip
    print(f"(registry load: p50 {statistics.median(registry_ms):.1f} ms)", file=sys.stderr)

    # 4. over HTTP
    cookie = session_cookie("kiemsoat.tthc")
    connection.close()
    with Server(ROOT, HOST, PORT, "/cong-khai/", {"Cookie": cookie}) as server:

        def measure(paths, cookie):
            return server.measure([("GET", path, {"Cookie": cookie}, None, 200) for path in paths])

        unit = f"don_vi={province.pk}"
        dash = f"/bao-cao/tong-quan/?{unit}&ky=nam&nam={args.year}"
        page = f"/bao-cao/?{unit}&ky=nam&nam={args.year}"
        measure([dash, page] * 10, cookie)  # warm both workers
        n = args.reads
        plan = [
            ("dashboard, province, year (HTTP)", [dash] * n, DASHBOARD_TARGET_MS),
            ("Biểu 06 page, province, year (HTTP)", [page] * n, BIEU06_TARGET_S * 1000),
            ("Biểu 06 .xlsx, province, year", [f"/bao-cao/bieu-06.xlsx?{unit}&ky=nam&nam={args.year}"] * (n // 4), None),
            ("Biểu 06 .pdf, province, year", [f"/bao-cao/bieu-06.pdf?{unit}&ky=nam&nam={args.year}"] * (n // 4), None),
            ("API /api/v1/reports/bieu06, province, year", [f"/api/v1/reports/bieu06?unit={PROVINCE}&period={args.year}"] * n, None),
            ("overdue list, province, year", [f"/bao-cao/qua-han/?{unit}&ky=nam&nam={args.year}"] * (n // 4), None),
            ("public page /cong-khai/ (year)", ["/cong-khai/"] * n, None),
            ("open data /cong-khai/du-lieu.csv", ["/cong-khai/du-lieu.csv"] * n, None),
        ]  # fmt: skip
        for name, paths, target in plan:
            times, bad = measure(paths, cookie)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            ok = not bad and (target is None or p50 <= target)
            rows.append((name, f"p50 {p50:.0f} ms, p95 {p95:.0f} ms ({len(times)} requests)" + (f" non-200: {sorted(set(bad))}" if bad else ""),
                         f"p50 ≤ {target:.0f} ms" if target else "—", ok))  # fmt: skip
    print(f"\n{label}: {total:,} dossiers")
    print("| measure | result | target | ok |\n|---|---|---:|:-:|")
    for name, value, target, ok in rows:
        print(f"| {name} | {value} | {target} | {'✓' if ok else '✗'} |")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
