"""Benchmark of the working-time engine (issue 3): due-date computations per second for each unit, one core.

Run: ``.venv/bin/python bench/worktime.py [--seconds 1.0]``. Exits 1 if a target is missed:
≥ 50,000/s for working days and ≥ 20,000/s for working hours. Pure engine: no Django, no database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from motcua.worktime.engine import VIETNAM, TimeUnit, WorkingHours, WorkTimeEngine, vietnam_calendar

TARGETS = {TimeUnit.WORKING_DAYS: 50_000, TimeUnit.WORKING_HOURS: 20_000}
AMOUNTS = {
    TimeUnit.WORKING_DAYS: (1, 30),  # typical TTHC limits: 1–30 working days
    TimeUnit.WORKING_HOURS: (1, 240),  # per-step limits in hours
    TimeUnit.CALENDAR_DAYS: (1, 90),
    TimeUnit.MONTHS: (1, 12),
    TimeUnit.SAME_DAY: (0, 0),
}


def random_inputs(unit: TimeUnit, n: int, rng: random.Random) -> list[tuple[dt.datetime, int]]:
    """Receipts spread over 2024–2026 at any minute (nights, weekends and holidays included)."""
    first = dt.datetime(2024, 1, 1, tzinfo=VIETNAM)
    span = 3 * 365 * 24 * 60
    low, high = AMOUNTS[unit]
    return [(first + dt.timedelta(minutes=rng.randrange(span)), rng.randint(low, high)) for _ in range(n)]


def measure(engine: WorkTimeEngine, unit: TimeUnit, seconds: float, rng: random.Random) -> float:
    inputs = random_inputs(unit, 10_000, rng)
    due = engine.due
    done = 0
    started = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        for start, amount in inputs:
            due(start, amount, unit)
        done += len(inputs)
        elapsed = time.perf_counter() - started
    return done / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent per unit (default 1 s)")
    args = parser.parse_args(argv)
    rng = random.Random(20250101)
    built = time.perf_counter()
    engine = WorkTimeEngine(vietnam_calendar(), WorkingHours.default())
    build_ms = (time.perf_counter() - built) * 1000
    print(
        f"Python {platform.python_version()} on {platform.machine()}; calendar 2015–2060 built in {build_ms:.0f} ms"
    )
    print(f"{'unit':<15} {'computations/s':>15} {'target':>10}  result")
    ok = True
    for unit in TimeUnit:
        rate = measure(engine, unit, args.seconds, rng)
        target = TARGETS.get(unit)
        passed = target is None or rate >= target
        ok &= passed
        target_text = f"{target:,}" if target else "—"
        print(f"{unit.value:<15} {rate:>15,.0f} {target_text:>10}  {'ok' if passed else 'BELOW TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
