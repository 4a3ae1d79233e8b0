"""Where the work of a dossier goes: its internal process turned into steps, the unit of each step, who gets a step
when it starts, who may complete it, and a step's deadline in legal time.

- **The plan** (:func:`plan_steps`): the approved process the dossier keeps (``Dossier.process``, chosen at transfer
  by the procedure version, the level of the competent body and the day of reception), less the counter's own steps
  at its two ends (reception and return are the counter's transitions, T2/T5 and T14). A procedure with no approved
  process gets one step for the whole limit.
- **The unit of a step** (:func:`step_unit`), by its performer: the competent body; its division that handles the
  procedure (named on the step, else the division assigned the procedure, else its only division); its leader; the
  named partner; the commune; the receiving counter.
- **Who gets it** (:func:`route`): the handler already named (a step done over after a send-back keeps the one who
  did it); a step to sign goes to the unit's leader when it has exactly one; a specialist's step goes to the unit's
  dispatcher queue ("Chờ phân công"), or straight to a specialist when the unit's leader chose automatic assignment
  (the least loaded, or in turn). Other steps wait in their role's queue ("Chờ ký duyệt", "Chờ phát hành").
- **Who may complete it** (:func:`may_complete`): its assignee, or a leader of its unit; an unassigned step that is
  not a specialist's, anyone holding its role there. An unassigned specialist's step must be assigned first.
- **Its deadline** (:func:`step_due`): its share from its start, moved by the dossier's pauses like the dossier's.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.utils import timezone

from motcua.catalog import processes
from motcua.catalog.choices import AssignmentRole
from motcua.catalog.models import Performer, ProcedureAssignment
from motcua.core.dated import valid_on_q
from motcua.dossiers.choices import StepKind, WorkQueue
from motcua.dossiers.models import AssignmentMode, AssignmentRule, Dossier, DossierStep
from motcua.dossiers.services import clock as dossier_clock
from motcua.org import permissions
from motcua.org.models import Agency, RoleAssignment
from motcua.org.models.agency import AgencyKind
from motcua.org.roles import Role
from motcua.org.tree import AgencyTree
from motcua.worktime.engine import Pause
from motcua.worktime.engine.clock import PauseMode, PauseReason

LEADERS = frozenset({Role.DEPT_LEAD, Role.AGENCY_LEAD})
GENERIC_STEP = "Thẩm định, xử lý hồ sơ"
ISSUE_STEP = "Phát hành văn bản kết quả"
PROCESS_LEVELS = {"province": "province", "commune": "commune"}


def process_level(agency: Agency) -> str:
    return PROCESS_LEVELS.get(agency.level, "")


def choose_process(dossier: Dossier):
    """The approved process the dossier is handled under: the one in force on the day it was received."""
    on = timezone.localdate(dossier.received_at or timezone.now())
    return processes.process_for(dossier.procedure_version_id, process_level(dossier.handling_agency), on)


def plan_steps(dossier: Dossier, now: dt.datetime) -> list[DossierStep]:
    """The dossier's steps (unsaved), in order; sets ``dossier.process`` the first time."""
    if dossier.process_id is None:
        dossier.process = choose_process(dossier)
    process = dossier.process
    plan = list(process.steps.select_related("unit").order_by("order")) if process else []
    while plan and plan[0].performer == Performer.RECEIVING:
        plan.pop(0)  # the counter's reception: done by T2 and the transfer
    while plan and plan[-1].performer == Performer.RECEIVING:
        plan.pop()  # the counter's return of the result: T14
    if not plan:
        return [
            DossierStep(
                dossier=dossier,
                order=1,
                name=GENERIC_STEP,
                agency=dossier.handling_agency,
                role=Role.SPECIALIST,
                limit_amount=dossier.limit_amount,
                limit_unit=dossier.limit_unit,
                queue=WorkQueue.ASSIGN,
            )
        ]
    day = timezone.localdate(now)
    tree = AgencyTree.load()
    steps = [
        DossierStep(
            dossier=dossier,
            order=s.order,
            kind=StepKind.PARTNER if s.performer == Performer.PARTNER else StepKind.INTERNAL,
            name=s.name,
            agency=step_unit(dossier, s, day, tree),
            role=s.role,
            limit_amount=s.limit_amount,
            limit_unit=s.limit_unit,
            process_step=s,
            needs_signature=s.needs_signature,
        )
        for s in plan
    ]
    for step, following in zip(steps, [*steps[1:], None], strict=True):
        step.queue = queue_of(step, following)
    return steps


def queue_of(step: DossierStep, following: DossierStep | None = None) -> str:
    """The queue an open step waits in: a step to sign in "Chờ ký duyệt", the clerk's in "Chờ phát hành", a
    specialist's (and a leader's step whose work is to hand the next one to a specialist: "Phân công thụ lý") in
    "Chờ phân công" until somebody is assigned, any other in "Chờ xử lý"."""
    if step.needs_signature:
        return WorkQueue.SIGN
    if step.role == Role.CLERK:
        return WorkQueue.ISSUE
    if step.role == Role.SPECIALIST:
        return WorkQueue.ASSIGN
    if step.role in LEADERS and following is not None and following.role == Role.SPECIALIST:
        return WorkQueue.ASSIGN
    return WorkQueue.WORK


def dispatches(step: DossierStep) -> bool:
    """A leader's step whose work is to assign the next step (completing it names the next step's handler)."""
    return step.queue == WorkQueue.ASSIGN and step.role in LEADERS


def issue_step(dossier: Dossier, order: int) -> DossierStep:
    """The clerk's step that ends every process without one: the result is numbered, dated and issued (T13)."""
    return DossierStep(
        dossier=dossier,
        order=order,
        name=ISSUE_STEP,
        agency=dossier.handling_agency,
        role=Role.CLERK,
        queue=WorkQueue.ISSUE,
    )


def step_unit(dossier: Dossier, step, day: dt.date, tree: AgencyTree) -> Agency:
    """The unit that performs the process step ``step`` for ``dossier``."""
    handling = dossier.handling_agency
    performer = step.performer
    if performer == Performer.RECEIVING:
        return dossier.receiving_agency
    if performer == Performer.PARTNER and step.unit_id:
        return _in_force(step.unit, day)
    if performer == Performer.DIVISION:
        if step.unit_id:
            return _in_force(step.unit, day)
        return _division(dossier, handling, day, tree) or handling
    if performer == Performer.COMMUNE:
        if handling.kind == AgencyKind.COMMUNE_COMMITTEE:
            return handling
        parent = dossier.receiving_agency.parent
        if parent is not None and parent.kind == AgencyKind.COMMUNE_COMMITTEE:
            return parent
    return handling


def _in_force(agency: Agency, day: dt.date) -> Agency:
    """The record of ``agency``'s identifier in force on ``day`` (a process names a unit as it was approved)."""
    from motcua.org import services as org_services

    return org_services.agency_on(agency.identifier, day) or agency


def _division(dossier: Dossier, agency: Agency, day: dt.date, tree: AgencyTree) -> Agency | None:
    divisions = [pk for pk in tree.children.get(agency.pk, ()) if tree.kinds.get(pk) == AgencyKind.DIVISION]
    if not divisions:
        return None
    assigned = list(
        ProcedureAssignment.objects.filter(
            valid_on_q(day),
            procedure_id=dossier.procedure_version.procedure_id,
            role=AssignmentRole.HANDLES,
            agency_id__in=divisions,
        ).values_list("agency_id", flat=True)[:1]
    )
    live = [pk for pk in divisions if Agency.objects.filter(valid_on_q(day), pk=pk).exists()]
    chosen = assigned[0] if assigned else (live[0] if len(live) == 1 else None)
    return Agency.objects.get(pk=chosen) if chosen else None


def holders(unit_id: int, role: str, day: dt.date, tree: AgencyTree | None = None) -> list[int]:
    """The active officers whose ``role`` counts in ``unit_id`` on ``day`` (``permissions.counted_from``), by id."""
    tree = tree or AgencyTree.load()
    return sorted(
        set(
            RoleAssignment.objects.filter(
                valid_on_q(day),
                agency_id__in=permissions.counted_from(tree, unit_id),
                role=role,
                user__is_active=True,
            ).values_list("user_id", flat=True)
        )
    )


def route(step: DossierStep, now: dt.datetime) -> None:
    """Name the step's handler when the step says who (see the module docstring); else leave it to its queue."""
    if step.handler_id is not None:
        return
    day = timezone.localdate(now)
    if step.needs_signature:
        leaders = holders(step.agency_id, step.role or Role.AGENCY_LEAD, day)
        if len(leaders) == 1:
            step.handler_id = leaders[0]
        return
    if step.role == Role.SPECIALIST and step.kind == StepKind.INTERNAL:
        chosen = auto_assignee(step.agency_id, day)
        if chosen is not None:
            step.handler_id = chosen


def auto_assignee(unit_id: int, day: dt.date) -> int | None:
    """The specialist the unit's rule gives new work to, or None when its leader assigns by hand."""
    rule = AssignmentRule.objects.select_for_update().filter(unit_id=unit_id).first()
    if rule is None or rule.mode == AssignmentMode.MANUAL:
        return None
    pool = holders(unit_id, Role.SPECIALIST, day)
    if not pool:
        return None
    if rule.mode == AssignmentMode.ROUND_ROBIN:
        after = [pk for pk in pool if rule.last_assigned_id is not None and pk > rule.last_assigned_id]
        chosen = after[0] if after else pool[0]
    else:
        load = dict(
            DossierStep.objects.filter(
                handler_id__in=pool, finished_at__isnull=True, started_at__isnull=False
            )
            .order_by()
            .values("handler_id")
            .annotate(n=Count("id"))
            .values_list("handler_id", "n")
        )
        chosen = min(pool, key=lambda pk: (load.get(pk, 0), pk))
    rule.last_assigned_id = chosen
    rule.save(update_fields=["last_assigned", "updated_at"])
    return chosen


def may_complete(user, step: DossierStep | None, access: permissions.Access) -> bool:
    """May ``user`` complete (forward, sign, send back) the open step ``step``? See the module docstring."""
    if step is None:
        return False
    if getattr(user, "pk", None) is not None and step.handler_id == user.pk:
        return True
    held = access.roles_in(step.agency_id)
    if held & LEADERS:
        return True
    return step.handler_id is None and step.role != Role.SPECIALIST and step.role in held


def step_due(dossier: Dossier, step: DossierStep, now: dt.datetime) -> dt.datetime | None:
    """The step's deadline: its share from its start, moved by the dossier's pauses since then (a pause shifts it
    by the working time paused, as it shifts the dossier's appointment)."""
    if step.started_at is None or step.limit_amount is None or not step.limit_unit:
        return None
    pauses = []
    if dossier.pk is not None and getattr(dossier, "has_pauses", False):
        for p in dossier.pauses.all():
            if p.ended_at is not None and p.ended_at <= step.started_at:
                continue
            start = max(p.started_at, step.started_at)
            # a restart starts the steps again (their deadlines are new): for a step it is a pause
            pauses.append(
                Pause(start=start, end=p.ended_at, reason=PauseReason(p.reason), mode=PauseMode.PAUSE)
            )
    clock = dossier_clock.deadline_clock(
        dossier_clock.engine_for(dossier, timezone.localdate(step.started_at)),
        step.started_at,
        step.limit_amount,
        step.limit_unit,
        pauses,
    )
    return clock.due_at(now, include_extensions=False)
