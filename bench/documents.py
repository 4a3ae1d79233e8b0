"""Benchmark of the printed forms (issue 7): printing the receipt (Mẫu 01) of a dossier just received.

Run: ``.venv/bin/python bench/documents.py [--count N]``. Uses a fresh database (with ``DATABASE_URL=postgres://…``
the database ``motcua_bench_documents`` on that server, dropped and created; else a temporary SQLite file) and a
temporary file store. Steps: migrate, seed_demo, then N times: receive a dossier at the demo provincial centre
through the intake service (the receipt is issued after the commit, as in production), and, through the Django
request stack signed in as the demo counter officer ``tn.an`` (in process, no network):

(a) first print ``GET /mot-cua/ho-so/<code>/giay-tiep-nhan.pdf`` — rendered and stored — target p50 ≤ 300 ms;
(b) re-print of the same address — the stored file — target p50 ≤ 300 ms;
(c) first print of the Word file (.docx), for information.

Prints a table; exits 1 if a target is missed.
"""

import argparse
import io
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench._common import percentile, prepare_database  # noqa: E402  (after the path is set)

BENCH_DB = "motcua_bench_documents"
TARGET_MS = 300.0
COUNTER = "tn.an"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()

    label, cleanup = prepare_database(BENCH_DB)
    media = tempfile.mkdtemp(prefix="motcua-bench-media-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-data-"))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from motcua.catalog.models import ProcedureAssignment
    from motcua.core.dated import valid_on_q
    from motcua.dossiers.services.intake import ApplicantData, IntakeRequest, receive_at_counter
    from motcua.org.models import RoleAssignment

    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        setup = time.perf_counter() - started
        officer = get_user_model().objects.get(username=COUNTER)
        centre = RoleAssignment.objects.filter(user=officer, role="COUNTER_OFFICER").first().agency
        today = timezone.localdate()
        assignment = (
            ProcedureAssignment.objects.filter(valid_on_q(today), agency=centre, role="receives")
            .select_related("procedure")
            .order_by("procedure__code")
            .first()
        )
        code = assignment.procedure.code
        storages = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": media},
            },
        }
        with override_settings(
            ROOT_URLCONF="tests.documents.urls", STORAGES=storages, ALLOWED_HOSTS=["testserver"]
        ):
            client = Client()
            client.force_login(officer)
            first, again, word = [], [], []
            for n in range(args.count):
                dossier = receive_at_counter(
                    IntakeRequest(
                        procedure_code=code,
                        receiving_agency=centre.identifier,
                        applicant=ApplicantData(
                            name="Trần Thị Bình",
                            id_number=f"038190{n:06d}",
                            phone="0912345678",
                            address="Hạc Thành",
                        ),
                    ),
                    officer,
                )
                for bucket, suffix in ((first, "pdf"), (again, "pdf"), (word, "docx")):
                    t0 = time.perf_counter()
                    response = client.get(f"/mot-cua/ho-so/{dossier.code}/giay-tiep-nhan.{suffix}")
                    bucket.append((time.perf_counter() - t0) * 1000)
                    assert response.status_code == 200, response.status_code
        rows = [
            ("(a) receipt PDF, first print (render + store)", first, TARGET_MS),
            ("(b) receipt PDF, re-print (stored file)", again, TARGET_MS),
            ("(c) receipt .docx, first print", word, None),
        ]
        print(f"\nDocuments benchmark — {label}; {args.count} dossiers of {code} at {centre.identifier}")
        print(
            f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; setup {setup:.1f} s"
        )
        print(f"{'measure':50} {'p50 ms':>8} {'p95 ms':>8} {'mean':>8} {'target':>8}")
        failed = False
        for name, values, target in rows:
            p50 = percentile(values, 0.5)
            ok = target is None or p50 <= target
            failed |= not ok
            mark = "" if target is None else (f"≤{target:.0f} ✓" if ok else f"≤{target:.0f} ✗")
            print(
                f"{name:50} {p50:8.1f} {percentile(values, 0.95):8.1f} {statistics.mean(values):8.1f} {mark:>8}"
            )
        return 1 if failed else 0
    finally:
        cleanup()
        shutil.rmtree(media, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
