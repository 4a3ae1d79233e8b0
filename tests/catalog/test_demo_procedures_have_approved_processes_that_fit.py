"""Every demo procedure is handled under an approved internal process (QT-…): one per level it is handled at,
3 to 7 steps, shares within its legal time limit, the partner's step where the procedure is liên thông, and every
step's role held by someone in the unit the step goes to. The demo loads them once: loading again changes nothing,
and a changed template is published anew, superseding the old process."""

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from motcua.catalog import demo, demo_processes, processes
from motcua.catalog.choices import AssignmentRole, Level, VersionState
from motcua.catalog.models import InternalProcess, Performer, Procedure, ProcessStep
from motcua.core.models import AuditEntry
from motcua.demo.loader import load_province
from motcua.dossiers.services import routing
from motcua.org import services as org
from motcua.org.tree import AgencyTree

LEVELS = (Level.PROVINCE, Level.COMMUNE)
PROVINCE_CENTRE = "000.00.02.H56"
DATA = demo_processes.read()
TEMPLATES = DATA["templates"]
THRESHOLDS = DATA["thresholds"]


def load_demo():
    load_province()
    demo.load_demo_catalog()
    return demo_processes.load_demo_processes()


def demo_versions():
    codes = [
        json.loads(line)["ma_thu_tuc"] for line in demo.DEMO_FILE.read_text(encoding="utf-8").splitlines()
    ]
    return [
        p.current_version for p in Procedure.objects.filter(code__in=codes).select_related("current_version")
    ]


def partner_codes() -> dict[tuple[str, str], str]:
    """(procedure, level) → the partner agency the data names for it."""
    return {
        (row["code"], level): DATA["partners"][row[level]["partner"]]["unit"]
        for row in DATA["procedures"]
        for level in LEVELS
        if level in row and "partner" in row[level]
    }


@pytest.mark.django_db
def test_every_demo_procedure_has_one_approved_process_per_level_that_fits_its_limit():
    loaded = load_demo()
    today = timezone.localdate()
    versions = demo_versions()
    assert len(versions) == len(demo.DEMO_FILE.read_text(encoding="utf-8").splitlines())
    partners = partner_codes()
    assert partners, "the demo has liên thông procedures"
    expected = 0
    for version in versions:
        valid = processes.valid_on(version, today)
        levels = [level for level in LEVELS if level in version.levels]
        assert levels, version.procedure.code
        assert sorted(p.level for p in valid) == sorted(levels), version.procedure.code
        for process in valid:
            expected += 1
            where = f"{version.procedure.code} ({process.level})"
            steps = list(process.steps.all())
            assert 3 <= len(steps) <= 7, where
            assert processes.share_problems(process) == [], where
            limit = processes.legal_limit(version)
            if limit is not None:
                assert processes.total_hours(steps) <= limit[0], where
            assert process.valid_from == version.valid_from and process.valid_to is None, where
            assert process.code.startswith("QT-") and process.decision_number.endswith("/QĐ-UBND"), where
            assert process.decision_signer and process.decision_date <= process.valid_from, where
            assert "minh họa" in process.note, where
            assert steps[0].performer == Performer.RECEIVING and steps[-1].performer == Performer.RECEIVING
            assert sum(s.needs_signature for s in steps) == 1, where
            partner_steps = [s for s in steps if s.performer == Performer.PARTNER]
            wanted = partners.get((version.procedure.code, process.level))
            if wanted is None:
                assert partner_steps == [], where
            else:
                assert [s.unit.identifier for s in partner_steps] == [wanted], where
                assert all(s.notify_citizen for s in partner_steps), where  # the citizen learns it left
                assert org.agency_on(wanted, today) is not None, where
    assert loaded.created == expected and loaded.missing == []


@pytest.mark.django_db
def test_every_step_role_is_held_in_the_unit_the_step_goes_to():
    load_demo()
    today = timezone.localdate()
    tree = AgencyTree.load()
    centre = org.agency_on(PROVINCE_CENTRE, today)
    missing = []
    checked = 0
    for version in demo_versions():
        for process in processes.valid_on(version, today):
            handles = version.procedure.assignments.filter(
                role=AssignmentRole.HANDLES, agency__level=process.level
            )
            for agency in handles.select_related("agency__parent"):
                handling = org.agency_on(agency.agency.identifier, today)
                if handling is None:
                    continue
                receiving = centre
                if process.level == Level.COMMUNE:
                    receiving = org.agencies_on(today).get(parent=handling, kind="ttpvhcc_xa")
                dossier = SimpleNamespace(
                    handling_agency=handling, receiving_agency=receiving, procedure_version=version
                )
                for step in process.steps.all():
                    unit = routing.step_unit(dossier, step, today, tree)
                    checked += 1
                    if not routing.holders(unit.pk, step.role, today, tree):
                        missing.append(f"{process.code} bước {step.order}: {step.role} ở {unit}")
    assert checked > 500
    assert sorted({m.split(": ", 1)[1] for m in missing}) == []


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_a_changed_template_supersedes_the_old_process(tmp_path):
    load_demo()
    before = (InternalProcess.objects.count(), ProcessStep.objects.count(), AuditEntry.objects.count())
    again = demo_processes.load_demo_processes()
    assert (again.created, again.updated) == (0, 0) and again.unchanged == before[0]
    assert (
        InternalProcess.objects.count(),
        ProcessStep.objects.count(),
        AuditEntry.objects.count(),
    ) == before

    changed = json.loads(json.dumps(DATA))
    changed["templates"]["xa"]["steps"][0]["name"] = (
        "Tiếp nhận, kiểm tra, số hóa hồ sơ; chuyển công chức chuyên môn"
    )
    path = tmp_path / "processes.json"
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    uses_xa = sum(1 for row in DATA["procedures"] if row.get("commune", {}).get("template") == "xa")
    third = demo_processes.load_demo_processes(path)
    assert third.updated == uses_xa and third.created == 0
    residence = Procedure.objects.get(code="1.004222").current_version
    now = processes.process_for(residence, Level.COMMUNE, timezone.localdate(), exact=True)
    assert now.number == 2 and now.steps.get(order=1).name.startswith("Tiếp nhận, kiểm tra, số hóa")
    old = InternalProcess.objects.get(version=residence, level=Level.COMMUNE, number=1)
    assert old.state == VersionState.SUPERSEDED and now.code == old.code
    assert demo_processes.load_demo_processes(path).unchanged == before[0]


def test_shares_take_the_nominal_time_when_the_limit_allows_and_the_minimum_when_it_is_short():
    so_nganh = TEMPLATES["so_nganh"]
    roomy = demo_processes.shares(so_nganh, Decimal(120), {}, THRESHOLDS)
    assert roomy == [4, 4, 92, 4, 8, 4, 4] and sum(roomy) == 120
    short = demo_processes.shares(so_nganh, Decimal(24), {}, THRESHOLDS)
    assert short == [1, 1, 16, 2, 2, 1, 1] and sum(short) <= 24
    # the specialist's remainder is rounded down to half a day: the total stays under the limit
    assert sum(demo_processes.shares(TEMPLATES["xa"], Decimal(16), {}, THRESHOLDS)) == 15


def test_the_partner_share_counts_and_a_limit_without_unit_or_none_uses_the_stated_days_or_the_nominal_time():
    with_tax = demo_processes.shares(
        TEMPLATES["xa_lien_thong"], Decimal(136), {"partner_days": 5}, THRESHOLDS
    )
    assert with_tax[2] == 40 and sum(with_tax) == 136
    assert sum(demo_processes.shares(TEMPLATES["trong_ngay"], None, {"days": 1}, THRESHOLDS)) == 8
    nominal = demo_processes.shares(TEMPLATES["so_nganh"], None, {}, THRESHOLDS)
    assert nominal[2] == Decimal(TEMPLATES["so_nganh"]["rest_days"]) * 8


def test_a_template_that_cannot_fit_the_limit_is_refused_with_the_procedure_named():
    with pytest.raises(demo_processes.DemoProcessError, match="1.999999"):
        demo_processes.shares(
            TEMPLATES["so_nganh_lien_thong"], Decimal(16), {"partner_days": 1, "code": "1.999999"}, THRESHOLDS
        )


def test_the_data_names_only_known_templates_partners_and_levels():
    codes = [
        json.loads(line)["ma_thu_tuc"] for line in demo.DEMO_FILE.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(row["code"] for row in DATA["procedures"]) == sorted(codes)
    for row in DATA["procedures"]:
        assert set(row) - {"code", "result"} <= set(LEVELS) and row["result"], row["code"]
        for level in LEVELS:
            if level in row:
                template = TEMPLATES[row[level]["template"]]
                assert 3 <= len(template["steps"]) <= 7
                has_partner = any(s.get("partner") for s in template["steps"])
                assert has_partner == ("partner" in row[level]), row["code"]
    assert dt.date.fromisoformat(DATA["units"]["commune"]["decision"]["date"]) < dt.date(2025, 7, 1)
