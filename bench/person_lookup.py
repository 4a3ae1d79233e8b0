"""The counter's lookup of people by ID number, as an officer scraping it would use it (issue 16, rule 3).

A throwaway database (SQLite, or PostgreSQL when DATABASE_URL names one) with one counter officer at the
provincial centre and ``--people`` stored applicants (verified where the registry knows verification); the officer
posts ``--burst`` lookups of different numbers back to back through Django's test client (in process: no network).
Prints how many were answered with personal data, how many were refused (429), the time taken and how many rows the
personal-data access log got. Runs against any checkout: ``PYTHONPATH=<checkout>/src python bench/person_lookup.py``.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import prepare_database  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--burst", type=int, default=60)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    label, cleanup = prepare_database("bench_person_lookup")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client on ALLOWED_HOSTS "testserver"
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from tests.builders.org import assign, make_agency

    from motcua.dossiers.models import Applicant

    try:
        from motcua.org.models import PersonalDataRead
    except ImportError:
        PersonalDataRead = None
    ubnd = make_agency("000.00.00.H56", "UBND tỉnh", kind="ubnd_tinh")
    centre = make_agency(
        "000.00.02.H56", "Trung tâm Phục vụ hành chính công tỉnh", kind="ttpvhcc_tinh", parent=ubnd
    )
    officer = get_user_model().objects.create_user("tn.an", password="x-long-password-1")
    assign(officer, "COUNTER_OFFICER", centre)
    verified = {"verified_via": "counter"} if hasattr(Applicant, "verified_via") else {}
    numbers = [f"038190{n:06d}" for n in range(args.people)]
    Applicant.objects.bulk_create(
        Applicant(
            name=f"Người thứ {n}",
            id_number=number,
            address=f"Số {n} phố Lê Lợi",
            phone=f"0912{n:06d}",
            email=f"nguoi{n}@example.vn",
            **verified,
        )
        for n, number in enumerate(numbers)
    )
    client = Client()
    client.force_login(officer)
    statuses, leaked, contact = [], 0, 0
    started = time.perf_counter()
    for n in range(args.burst):
        number = numbers[n % len(numbers)]
        response = client.post(
            "/mot-cua/tiep-nhan/nguoi-nop/",
            {"receiving_agency": centre.identifier, "applicant_kind": "1", "applicant_id_number": number},
            headers={"HX-Request": "true"},
        )
        statuses.append(response.status_code)
        page = response.content.decode()
        leaked += f"Người thứ {n % len(numbers)}" in page
        contact += f"0912{n % len(numbers):06d}" in page
    elapsed = time.perf_counter() - started
    traces = PersonalDataRead.objects.count() if PersonalDataRead is not None else 0
    print(f"Database: {label}")
    print(
        f"{args.burst} lookups in {elapsed:.2f} s: {statuses.count(200)} answered (200), {statuses.count(429)} "
        f"refused (429), {leaked} showed a stored name, {contact} a stored phone; personal-data access log rows: {traces}"
        + ("" if PersonalDataRead is not None else " (no access log in this checkout)")
    )
    cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
