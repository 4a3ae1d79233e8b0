"""Benchmark of the officers' workspace (issue 6) on the database of ``bench/dossiers.py``.

Run: ``DATABASE_URL=postgres://…/motcua .venv/bin/python bench/workspace.py`` after
``bench/dossiers.py --count 1000000 --keep`` (it reuses the kept database ``motcua_bench_dossiers``; with no such
database it migrates, seeds and generates ``--count`` dossiers first). Serves it with gunicorn (2 workers,
127.0.0.1:8091) and, signed in as demo officers (a session made in the database), measures from 2 client threads:

(a) the unit queue of the provincial centre ``/mot-cua/ho-so/?hang=don-vi`` — target p50 ≤ 150 ms;
(b) the same queue of Sở Tư pháp for its head, and the next page by cursor;
(c) a dossier page; (d) the leaders' overview; (e) the counter's "waiting for return" queue;
(f)–(k) the work lists of issue 19 (Chờ phân công of two heads, Chờ xử lý, Chờ ký duyệt, Chờ phát hành, Chờ trả kết
quả), each page with the menu's counts — target p50 ≤ 50 ms. The generator leaves every open step a specialist's,
unassigned; before measuring, Sở Tư pháp's open steps are shaped once as a working Sở's are (40 % assigned to its
specialist, 20 % waiting for the director's signature, 15 % for the clerk, the rest waiting for assignment).

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
WORK_TARGET_MS = 50.0
JUSTICE = "000.00.03.H56"


def shape_open_steps() -> int:
    """Give Sở Tư pháp's open steps the queues of a working Sở (once: a kept database is shaped already)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from motcua.dossiers.models import Dossier, DossierStep
    from motcua.org.models import Agency

    justice = Agency.objects.filter(identifier=JUSTICE).order_by("-valid_from").first()
    open_steps = DossierStep.objects.filter(
        agency=justice, finished_at__isnull=True, started_at__isnull=False
    )
    if open_steps.filter(queue="sign").exists():
        return open_steps.count()
    specialist = get_user_model().objects.get(username="cv.tuphap")
    ids = list(open_steps.order_by("id").values_list("id", flat=True))
    n = len(ids)
    cut = [int(n * share) for share in (0.40, 0.60, 0.75)]
    with transaction.atomic():
        mine = ids[: cut[0]]
        DossierStep.objects.filter(pk__in=mine).update(handler=specialist)
        Dossier.objects.filter(current_step_id__in=mine).update(current_handler=specialist)
        DossierStep.objects.filter(pk__in=ids[cut[0] : cut[1]]).update(
            queue="sign", role="AGENCY_LEAD", needs_signature=True
        )
        DossierStep.objects.filter(pk__in=ids[cut[1] : cut[2]]).update(queue="issue", role="CLERK")
    return n


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
    shaped = shape_open_steps()
    counter, head = session_cookie("tn.an"), session_cookie("gd.tuphap")
    people = {name: session_cookie(name) for name in ("tp.tuphap", "cv.tuphap", "vt.tuphap", "gd.vpdk")}
    connection.close()
    print(f"Sở Tư pháp: {shaped:,} open steps", file=sys.stderr)
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
            ("(f) Chờ phân công, Sở Tư pháp (head of division)", ["/mot-cua/viec/cho-phan-cong/"] * n,
             people["tp.tuphap"], WORK_TARGET_MS),
            ("(f) Chờ phân công, Văn phòng đăng ký đất đai (its director)", ["/mot-cua/viec/cho-phan-cong/"] * n,
             people["gd.vpdk"], WORK_TARGET_MS),
            ("(g) Chờ xử lý, specialist of Sở Tư pháp", ["/mot-cua/viec/cho-xu-ly/"] * n, people["cv.tuphap"],
             WORK_TARGET_MS),
            ("(h) Chờ ký duyệt, director of Sở Tư pháp", ["/mot-cua/viec/cho-ky-duyet/"] * n, head, WORK_TARGET_MS),
            ("(i) Chờ phát hành, clerk of Sở Tư pháp", ["/mot-cua/viec/cho-phat-hanh/"] * n, people["vt.tuphap"],
             WORK_TARGET_MS),
            ("(j) Chờ trả kết quả, provincial centre (counter)", ["/mot-cua/viec/cho-tra-ket-qua/"] * n, counter,
             WORK_TARGET_MS),
            ("(k) Chờ xử lý, page 2, specialist", ["/mot-cua/viec/cho-xu-ly/?trang=2"] * n, people["cv.tuphap"],
             WORK_TARGET_MS),
        ]  # fmt: skip
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
