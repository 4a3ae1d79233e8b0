"""Assigning a procedure to a unit and ending an assignment are service writes: the row and its audit entry in one
transaction, with the procedure's row locked for the overlap check; a refusal or a failure saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.catalog import services
from motcua.catalog.models import ProcedureAssignment
from motcua.core.models import AuditEntry
from tests.builders.catalog import published_procedure

pytestmark = pytest.mark.django_db

V1 = dt.date(2025, 7, 1)


class AuditDown(Exception):
    pass


@pytest.fixture
def version():
    return published_procedure()


@pytest.fixture
def audit_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise AuditDown

    monkeypatch.setattr(services.audit, "record", refuse)


def _audited() -> int:
    return AuditEntry.objects.filter(object_type="catalog.procedureassignment").count()


def test_an_assignment_whose_audit_entry_fails_is_not_saved(version, province, audit_down):
    with pytest.raises(AuditDown):
        services.assign(version.procedure, province["centre"], "receives", valid_from=V1)
    assert not ProcedureAssignment.objects.exists()


def test_ending_an_assignment_is_audited(version, province, officer):
    assignment = services.assign(version.procedure, province["centre"], "receives", valid_from=V1)
    services.end_assignment(assignment, dt.date(2026, 12, 31), actor=officer)
    assignment.refresh_from_db()
    assert assignment.valid_to == dt.date(2026, 12, 31)
    entry = AuditEntry.objects.get(object_type="catalog.procedureassignment", action=AuditEntry.Action.UPDATE)
    assert (entry.actor, entry.changes) == (officer, {"valid_to": [None, "2026-12-31"]})


def test_an_end_before_the_first_day_is_refused_and_saves_nothing(version, province):
    assignment = services.assign(version.procedure, province["centre"], "receives", valid_from=V1)
    with pytest.raises(ValidationError):
        services.end_assignment(assignment, dt.date(2025, 6, 30))
    assert assignment.valid_to is None
    assignment.refresh_from_db()
    assert assignment.valid_to is None
    assert _audited() == 1


def test_an_end_whose_audit_entry_fails_is_not_saved(version, province, monkeypatch):
    assignment = services.assign(version.procedure, province["centre"], "receives", valid_from=V1)

    def refuse(*args, **kwargs):
        raise AuditDown

    monkeypatch.setattr(services.audit, "record", refuse)
    with pytest.raises(AuditDown):
        services.end_assignment(assignment, dt.date(2026, 12, 31))
    assignment.refresh_from_db()
    assert assignment.valid_to is None


@pytest.mark.skipif(not connection.features.has_select_for_update, reason="the backend has no row locks")
def test_the_procedure_row_is_locked_before_the_overlap_check(version, province):
    with CaptureQueriesContext(connection) as queries:
        services.assign(version.procedure, province["centre"], "receives", valid_from=V1)
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and '"catalog_procedure"' in q)
    check = next(
        i for i, q in enumerate(sql) if q.startswith("SELECT") and '"catalog_procedureassignment"' in q
    )
    assert lock < check
