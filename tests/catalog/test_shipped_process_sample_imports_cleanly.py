"""The sample spreadsheet of internal processes shipped with motcua is the one its generator writes, and it imports
cleanly into the demo province and catalogue; importing it again changes nothing."""

import datetime as dt
import io
import time
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from motcua.catalog import demo
from motcua.catalog.importing import processes as process_import
from motcua.catalog.models import InternalProcess, ProcessStep
from motcua.core.models import AuditEntry
from motcua.demo.loader import load_province


def test_the_shipped_sample_is_what_the_generator_writes():
    sheet = load_workbook(process_import.SAMPLE_FILE, read_only=True).worksheets[0]
    shipped = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert shipped == process_import.sample_rows()
    assert shipped[0] == process_import.HEADERS
    assert "shared" not in str(process_import.SAMPLE_FILE)
    # the generator gives the same bytes at every run (no save time inside), so regenerating shows no diff
    first, second = io.BytesIO(), io.BytesIO()
    process_import.write_sample(first)
    time.sleep(1.1)
    process_import.write_sample(second)
    assert first.getvalue() == second.getvalue()


@pytest.mark.django_db
def test_the_sample_imports_into_the_demo_catalogue_and_a_second_run_changes_nothing():
    load_province()
    demo.load_demo_catalog()

    summary = process_import.import_processes(process_import.SAMPLE_FILE)

    assert summary.errors == []
    assert (summary.created, summary.unchanged, summary.rows) == (3, 0, len(process_import.SAMPLE_STEPS))
    lawyer = InternalProcess.objects.get(version__procedure__code="1.000688")
    assert (lawyer.level, lawyer.state, lawyer.valid_from, lawyer.code) == (
        "province",
        "published",
        dt.date(2025, 7, 1),
        "QT-STP-01",
    )
    assert (lawyer.decision_number, lawyer.decision_date) == ("1520/QĐ-UBND", dt.date(2025, 6, 20))
    steps = list(lawyer.steps.order_by("order"))
    assert [(s.role, s.performer) for s in steps] == [
        ("COUNTER_OFFICER", "receiving"),
        ("DEPT_LEAD", "division"),
        ("SPECIALIST", "division"),
        ("DEPT_LEAD", "division"),
        ("AGENCY_LEAD", "leader"),
        ("CLERK", "competent"),
        ("COUNTER_OFFICER", "receiving"),
    ]
    assert steps[2].limit_amount == Decimal(11) and steps[2].limit_unit == "working_days"
    assert steps[4].needs_signature and steps[4].send_back_to == [3, 4]
    assert steps[6].notify_citizen and steps[1].unit.identifier == "000.01.03.H56"
    land = InternalProcess.objects.get(version__procedure__code="1.012784")
    assert land.level == ""
    assert land.steps.get(order=4).unit.identifier == "000.38.00.G12"
    assert InternalProcess.objects.get(version__procedure__code="2.001255").level == "commune"
    assert AuditEntry.objects.filter(action="publish", object_type="catalog.internalprocess").count() == 3

    counts = (InternalProcess.objects.count(), ProcessStep.objects.count(), AuditEntry.objects.count())
    again = process_import.import_processes(process_import.SAMPLE_FILE)
    assert (again.created, again.unchanged, again.errors) == (0, 3, [])
    assert (
        InternalProcess.objects.count(),
        ProcessStep.objects.count(),
        AuditEntry.objects.count(),
    ) == counts
