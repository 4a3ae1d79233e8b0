"""Two processes receiving 100 dossiers each at the same time, on the same agency and day, get 200 distinct,
gap-free codes: the daily counter is one atomic upsert (SPEC §3)."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from tests.builders.dossiers import at

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")

CHILD = r"""
import datetime as dt, json, os, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from motcua.dossiers.services.intake import ApplicantData, IntakeRequest, receive_at_counter
officer = get_user_model().objects.get(username="tn.an")
moment = dt.datetime.fromisoformat(os.environ["INTAKE_AT"])
codes = []
for n in range(100):
    request = IntakeRequest(
        procedure_code="1.004222",
        receiving_agency="000.00.02.H56",
        applicant=ApplicantData(name="Trần Thị Bình", id_number=f"0381900{int(sys.argv[1]) * 100 + n:05d}"),
    )
    codes.append(receive_at_counter(request, officer, at=moment).code)
print(json.dumps(codes))
"""


def _url(settings_dict) -> str:
    name = settings_dict["NAME"]
    if connection.vendor == "postgresql":
        user, host, port = (
            settings_dict["USER"],
            settings_dict["HOST"] or "127.0.0.1",
            settings_dict["PORT"] or 5432,
        )
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{host}:{port}/{name}"
    return f"sqlite:///{name}"


@pytest.mark.django_db(transaction=True)
def test_two_processes_get_distinct_gap_free_codes(procedure, officers, tmp_path):
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite" and (
        connection.is_in_memory_db() or str(settings_dict["NAME"]).startswith("file:memorydb")
    ):
        pytest.skip(
            "the SQLite test database is in memory, invisible to other processes; "
            "this test runs on PostgreSQL (CI runs the suite on both)"
        )
    env = dict(
        os.environ,
        DATABASE_URL=_url(settings_dict),
        DJANGO_SETTINGS_MODULE="motcua.settings",
        INTAKE_AT=at("2025-09-10 09:00").isoformat(),
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        CONN_MAX_AGE="0",
        MOTCUA_LOG_KEY_FILE=str(django_settings.MOTCUA_LOG_KEY_FILE),  # the test session's process-log key
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(n)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    codes = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err[-2000:]
        codes += json.loads(out.strip().splitlines()[-1])
    assert len(codes) == 200 == len(set(codes))
    assert all(CODE.match(c) for c in codes)
    numbers = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    assert numbers == list(range(1, 201))
    assert {c.rsplit("-", 1)[0] for c in codes} == {f"000.00.03.H56-{dt.date(2025, 9, 10):%y%m%d}"}
