"""Which dossiers can arise, read once: every procedure version valid at the window's start whose channel options
carry a time limit (due dates come from that limit), received at one unit and handled by one agency (a
:class:`Combo`), weighted by field and by the unit's level; and the officers who act for each unit."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field

from motcua.catalog.choices import AssignmentRole, Channel, PauseMode
from motcua.catalog.models import ProcedureAssignment, ProcedureVersion
from motcua.catalog.services import version_on
from motcua.core.dated import valid_on_q
from motcua.demo.generator.calibration import FIELD_WEIGHTS
from motcua.dossiers.services.intake import channel_option
from motcua.org.models import Agency, RoleAssignment
from motcua.org.permissions import counted_from
from motcua.org.tree import AgencyTree


@dataclass
class Combo:
    """One way a dossier can arise: a procedure version received at one centre, handled by one agency."""

    version_id: int
    name: str
    receiving: Agency
    handling: Agency
    cases: list  # [(case_id, [(case_component_id, name, originals, copies)], {channel: (amount, unit)})]
    pause_mode: str
    enterprise: bool
    result_name: str
    result_code: str
    receiving_id: int = field(init=False)
    handling_id: int = field(init=False)

    def __post_init__(self):
        self.receiving_id, self.handling_id = self.receiving.pk, self.handling.pk


class Catalogue:
    """The combos and their weights, drawn at random in proportion to their weight."""

    def __init__(self, weighted: list[tuple[Combo, float]]):
        self.combos = [c for c, _ in weighted]
        total = sum(w for _, w in weighted)
        acc, self.cum = 0.0, []
        for _, w in weighted:
            acc += w
            self.cum.append(acc / total)

    def pick(self, rng: random.Random) -> Combo:
        # the first combo whose cumulative share reaches the draw
        return self.combos[min(bisect.bisect_left(self.cum, rng.random()), len(self.cum) - 1)]


def combos(on: dt.date) -> list[tuple[Combo, float]]:
    """Every combo valid on ``on`` with its weight (the provincial centre receives for the whole province: more
    dossiers per procedure)."""
    by_procedure = _versions_on(on)
    receives, handles = _assignments(on, by_procedure)
    found = []
    for procedure_id, version in by_procedure.items():
        cases = _cases(version)
        if not cases:
            continue
        for receiving in receives.get(procedure_id, []):
            handling = _handler(receiving, handles.get(procedure_id, []))
            if handling is not None:
                combo, weight = _combo(version, cases, receiving, handling)
                found.append((combo, weight * (3.0 if receiving.level == "province" else 1.0)))
    return found


def _versions_on(on: dt.date) -> dict[int, ProcedureVersion]:
    """The version of each procedure in force on ``on`` (published ones, with what the generator reads)."""
    versions = {
        v.pk: v
        for v in ProcedureVersion.objects.filter(state="published")
        .select_related("field", "procedure")
        .prefetch_related("cases__components", "channel_options", "results")
    }
    by_procedure: dict[int, ProcedureVersion] = {}
    for version in versions.values():
        chosen = version_on(version.procedure, on)
        if chosen is not None:
            by_procedure[version.procedure_id] = versions.get(chosen.pk, chosen)
    return by_procedure


def _assignments(on: dt.date, procedures) -> tuple[dict[int, list[Agency]], dict[int, list[Agency]]]:
    """Per procedure: the units that receive it and the agencies that handle it, on ``on``."""
    assignments = (
        ProcedureAssignment.objects.filter(valid_on_q(on), procedure_id__in=procedures)
        .filter(valid_on_q(on, "agency__"))
        .select_related("agency")
    )
    receives: dict[int, list[Agency]] = {}
    handles: dict[int, list[Agency]] = {}
    for a in assignments:
        (receives if a.role == AssignmentRole.RECEIVES else handles).setdefault(a.procedure_id, []).append(
            a.agency
        )
    return receives, handles


def _cases(version: ProcedureVersion) -> list:
    """The cases of ``version`` with a time limit on some channel (the limit that intake would apply:
    ``intake.channel_option``), with their required components."""
    options = list(version.channel_options.all())
    cases = []
    for case in version.cases.all():
        limits = {}
        for channel in Channel.values:
            option = channel_option(options, case, channel)
            if option is not None and option.has_limit:
                limits[channel] = (option.limit_amount, option.limit_unit)
        if limits:
            components = [(c.pk, c.name, c.originals, c.copies) for c in case.components.all() if c.required]
            cases.append((case.pk, components, limits))
    return cases


def _handler(receiving: Agency, handlers: list[Agency]) -> Agency | None:
    """The one agency that handles what ``receiving`` receives (among several, the unit itself or its parent)."""
    if len(handlers) > 1:
        handlers = [h for h in handlers if h.pk in {receiving.pk, receiving.parent_id}]
    return handlers[0] if len(handlers) == 1 else None


def _combo(
    version: ProcedureVersion, cases: list, receiving: Agency, handling: Agency
) -> tuple[Combo, float]:
    field_name = (version.field.name if version.field else "").lower()
    results = list(version.results.all())
    combo = Combo(
        version_id=version.pk,
        name=version.name[:500],
        receiving=receiving,
        handling=handling,
        cases=cases,
        pause_mode=version.supplement_clock or PauseMode.PAUSE,
        enterprise="doanh nghiệp" in field_name or "hộ kinh doanh" in field_name,
        result_name=(results[0].name if results else "Văn bản giải quyết thủ tục")[:300],
        result_code=(results[0].code if results else ""),
    )
    return combo, next((w for word, w in FIELD_WEIGHTS if word in field_name), 1.0)


# --- the officers ---------------------------------------------------------------------------------------------


@dataclass
class People:
    """Officers who act for a unit (any, for realism of the log): (user id, display name, role)."""

    counter: dict = field(default_factory=dict)
    processor: dict = field(default_factory=dict)
    lead: dict = field(default_factory=dict)


def people(agencies: list[Agency], on: dt.date) -> People:
    found = People()
    tree = AgencyTree.load()
    rows = list(RoleAssignment.objects.filter(valid_on_q(on)).select_related("user"))
    for agency in agencies:
        inside = counted_from(tree, agency.pk)  # whose processing roles count there (org.permissions)
        for bucket, roles, scope in (
            (found.counter, {"COUNTER_OFFICER"}, {agency.pk}),
            (found.processor, {"SPECIALIST", "DEPT_LEAD"}, inside),
            (found.lead, {"AGENCY_LEAD", "CLERK"}, {agency.pk}),
        ):
            bucket[agency.pk] = _acting(rows, roles, scope)
    return found


def _acting(rows: list, roles: set[str], scope: set[int]) -> list[tuple]:
    found = [
        (r.user_id, _person_name(r.user), r.role)
        for r in rows
        if r.role in roles and r.agency_id in scope and r.user.is_active
    ]
    return sorted(found) or [(None, "", sorted(roles)[0])]


def _person_name(user) -> str:
    name = " ".join(p for p in (user.last_name, user.first_name) if p)
    return name or user.username
