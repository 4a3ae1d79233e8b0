"""The approved internal processes of the demo catalogue (``data/demo_processes.json``), built from templates.

Each demo procedure names, for each level it is handled at (province, commune), a template of steps (a Sở with a
division, a unit without one, a commune, the same day, each with or without a partner agency) and its parameters
(the result it issues, the partner, the partner's share). :func:`build` turns them into steps whose shares fit the
procedure's legal time limit: the fixed steps take their nominal share, or their minimum share when the limit is
short; the specialist's examination takes what remains, rounded down to half a day. :func:`load_demo_processes`
publishes them through :mod:`motcua.catalog.processes` under the unit's approval decision, valid from the version's
first day; run again it changes nothing (a process whose template or decision changed is published anew and
supersedes the old one).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from django.db import transaction

from motcua.catalog import processes
from motcua.catalog.choices import AssignmentRole, Level, LimitUnit, VersionState
from motcua.catalog.models import InternalProcess, Performer, Procedure, ProcedureAssignment
from motcua.core.dated import valid_on_q
from motcua.org.models import Agency
from motcua.org.services import agency_on

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_processes.json"
COMMUNE = "commune"
LEVELS = (Level.PROVINCE.value, Level.COMMUNE.value)
HALF_DAY = Decimal(4)


class DemoProcessError(ValueError):
    """The data file asks for something that cannot be built (a mistake of the data, named in the message)."""


@dataclass
class StepSpec:
    """A step to create: the fields of :class:`ProcessStep` with its unit as an identifier."""

    order: int
    name: str
    role: str
    performer: str
    hours: Decimal
    unit: str = ""
    needs_signature: bool = False
    notify_citizen: bool = False
    send_back_to: list[int] = field(default_factory=list)
    output: str = ""

    @property
    def amount(self) -> tuple[Decimal, str]:
        """The share as stored: whole or half working days from a day up, else working hours."""
        if self.hours >= 8 and self.hours % HALF_DAY == 0:
            return (self.hours / 8).quantize(Decimal("0.01")), LimitUnit.WORKING_DAYS
        return self.hours.quantize(Decimal("0.01")), LimitUnit.WORKING_HOURS

    def key(self) -> tuple:
        amount, unit = self.amount
        return (
            self.order,
            self.name,
            self.role,
            self.performer,
            self.unit,
            amount,
            unit,
            self.needs_signature,
            self.notify_citizen,
            list(self.send_back_to),
            self.output,
        )


@dataclass
class Plan:
    """One process to publish: for a procedure at a level."""

    procedure: str
    level: str
    template: str
    handler: str  # the unit's key in the data (an agency identifier, or "commune")
    code: str
    steps: list[StepSpec]
    decision_number: str
    decision_date: dt.date
    decision_signer: str
    note: str


@dataclass
class Loaded:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)  # procedures of the data not in the database


def read(path: Path = DATA_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _hours(value) -> Decimal:
    return Decimal(str(value))


def shares(template: dict, limit: Decimal | None, params: dict, thresholds: dict) -> list[Decimal]:
    """The share of each step of ``template`` in working hours, for a procedure whose shortest legal limit is
    ``limit`` working hours (None: the data gives none). See the module docstring."""
    steps = template["steps"]
    partner = _hours(params.get("partner_days", 0)) * 8
    if limit is None and params.get("days"):
        limit = _hours(params["days"]) * 8  # the limit the source states without its unit
    nominal = [_hours(s["hours"]) for s in steps if "hours" in s]
    if limit is None:
        fixed, rest = nominal, _hours(template["rest_days"]) * 8
    else:
        available = limit - partner
        if sum(nominal) <= Decimal(str(thresholds["nominal_share"])) * available:
            fixed = nominal
        else:
            fixed = [_hours(s["min"]) for s in steps if "hours" in s]
        rest = available - sum(fixed)
        if rest >= 8:
            rest = (rest / HALF_DAY).to_integral_value(rounding=ROUND_FLOOR) * HALF_DAY
        if rest < _hours(thresholds["min_rest_hours"]):
            raise DemoProcessError(
                f"{params.get('code')}: mẫu {params.get('template')} không vừa thời hạn {limit} giờ làm việc"
            )
    found, fixed_shares = [], iter(fixed)
    for s in steps:
        if s.get("rest"):
            found.append(rest)
        elif s.get("partner"):
            found.append(partner)
        else:
            found.append(next(fixed_shares))
    return found


def build(
    data: dict, code: str, level: str, limit: Decimal | None, handler: Agency, params: dict
) -> list[StepSpec]:
    """The steps of the process of procedure ``code`` at ``level``, handled by ``handler``."""
    template = data["templates"][params["template"]]
    unit = data["units"][COMMUNE if level == COMMUNE else handler.identifier]
    partner = data["partners"].get(params.get("partner", ""), {})
    if any(s.get("partner") for s in template["steps"]) and not partner:
        raise DemoProcessError(f"{code}: mẫu {params['template']} cần cơ quan phối hợp (partner)")
    words = {
        "result": params["result"],
        "leader": unit["leader"],
        "unit_name": handler.name,
        "partner_task": partner.get("task", ""),
        "partner_output": partner.get("output", ""),
    }
    hours = shares(template, limit, {**params, "code": code}, data["thresholds"])
    steps = []
    for order, (s, share) in enumerate(zip(template["steps"], hours, strict=True), start=1):
        performer, where = s["performer"], ""
        if performer == "specialist":  # the division where the unit has one, else the unit itself
            performer = Performer.DIVISION if unit.get("division") else Performer.COMPETENT
        if performer == Performer.DIVISION:
            if not unit.get("division"):
                raise DemoProcessError(f"{code}: mẫu {params['template']} cần phòng chuyên môn của {handler}")
            where = unit["division"]
        elif performer == Performer.PARTNER:
            where = partner["unit"]
        steps.append(
            StepSpec(
                order=order,
                name=s["name"].format(**words),
                role=s["role"],
                performer=performer,
                hours=share,
                unit=where,
                needs_signature=s.get("needs_signature", False),
                notify_citizen=s.get("notify_citizen", False),
                send_back_to=list(s.get("send_back_to", [])),
                output=s.get("output", "").format(**words),
            )
        )
    return steps


def _handlers(procedures: list[Procedure], on: dt.date) -> dict[int, Agency]:
    """Procedure id → the provincial agency that handles it on ``on`` (one query)."""
    found = {}
    rows = (
        ProcedureAssignment.objects.filter(
            valid_on_q(on), procedure__in=procedures, role=AssignmentRole.HANDLES
        )
        .filter(agency__level=Level.PROVINCE)
        .select_related("agency")
        .order_by("agency__identifier")
    )
    for row in rows:
        found.setdefault(row.procedure_id, row.agency)
    return found


def _commune_handler(procedure: Procedure, on: dt.date) -> Agency | None:
    row = (
        ProcedureAssignment.objects.filter(
            valid_on_q(on), procedure=procedure, role=AssignmentRole.HANDLES, agency__level=Level.COMMUNE
        )
        .select_related("agency")
        .order_by("agency__identifier")
        .first()
    )
    return row.agency if row else None


def plans(data: dict | None = None, loaded: Loaded | None = None) -> list[tuple[Plan, object]]:
    """Every process of the data file with the procedure version it belongs to."""
    data = data or read()
    loaded = loaded or Loaded()
    codes = [row["code"] for row in data["procedures"]]
    by_code = {
        p.code: p
        for p in Procedure.objects.filter(code__in=codes)
        .select_related("current_version")
        .prefetch_related("current_version__channel_options")
    }
    versions = {}
    for code, procedure in by_code.items():
        version = procedure.current_version
        if version is None or version.state != VersionState.PUBLISHED or version.valid_from is None:
            continue
        versions[code] = version
    handlers = {}
    if versions:
        handlers = _handlers([by_code[c] for c in versions], min(v.valid_from for v in versions.values()))
    numbers: dict[str, int] = {}
    found = []
    for row in data["procedures"]:
        code = row["code"]
        version = versions.get(code)
        if version is None:
            loaded.missing.append(code)
            continue
        limit = processes.legal_limit(version)
        for level in LEVELS:
            params = row.get(level)
            if params is None:
                continue
            params = {**params, "result": row["result"]}
            if level == COMMUNE:
                handler = _commune_handler(by_code[code], version.valid_from)
                unit_key = COMMUNE
            else:
                handler = handlers.get(by_code[code].pk)
                unit_key = handler.identifier if handler else ""
            if handler is None or unit_key not in data["units"]:
                raise DemoProcessError(f"{code}: không có đơn vị giải quyết ở {level} trong dữ liệu minh họa")
            unit = data["units"][unit_key]
            numbers[unit["code"]] = numbers.get(unit["code"], 0) + 1
            decision = unit["decision"]
            found.append(
                (
                    Plan(
                        procedure=code,
                        level=level,
                        template=params["template"],
                        handler=unit_key,
                        code=f"QT-{unit['code']}-{numbers[unit['code']]:02d}",
                        steps=build(data, code, level, limit[0] if limit else None, handler, params),
                        decision_number=decision["number"],
                        decision_date=dt.date.fromisoformat(decision["date"]),
                        decision_signer=decision["signer"],
                        note=f"{data['note']} Mẫu quy trình: {data['templates'][params['template']]['label']}.",
                    ),
                    version,
                )
            )
    return found


def _same(process: InternalProcess, plan: Plan, units: dict[int, str]) -> bool:
    stored = [
        (
            s.order,
            s.name,
            s.role,
            s.performer,
            units.get(s.unit_id, "") if s.unit_id else "",
            Decimal(s.limit_amount).quantize(Decimal("0.01")),
            s.limit_unit,
            s.needs_signature,
            s.notify_citizen,
            list(s.send_back_to or []),
            s.output,
        )
        for s in process.steps.all()
    ]
    return stored == [s.key() for s in plan.steps] and (
        process.code,
        process.decision_number,
        process.decision_date,
        process.decision_signer,
        process.note,
    ) == (plan.code, plan.decision_number, plan.decision_date, plan.decision_signer, plan.note)


@transaction.atomic
def load_demo_processes(path: Path = DATA_FILE) -> Loaded:
    """Publish the demo processes that are not published yet (or changed); see the module docstring."""
    loaded = Loaded()
    found = plans(read(path), loaded)
    if not found:
        return loaded
    current = {
        (p.version_id, p.level): p
        for p in InternalProcess.objects.filter(
            version__in=[v for _, v in found], state=VersionState.PUBLISHED, valid_to__isnull=True
        ).prefetch_related("steps")
    }
    unit_ids = {s.unit_id for p in current.values() for s in p.steps.all() if s.unit_id}
    units = dict(Agency.objects.filter(pk__in=unit_ids).values_list("pk", "identifier"))
    agencies: dict[tuple[str, dt.date], Agency] = {}
    for plan, version in found:
        existing = current.get((version.pk, plan.level))
        if existing is not None and _same(existing, plan, units):
            loaded.unchanged += 1
            continue
        draft = processes.new_draft(version, level=plan.level, source=existing)
        draft.code, draft.note = plan.code, plan.note
        draft.save(update_fields=["code", "note"])
        steps = []
        for s in plan.steps:
            amount, unit = s.amount
            unit_record = None
            if s.unit:
                if (s.unit, version.valid_from) not in agencies:
                    agencies[(s.unit, version.valid_from)] = agency_on(s.unit, version.valid_from)
                unit_record = agencies[(s.unit, version.valid_from)]
                if unit_record is None:
                    raise DemoProcessError(
                        f"{plan.procedure}: không có đơn vị {s.unit} ngày {version.valid_from}"
                    )
            steps.append(
                {
                    "order": s.order,
                    "name": s.name,
                    "role": s.role,
                    "performer": s.performer,
                    "unit": unit_record,
                    "limit_amount": amount,
                    "limit_unit": unit,
                    "needs_signature": s.needs_signature,
                    "notify_citizen": s.notify_citizen,
                    "send_back_to": s.send_back_to,
                    "output": s.output,
                }
            )
        processes.replace_steps(draft, steps)
        processes.publish(
            draft,
            valid_from=version.valid_from,
            decision_number=plan.decision_number,
            decision_date=plan.decision_date,
            decision_signer=plan.decision_signer,
            note="Quy trình nội bộ minh họa",
        )
        if existing is None:
            loaded.created += 1
        else:
            loaded.updated += 1
    return loaded
