"""Benchmark of the procedure catalogue (issue 4): import of the national catalogue, then search latency.

Run: ``.venv/bin/python bench/catalog.py [--shared PATH] [--searches N]``. Uses a throwaway database: a temporary
SQLite file by default; with ``DATABASE_URL=postgres://…`` a fresh database ``<name>_bench`` on that server,
created and dropped. Exits 1 if a target is missed: import of the 2,642 records ≤ 60 s, search p95 ≤ 30 ms.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import percentile, prepare_database  # noqa: E402  (after the path is set)

IMPORT_TARGET_S = 60.0
SEARCH_P95_TARGET_MS = 30.0
DEFAULT_SHARED = ROOT.parent / "shared"
CATALOGUE = Path("data/tthc/dvcqg_tthc_chitiet_2642.jsonl")
VARIANTS = ("{q}", "{q} ", "thủ tục {q}", "{q} ở đâu", "{upper}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--searches", type=int, default=600, help="number of timed searches (≥ 500)")
    args = parser.parse_args()
    source = args.shared / CATALOGUE
    if not source.exists():
        print(f"Không tìm thấy tệp danh mục {source}", file=sys.stderr)
        return 2

    label, cleanup = prepare_database("motcua_bench_catalog")
    os.environ["DJANGO_SETTINGS_MODULE"] = "motcua.settings"
    os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-data-"))
    import django

    django.setup()
    from django.core.management import call_command
    from tests.catalog.citizen_queries import CITIZEN_QUERIES

    from motcua.catalog import search
    from motcua.catalog.importing.loader import import_file
    from motcua.catalog.models import ProcedureSearchEntry

    try:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        with search.deferred_reindex():
            summary = import_file(source)
        imported_s = time.perf_counter() - started
        started = time.perf_counter()
        indexed = search.reindex()
        reindex_s = time.perf_counter() - started
        total_import_s = imported_s + reindex_s

        queries = []
        for query, _ in CITIZEN_QUERIES:
            for pattern in VARIANTS:
                queries.append(pattern.format(q=query, upper=query.upper()))
        while len(queries) < args.searches:
            queries += queries
        queries = queries[: max(args.searches, 500)]
        search.search("khởi động")  # the first search of a process loads the name vocabulary
        started = time.perf_counter()
        search._vocabularies.clear()
        search.search("khởi động")
        vocabulary_ms = (time.perf_counter() - started) * 1000
        timings = []
        for query in queries:
            started = time.perf_counter()
            search.search(query, limit=20)
            timings.append((time.perf_counter() - started) * 1000)
        hits = sum(
            bool({h.code for h in search.search(q, limit=5)} & set(expected))
            for q, expected in CITIZEN_QUERIES
        )
        p50, p95 = percentile(timings, 0.50), percentile(timings, 0.95)

        print(
            f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}; database: {label}"
        )
        print(
            f"Import: {summary.imported if hasattr(summary, 'imported') else '?'} records in {imported_s:.1f} s "
            f"+ index {indexed} procedures in {reindex_s:.1f} s = {total_import_s:.1f} s "
            f"(target ≤ {IMPORT_TARGET_S:.0f} s)"
        )
        print(f"Index rows: {ProcedureSearchEntry.objects.count()}; vocabulary load: {vocabulary_ms:.0f} ms")
        print(
            f"Search: {len(timings)} queries, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(timings):.1f} ms, "
            f"mean {statistics.mean(timings):.1f} ms (target p95 ≤ {SEARCH_P95_TARGET_MS:.0f} ms)"
        )
        print(f"Recall@5 on the {len(CITIZEN_QUERIES)} citizen queries: {hits / len(CITIZEN_QUERIES):.3f}")
        missed = []
        if total_import_s > IMPORT_TARGET_S:
            missed.append("import")
        if p95 > SEARCH_P95_TARGET_MS:
            missed.append("search p95")
        if missed:
            print("Target missed: " + ", ".join(missed))
            return 1
        print("All targets met.")
        return 0
    finally:
        cleanup()


if __name__ == "__main__":
    sys.exit(main())
