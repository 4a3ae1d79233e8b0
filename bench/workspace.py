"""Benchmark of the officers' workspace (issue 6) on the database of ``bench/dossiers.py``.

Run: ``DATABASE_URL=postgres://…/motcua .venv/bin/python bench/workspace.py`` after
``bench/dossiers.py --count 1000000 --keep`` (it reuses the kept database ``motcua_bench_dossiers``; with no such
database it migrates, seeds and generates ``--count`` dossiers first). Serves it with gunicorn (2 workers,
127.0.0.1:8091) and, signed in as demo officers (a session made in the database), measures from 2 client threads:

(a) the unit queue of the provincial centre ``/mot-cua/ho-so/?hang=don-vi`` — target p50 ≤ 150 ms;
(b) the same queue of Sở Tư pháp for its head, and the next page by cursor;
(c) a dossier page; (d) the leaders' overview; (e) the counter's "waiting for return" queue.

Prints a table; exits 1 if the target is missed.
"""

import argparse
import os
import platform
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import Server, dossier_database, percentile  # noqa: E402

BENCH_DB = "motcua_bench_dossiers"
HOST, PORT = "127.0.0.1", 8091
QUEUE_TARGET_MS = 150.0


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "motcua.accounts.backends.AccountBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1_000_000, help="dossiers to generate if none are kept")
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--reads", type=int, default=200, help="timed requests per measure")
    args = parser.parse_args()

    label = dossier_database(BENCH_DB, args.count, args.year)
    from django.db import connection

    from motcua.dossiers.models import Dossier
    from motcua.org.models import Agency

    total = Dossier.objects.count()
    centre = Agency.objects.get(identifier="000.00.02.H56", valid_to__isnull=True)
    in_centre = Dossier.objects.filter(receiving_agency=centre).count()
    codes = list(
        Dossier.objects.filter(receiving_agency=centre, code__isnull=False)
        .order_by("-id")
        .values_list("code", flat=True)[: args.reads]
    )
    counter, head = session_cookie("tn.an"), session_cookie("gd.tuphap")
    connection.close()
    print(f"Database: {label}, {total:,} dossiers ({in_centre:,} received by the provincial centre); "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", file=sys.stderr)  # fmt: skip

    rows = []
    with Server(ROOT, HOST, PORT, "/mot-cua/ho-so/?hang=don-vi", {"Cookie": counter}) as server:

        def measure(paths, cookie):
            return server.measure([("GET", path, {"Cookie": cookie}, None, 200) for path in paths])

        queue = "/mot-cua/ho-so/?hang=don-vi"
        measure([queue] * 20, counter)  # warm both workers
        first = server.request("GET", queue, {"Cookie": counter})[2].decode()
        more = re.search(r'hx-get="\?([^"]+)"', first)
        next_page = "/mot-cua/ho-so/?" + more.group(1).replace("&amp;", "&") if more else queue
        n = args.reads
        plan = [
            ("(a) unit queue, provincial centre (counter officer)", [queue] * n, counter, QUEUE_TARGET_MS),
            ("(b) unit queue, Sở Tư pháp (its head)", [queue] * n, head, None),
            ("(b) next page by cursor", [next_page] * n, counter, None),
            ("(b) overdue filter, provincial centre", [queue + "&qua_han=on"] * n, counter, None),
            ("(c) dossier page", [f"/mot-cua/ho-so/{c}/" for c in codes][:n], counter, None),
            ("(d) leaders' overview, Sở Tư pháp", ["/mot-cua/tong-quan/"] * (n // 4), head, None),
            (
                "(e) waiting for return, provincial centre",
                ["/mot-cua/ho-so/?hang=tra-ket-qua"] * n,
                counter,
                None,
            ),
        ]
        for name, paths, cookie, target in plan:
            times, bad = measure(paths, cookie)
            p50 = statistics.median(times)
            ok = not bad and (target is None or p50 <= target)
            rows.append((name, f"p50 {p50:.1f} ms, p95 {percentile(times, 0.95):.1f} ms ({len(times)} requests)",
                         f"p50 ≤ {target:.0f} ms" if target else "—", ok, bad))  # fmt: skip
    print(f"\n{label}: {total:,} dossiers")
    print("| measure | result | target | ok |\n|---|---:|---:|:-:|")
    for name, value, target, ok, bad in rows:
        extra = f" — non-200: {sorted(set(bad))}" if bad else ""
        print(f"| {name} | {value}{extra} | {target} | {'✓' if ok else '✗'} |")
    return 0 if all(ok for _, _, _, ok, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
