"""Benchmark of the public tracking page (issue 8) on the database of ``bench/dossiers.py``.

Run: ``DATABASE_URL=postgres://…/motcua .venv/bin/python bench/portal.py`` after
``bench/dossiers.py --count 1000000 --keep`` (it reuses the kept database ``motcua_bench_dossiers``; with no such
database it migrates, seeds and generates ``--count`` dossiers first). Serves it with gunicorn (2 workers,
127.0.0.1:8092) and measures from 2 client threads, each request for a different dossier:

(a) the dossier's public page ``/tra-cuu/<code>/`` for a visitor who has proved the check value (the page the
    receipt's QR code opens) — target p50 ≤ 30 ms;
(b) the check itself: ``POST /tra-cuu/`` with code and check value, answered by a redirect to (a);
(c) the form with the code filled in, for a visitor who has not proved anything (no lookup);
(d) a wrong check value (the same answer as an unknown code; the throttle counts it).

Prints a table; exits 1 if the target is missed.
"""

import argparse
import os
import platform
import re
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import Server, dossier_database, percentile  # noqa: E402

BENCH_DB = "motcua_bench_dossiers"
HOST, PORT = "127.0.0.1", 8092
PAGE_TARGET_MS = 30.0


def unlocked_session(code: str) -> str:
    """A visitor's session that proved the check value of ``code`` (as ``portal.views`` records it)."""
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    from motcua.portal import views

    session = SessionStore()
    session[views.SESSION_KEY] = {code: time.time() + 3600}
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1_000_000, help="dossiers to generate if none are kept")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--reads", type=int, default=400, help="timed requests per measure")
    args = parser.parse_args()

    label = dossier_database(BENCH_DB, args.count, args.year)
    from django.db import connection

    from motcua.dossiers.models import Dossier
    from motcua.portal.views import last_digits

    total = Dossier.objects.count()
    # dossiers spread over the whole table (every status), each asked once per measure
    step = max(1, total // args.reads)
    ids = list(range(1, total + 1, step))[: args.reads]
    sample = list(
        Dossier.objects.filter(pk__in=ids, code__isnull=False).values_list(
            "code", "applicant__phone", "applicant__id_number"
        )
    )
    sample = [(code, last_digits(phone) or last_digits(number)) for code, phone, number in sample]
    cookies = {code: unlocked_session(code) for code, _ in sample}
    connection.close()
    print(f"Database: {label}, {total:,} dossiers, {len(sample)} sampled; "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", file=sys.stderr)  # fmt: skip

    rows = []
    with Server(ROOT, HOST, PORT, "/tra-cuu/") as server:
        # a CSRF cookie and token for the POSTs (one anonymous visitor per client thread is enough here)
        status, _, body = server.request("GET", "/tra-cuu/", {})
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        csrf = f"csrftoken={token}"
        form = {
            "Cookie": csrf,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}",
        }

        def check(code, value):
            return urllib.parse.urlencode({"csrfmiddlewaretoken": token, "code": code, "check": value})

        page = [("GET", f"/tra-cuu/{c}/", {"Cookie": cookies[c]}, None, 200) for c, _ in sample]
        server.measure(page[:40])  # warm both workers
        plan = [
            ("(a) public page of a dossier, check value proved", page, PAGE_TARGET_MS),
            ("(b) the check (POST → redirect)", [("POST", "/tra-cuu/", form, check(c, v), 302) for c, v in sample],
             None),
            ("(c) the form with the code filled in (QR, not proved)",
             [("GET", f"/tra-cuu/{c}/", {}, None, 200) for c, _ in sample], None),
            ("(d) a wrong check value", [("POST", "/tra-cuu/", form, check(c, "0000" if v != "0000" else "1111"), 200)
                                         for c, v in sample[:8]], None),
        ]  # fmt: skip
        for name, calls, target in plan:
            times, wrong = server.measure(calls)
            p50 = statistics.median(times)
            ok = not wrong and (target is None or p50 <= target)
            rows.append((name, f"p50 {p50:.1f} ms, p95 {percentile(times, 0.95):.1f} ms ({len(times)} requests)",
                         f"p50 ≤ {target:.0f} ms" if target else "—", ok, wrong))  # fmt: skip
    print(f"\n{label}: {total:,} dossiers")
    print("| measure | result | target | ok |\n|---|---:|---:|:-:|")
    for name, value, target, ok, wrong in rows:
        extra = f" — unexpected statuses: {sorted(set(wrong))}" if wrong else ""
        print(f"| {name} | {value}{extra} | {target} | {'✓' if ok else '✗'} |")
    return 0 if all(ok for _, _, _, ok, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
