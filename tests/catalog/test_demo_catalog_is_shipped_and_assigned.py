"""The product ships its own demo catalogue and assigns it to the demo units, idempotently."""

import datetime as dt
import json

import pytest

from motcua.catalog import demo
from motcua.catalog.choices import AssignmentRole
from motcua.catalog.models import Procedure, ProcedureAssignment
from motcua.demo.loader import load_province


def test_demo_file_is_a_compact_real_subset_inside_the_package():
    lines = demo.DEMO_FILE.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert 50 <= len(records) <= 80
    assert "1.004222" in {r["ma_thu_tuc"] for r in records}
    assert all("Cấp tỉnh" in r["cap_thuc_hien"] or "Cấp xã" in r["cap_thuc_hien"] for r in records)
    assert "shared" not in str(demo.DEMO_FILE)


@pytest.mark.django_db
def test_demo_catalogue_is_imported_and_assigned_once():
    load_province()
    summary = demo.load_demo_catalog()
    assert summary.errors == [] and summary.created == len(demo.DEMO_FILE.read_text().splitlines())
    residence = Procedure.objects.get(code="1.004222")
    assert residence.current_version.valid_from == dt.date(2025, 7, 1)
    receives = set(
        residence.assignments.filter(role=AssignmentRole.RECEIVES).values_list(
            "agency__identifier", flat=True
        )
    )
    handles = set(
        residence.assignments.filter(role=AssignmentRole.HANDLES).values_list("agency__identifier", flat=True)
    )
    assert receives == {f"001.00.5{n}.H56" for n in range(1, 8)}
    assert handles == {f"000.00.5{n}.H56" for n in range(1, 8)}

    provincial = ProcedureAssignment.objects.filter(
        agency__identifier="000.00.02.H56", role=AssignmentRole.RECEIVES
    )
    assert provincial.exists()
    handled_by = set(
        ProcedureAssignment.objects.filter(role=AssignmentRole.HANDLES).values_list(
            "agency__identifier", flat=True
        )
    )
    assert {"000.00.03.H56", "000.00.07.H56", "000.00.05.H56"} <= handled_by
    assert handled_by & {"000.00.06.H56", "000.01.06.H56"}

    count = ProcedureAssignment.objects.count()
    again = demo.load_demo_catalog()
    assert again.unchanged == summary.created and again.created == 0
    assert ProcedureAssignment.objects.count() == count
