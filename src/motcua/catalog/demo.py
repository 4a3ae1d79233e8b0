"""The demo catalogue: a real subset of the national catalogue shipped with motcua, assigned to the demo units.

``load_demo_catalog()`` imports ``data/demo_procedures.jsonl`` (valid from 1/7/2025, the start of the two-tier
local government) and assigns each procedure to the demo agencies of ``motcua/demo/data/province.json``:
provincial procedures are received at the provincial centre and handled by the competent Sở (or Công an tỉnh);
commune procedures are received at each commune centre and handled by its UBND. Both steps are idempotent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from motcua.catalog import search, services
from motcua.catalog.choices import AssignmentRole, Level
from motcua.catalog.importing.loader import ImportSummary, import_file
from motcua.catalog.models import Procedure, ProcedureAssignment
from motcua.core.dated import overlaps_q
from motcua.org.services import agency_on

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_procedures.jsonl"
VALID_FROM = dt.date(2025, 7, 1)
DECISION = "Danh mục TTHC mẫu (dữ liệu thử nghiệm)"

PROVINCE_CENTRE = "000.00.02.H56"
JUSTICE = "000.00.03.H56"
FINANCE = "000.00.05.H56"
AGRICULTURE_ENVIRONMENT = "000.00.06.H56"
LAND_REGISTRY = "000.01.06.H56"
CONSTRUCTION = "000.00.07.H56"
PROVINCIAL_POLICE = "000.38.00.G01"
COMMUNES = [(f"001.00.5{n}.H56", f"000.00.5{n}.H56") for n in range(1, 8)]  # (centre, UBND)

# Field (lĩnh vực, lower case, substring) → the provincial agency that handles it.
FIELD_HANDLERS = [
    ("hộ tịch", JUSTICE),
    ("chứng thực", JUSTICE),
    ("công chứng", JUSTICE),
    ("luật sư", JUSTICE),
    ("biện pháp bảo đảm", JUSTICE),
    ("lý lịch tư pháp", JUSTICE),
    ("quốc tịch", JUSTICE),
    ("nuôi con nuôi", JUSTICE),
    ("đất đai", AGRICULTURE_ENVIRONMENT),
    ("xây dựng", CONSTRUCTION),
    ("nhà ở", CONSTRUCTION),
    ("bất động sản", CONSTRUCTION),
    ("doanh nghiệp", FINANCE),
    ("hộ kinh doanh", FINANCE),
    ("cư trú", PROVINCIAL_POLICE),
]
# Land procedures that register or certify rights are handled by the land registration office.
LAND_REGISTRY_WORDS = ("đăng ký", "giấy chứng nhận", "biến động", "đính chính", "cấp đổi", "cấp lại")


def provincial_handler(field_name: str, procedure_name: str) -> str | None:
    field_name, procedure_name = field_name.lower(), procedure_name.lower()
    for word, identifier in FIELD_HANDLERS:
        if word in field_name:
            if identifier == AGRICULTURE_ENVIRONMENT and any(
                w in procedure_name for w in LAND_REGISTRY_WORDS
            ):
                return LAND_REGISTRY
            return identifier
    return None


def load_demo_catalog(path: Path = DEMO_FILE) -> ImportSummary:
    summary = import_file(path, valid_from=VALID_FROM)
    with search.deferred_reindex(), transaction.atomic():
        assign_demo_catalog()
    return summary


def assign_demo_catalog() -> int:
    """Assign the imported procedures to the demo agencies; returns the number of new assignments."""
    created = 0
    agencies: dict[str, object] = {}

    def agency(identifier: str):
        if identifier not in agencies:
            agencies[identifier] = agency_on(identifier, VALID_FROM)
        return agencies[identifier]

    def ensure(procedure: Procedure, identifier: str, role: str) -> None:
        nonlocal created
        target = agency(identifier)
        if target is None:
            return
        exists = (
            ProcedureAssignment.objects.filter(procedure=procedure, agency=target, role=role)
            .filter(overlaps_q(VALID_FROM, None))
            .exists()
        )
        if not exists:
            services.assign(procedure, target, role, valid_from=VALID_FROM, decision=DECISION)
            created += 1

    codes = [
        json.loads(line)["ma_thu_tuc"]
        for line in DEMO_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    procedures = Procedure.objects.filter(code__in=codes).select_related("current_version__field")
    for procedure in procedures:
        version = services.version_on(procedure, VALID_FROM) or procedure.current_version
        if version is None:
            continue
        if Level.PROVINCE in version.levels:
            handler = provincial_handler(version.field.name if version.field else "", version.name)
            ensure(procedure, PROVINCE_CENTRE, AssignmentRole.RECEIVES)
            if handler:
                ensure(procedure, handler, AssignmentRole.HANDLES)
        if Level.COMMUNE in version.levels:
            for centre, ubnd in COMMUNES:
                ensure(procedure, centre, AssignmentRole.RECEIVES)
                ensure(procedure, ubnd, AssignmentRole.HANDLES)
    return created
