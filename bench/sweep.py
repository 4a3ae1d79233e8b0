"""Benchmark of the deadline sweep (issue 18): ``sweep_deadlines`` on 100,000 generated dossiers.

Run: ``.venv/bin/python bench/sweep.py [--count N] [--reopen SHARE] [--keep] [--reuse]``. Uses a fresh database: with
``DATABASE_URL=postgres://…`` the database ``motcua_bench_sweep`` on that server (dropped and created; ``--reuse``
keeps one left by ``--keep``), else a temporary SQLite file. Steps: migrate, seed_demo, ``generate_dossiers`` of
2026 with the cut-off 20/11/2026 17:00 (Vietnam time), then two rounds, each with two timed sweeps:

- **as generated**: the sweep three days after the cut-off (Monday 23/11 20:00), when every dossier still open at the cut-off (≈ 1–2 %,
  none of them assigned: the generator assigns nobody) is due soon or overdue;
- **stressed**: ``--reopen`` (default 0.2) of the finished dossiers put back in progress at their handling agency
  with no handler (one UPDATE), so that about a fifth of the year is overdue and unassigned at once — the sweep's
  worst case, far above any real backlog.

Run 1 writes the warnings; run 2, five minutes later, must write none. Prints the counts and times; exits 1 if a
run 1 takes 10 s or more, or a run 2 creates anything. The stressed round runs in a transaction rolled back at its
end, so a kept database stays as generated.

``--compare FILE``: a Python file defining another ``sweep(now)`` (e.g. an earlier version,
``git show <commit>:src/motcua/notifications/sweep.py > /tmp/old_sweep.py``), timed the same way on the same data
before this one in each round (its notifications deleted afterwards); it is reported, not judged.
"""

import argparse
import datetime as dt
import io
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database  # noqa: E402  (after the path is set)

BENCH_DB = "motcua_bench_sweep"
TARGET_S = 10.0
CUTOFF = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # 17:00 in Vietnam
# Monday 23/11/2026 20:00 in Vietnam: run 2, five minutes later, meets the same deadlines (none falls out of working
# hours), so anything it wrote would be a duplicate.
SWEEP_AT = CUTOFF + dt.timedelta(days=3, hours=3)


def load_sweep(path: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location("compared_sweep", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.sweep


def timed_sweeps(label: str, sweep=None) -> tuple[list[str], bool]:
    from motcua.notifications.models import Notification

    if sweep is None:
        from motcua.notifications.sweep import sweep

    lines, ok = [], True
    for run, at in ((1, SWEEP_AT), (2, SWEEP_AT + dt.timedelta(minutes=5))):
        started = time.perf_counter()
        result = sweep(at)
        seconds = time.perf_counter() - started
        lines.append(
            f"{label:<14} run {run}: {seconds:6.2f} s  dossiers due soon {result.due_soon:,}, overdue "
            f"{result.overdue:,} (unassigned {getattr(result, 'unassigned', '?')}, nobody to tell "
            f"{getattr(result, 'untold', '?')}); steps {result.steps_due_soon + result.steps_overdue:,} "
            f"(unassigned {getattr(result, 'steps_unassigned', '?')}); "
            f"notifications created {result.notifications:,} (table: {Notification.objects.count():,})"
        )
        print(lines[-1], file=sys.stderr)
        if (run == 1 and seconds >= TARGET_S) or (run == 2 and result.notifications):
            ok = False
    return lines, ok


def rounds(label: str, compare: str | None) -> tuple[list[str], bool]:
    """The other sweep first (then its notifications deleted), then this one."""
    from motcua.notifications.models import Notification

    lines = []
    if compare:
        lines, _ = timed_sweeps(f"{label} (compared)", load_sweep(compare))
        Notification.objects.all().delete()
    more, ok = timed_sweeps(label)
    Notification.objects.all().delete()
    return lines + more, ok


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--reopen", type=float, default=0.2, help="share of finished dossiers put back open")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="PostgreSQL: reuse a database kept by --keep")
    parser.add_argument("--compare", metavar="FILE", help="another sweep(now) to time on the same data")
    args = parser.parse_args()

    label, cleanup = prepare_database(BENCH_DB, reuse=args.reuse)
    os.environ["DJANGO_SETTINGS_MODULE"] = "motcua.settings"
    os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-data-"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import F

    from motcua.demo.generator import generate
    from motcua.dossiers.choices import Status
    from motcua.dossiers.models import Dossier
    from motcua.notifications.models import Notification

    print(f"Database: {label}; {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}", file=sys.stderr)  # fmt: skip
    try:
        call_command("migrate", verbosity=0)
        call_command("log_key", "init", "--if-missing", stdout=io.StringIO())  # the demo runs with DEBUG off
        if not (args.reuse and Dossier.objects.exists()):
            call_command("seed_demo", verbosity=0, stdout=io.StringIO())
            report = generate(args.count, 2026, now=CUTOFF, progress=sys.stderr)
            print(
                f"generated {report.count:,} in {report.seconds:.1f} s; {report.by_status}", file=sys.stderr
            )
        Notification.objects.all().delete()
        analyze = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(analyze)
        lines, ok = rounds("as generated", args.compare)

        if args.reopen > 0:
            with transaction.atomic():  # rolled back: the data stays as generated
                finished = Dossier.objects.filter(status__in=(Status.FINISHED, Status.RETURNED))
                ids = list(finished.order_by("pk").values_list("pk", flat=True))[
                    :: max(1, round(1 / args.reopen))
                ]
                for start in range(0, len(ids), 10_000):
                    Dossier.objects.filter(pk__in=ids[start : start + 10_000]).update(
                        status=Status.PROCESSING,
                        current_agency=F("handling_agency"),
                        current_handler=None,
                        closed_at=None,
                        finished_at=None,
                    )
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
                print(f"reopened {len(ids):,} finished dossiers, unassigned", file=sys.stderr)
                more, ok_stressed = rounds("stressed", args.compare)
                transaction.set_rollback(True)
            lines += more
            ok = ok and ok_stressed
    finally:
        if not args.keep:
            cleanup()
    print("\n".join(lines))
    print(f"target: run 1 < {TARGET_S:.0f} s, run 2 creates nothing: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
