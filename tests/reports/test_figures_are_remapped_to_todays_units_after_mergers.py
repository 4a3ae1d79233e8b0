"""SPEC §9.2 (2): statistics are reported “as then” (each dossier under the agency that handled it) or re-mapped
to today's units (under the successor that carries on that agency's work). A Sở merged into a new one in March
2026, and a district abolished on 01/07/2025 whose work went to a commune: the re-mapped report puts their
dossiers under today's unit and level, the report as then keeps them where they were; totals are the same."""

import datetime as dt

import pytest

from motcua.dossiers.services.reorganisation import bulk_reassign
from motcua.org import services as org_services
from motcua.reports.services import bieu06, rollup
from motcua.reports.services.periods import build
from motcua.reports.services.units import THEN, TODAY, Registry
from tests.builders.dossiers import act
from tests.builders.org import MERGER_BASIS as BASIS
from tests.builders.org import justice_merged, make_agency
from tests.builders.reports import ORIGIN, finish_inputs, finished, make, processing

pytestmark = pytest.mark.django_db

MARCH = build("month", year=2026, number=3)
ON = dt.date(2026, 11, 22)


@pytest.fixture
def merged(procedure, officers, province, live):
    """Sở Tư pháp is merged into Sở Tư pháp và Nội vụ on 20/03/2026; its open dossier moves there."""
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")  # handled by Sở Tư pháp, before the merger
        processing(officers, "2026-03-03 09:15")  # still open on 20/03: moved to the successor
    successor = justice_merged(province, legal_basis=BASIS)
    from motcua.catalog import services as catalog
    from tests.builders.dossiers import at

    catalog.assign(procedure.procedure, successor, "handles", valid_from=dt.date(2026, 3, 20))
    with live():
        bulk_reassign(
            province["justice"],
            successor,
            legal_basis=BASIS,
            actor=officers["admin"],
            at=at("2026-03-20 08:00"),
        )
        new = processing(officers, "2026-03-23 09:15")  # the counter now sends it to the successor
    assert new.handling_agency_id == successor.pk
    with live():
        act(new, "finish", officers["lead"], "2026-03-26 10:00", **finish_inputs("2026-03-26"))
    return successor


def report(unit_pk, mapping, period=MARCH):
    registry = Registry.load(on=ON)
    return bieu06.build(registry[unit_pk], period, mapping=mapping, registry=registry, on=ON)


def test_a_merged_department_as_then_and_remapped(merged, province):
    justice, successor = province["justice"].pk, merged.pk
    assert report(justice, THEN).total.values[3] == 1  # the dossier it resolved itself
    assert report(successor, THEN).total.values[3] == 2  # the one moved to it, and its own
    remapped = report(successor, TODAY).total.values
    assert remapped[3] == 3 and remapped[7] == 2 and remapped[11] == 1
    assert report(province["ubnd"].pk, THEN).total.values == report(province["ubnd"].pk, TODAY).total.values


def test_an_abolished_district_moves_to_the_commune_level(procedure, province):
    district = make_agency(
        "000.00.21.H56", "UBND huyện Đông Sơn", kind="ubnd_huyen", level="district", parent=province["ubnd"],
        valid_to=dt.date(2025, 6, 30),
    )  # fmt: skip
    org_services.record_succession(
        [district], [province["commune_b"]], kind="abolish", effective_date=dt.date(2025, 7, 1),
        legal_basis="Luật Tổ chức chính quyền địa phương 2025",
    )  # fmt: skip
    from motcua.catalog.models import CaseComponent
    from motcua.dossiers.models import Applicant

    case = procedure.cases.first()
    world = {
        "versions": [(procedure, case, CaseComponent.objects.filter(case=case).first())],
        "receiving": [province["centre"]],
        "handling": [district],
        "applicant": Applicant.objects.create(kind="1", name="Lê Văn Hùng", id_number="038090001111"),
    }
    june = dt.datetime(2025, 6, 2, 9, 0, tzinfo=ORIGIN.tzinfo)
    minutes = int((june - ORIGIN).total_seconds() // 60)
    spec = dict(status=10, channel="1", receiving=0, handling=0, version=0, received=minutes, due_days=7,
                due_minute=9 * 60, duration=3 * 24 * 60, pauses=[], apology=False, digitised=True)  # fmt: skip
    make(world, [spec, dict(spec, status=4)])
    rollup.rebuild()
    period = build("month", year=2025, number=6)
    then = report(province["ubnd"].pk, THEN, period)
    today = report(province["ubnd"].pk, TODAY, period)
    assert [(r.kind, r.label) for r in then.rows][:2] == [("total", "Tổng số"), ("level", "Cấp huyện")]
    assert [(r.kind, r.label) for r in today.rows][:2] == [("total", "Tổng số"), ("level", "Cấp xã")]
    assert then.total.values == today.total.values and then.total.values[3] == 2
    commune_today = report(province["commune_b"].pk, TODAY, period).total.values
    assert commune_today[3] == 2 and commune_today[8] == 1 and commune_today[13] == 1  # overdue since 10/06
    assert report(province["commune_b"].pk, THEN, period).total.values[3] == 0
