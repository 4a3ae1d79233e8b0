"""The officers' work lists: each open step waits in one queue (``DossierStep.queue``), for one person (its
handler) or for whoever holds its role in its unit. One definition, read by the workspace's lists, the menu's
counts and the leaders' overview, so a number on the menu is the number of rows behind it.

- **Chờ phân công** (``assign``): steps nobody is assigned yet — a specialist's, or a leader's "Phân công thụ lý" —
  in the units where the officer leads (division head, agency leader).
- **Chờ xử lý** (``work``): the officer's own open steps (not sent back, not to sign, not to issue), and the
  unassigned ones of the "work" queue whose role the officer holds in the step's unit (a division head's review).
- **Bị trả lại**: the officer's own steps reopened by a send-back.
- **Chờ ký duyệt** (``sign``): steps to sign, the officer's own or unassigned in a unit where the officer holds the
  step's role.
- **Chờ phát hành** (``issue``): the clerk's steps, likewise.
- **Chờ trả kết quả**: finished dossiers waiting at the counters where the officer receives and returns.

An open step is started and not finished; a closed dossier has none (closing finishes them). Each list reads the
partial index of open steps ``(agency, queue, due_at)`` or the handler's index: its cost follows the unit's open
work, not the size of the province.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.choices import Status, WorkQueue
from motcua.dossiers.models import Dossier, DossierStep
from motcua.org.permissions import Access, reach
from motcua.org.roles import Role

LEADERS = (Role.DEPT_LEAD, Role.AGENCY_LEAD)
OPEN_STEP = Q(finished_at__isnull=True, started_at__isnull=False)
RETURN = "tra"


@dataclass(frozen=True)
class WorkList:
    key: str
    label: str
    hint: str


LISTS = (
    WorkList(WorkQueue.ASSIGN, _("Chờ phân công"), _("Hồ sơ chưa giao cho ai tại đơn vị bạn lãnh đạo")),
    WorkList(WorkQueue.WORK, _("Chờ xử lý"), _("Bước đang chờ bạn xử lý")),
    WorkList("returned", _("Bị trả lại"), _("Bước bị trả lại để bạn làm lại")),
    WorkList(WorkQueue.SIGN, _("Chờ ký duyệt"), _("Kết quả chờ lãnh đạo ký duyệt")),
    WorkList(WorkQueue.ISSUE, _("Chờ phát hành"), _("Kết quả đã ký, chờ vào số, phát hành")),
    WorkList(RETURN, _("Chờ trả kết quả"), _("Hồ sơ có kết quả, chờ trả cho người nộp")),
)
BY_KEY = {w.key: w for w in LISTS}


def waits_in(step) -> str | None:
    """The list an open step is in now (the keys of :data:`LISTS`), None for a step not started or finished: an
    assigned specialist's step is its handler's work, a step done over after a send-back is in "Bị trả lại"."""
    if step.started_at is None or step.finished_at is not None:
        return None
    if step.queue in (WorkQueue.WORK, WorkQueue.ASSIGN) and step.handler_id is not None:
        return "returned" if step.sent_back else WorkQueue.WORK
    return step.queue


def units_holding(access: Access, roles) -> set[int]:
    """The units where one of ``roles`` counts for the officer (``org.permissions.reach``)."""
    wanted = set(roles)
    found: set[int] = set()
    for a in access.assignments:
        if a.role in wanted:
            found |= reach(access.tree, a.agency_id, a.role, a.includes_subunits)
    return found


def leads(access: Access) -> bool:
    """Does the officer lead a unit (division head, agency leader), so that "Chờ phân công" is theirs?"""
    return bool(units_holding(access, LEADERS))


def _held_role_q(access: Access) -> Q:
    """Steps whose role the officer holds in the step's unit."""
    q = Q(pk__in=[])
    by_role: dict[str, set[int]] = {}
    for a in access.assignments:
        by_role.setdefault(a.role, set()).update(reach(access.tree, a.agency_id, a.role, a.includes_subunits))
    for role, units in sorted(by_role.items()):
        q |= Q(role=role, agency_id__in=sorted(units))
    return q


def conditions(key: str, user, access: Access) -> Q | None:
    """The filter of the step list ``key`` for ``user`` (None: the list is not a step list, or is empty)."""
    me = getattr(user, "pk", None)
    if key == WorkQueue.ASSIGN:
        units = units_holding(access, LEADERS)
        if not units:
            return None
        return Q(queue=WorkQueue.ASSIGN, handler__isnull=True, agency_id__in=sorted(units))
    if key == WorkQueue.WORK:
        return Q(handler_id=me, sent_back=False, queue__in=(WorkQueue.WORK, WorkQueue.ASSIGN)) | (
            Q(queue=WorkQueue.WORK, handler__isnull=True) & _held_role_q(access)
        )
    if key == "returned":
        return Q(handler_id=me, sent_back=True, queue__in=(WorkQueue.WORK, WorkQueue.ASSIGN))
    if key in (WorkQueue.SIGN, WorkQueue.ISSUE):
        return Q(queue=key) & (Q(handler_id=me) | (Q(handler__isnull=True) & _held_role_q(access)))
    return None


@dataclass
class Row:
    step: DossierStep | None
    dossier: Dossier


@dataclass
class Page:
    rows: list[Row]
    number: int
    has_next: bool


# What a row shows (code, procedure, applicant, step, unit, handler, both deadlines with their badges) and nothing
# else: the dossier's other columns and the procedure version's long texts made a page of 50 rows cost ~15 ms more.
DOSSIER_FIELDS = (
    "id", "code", "reference", "status", "version", "due_at", "deadline_at", "reception_due_at", "closed_at",
    "receiving_agency", "procedure_version__id", "procedure_version__name", "procedure_version__procedure__id",
    "procedure_version__procedure__code", "applicant__id", "applicant__name",
)  # fmt: skip
STEP_FIELDS = (
    "id", "dossier", "order", "kind", "name", "agency", "role", "handler", "queue", "needs_signature", "sent_back",
    "started_at", "due_at", "finished_at", "handler__id", "handler__username", "handler__first_name",
    "handler__last_name",
)  # fmt: skip


def page(key: str, user, access: Access, *, number: int = 1, size: int = 50) -> Page:
    """Page ``number`` of the list ``key``: the step's deadline first (steps without one last), then the
    dossier's."""
    number = max(1, number)
    start = (number - 1) * size
    if key == RETURN:
        counters = sorted(units_holding(access, (Role.COUNTER_OFFICER,)))
        dossiers = list(
            Dossier.objects.filter(status=Status.FINISHED, receiving_agency_id__in=counters)
            .select_related("procedure_version__procedure", "applicant", "receiving_agency")
            .only(*DOSSIER_FIELDS)
            .order_by("deadline_at", "id")[start : start + size + 1]
        )
        return Page([Row(None, d) for d in dossiers[:size]], number, len(dossiers) > size)
    where = conditions(key, user, access)
    if where is None:
        return Page([], number, False)
    steps = list(
        DossierStep.objects.filter(OPEN_STEP, where)
        .select_related(
            "agency",
            "handler",
            "dossier__procedure_version__procedure",
            "dossier__applicant",
            "dossier__receiving_agency",  # the deadline badges count in the counter's working time
        )
        .only(*STEP_FIELDS, *(f"dossier__{name}" for name in DOSSIER_FIELDS))
        .order_by(F("due_at").asc(nulls_last=True), "dossier__deadline_at", "id")[start : start + size + 1]
    )
    return Page([Row(s, s.dossier) for s in steps[:size]], number, len(steps) > size)


def counts(user, access: Access) -> dict[str, int]:
    """How many rows each list has for ``user``: two queries (the steps, grouped; the counters' results)."""
    found = {w.key: 0 for w in LISTS}
    step_lists = {key: conditions(key, user, access) for key in found if key != RETURN}
    step_lists = {key: q for key, q in step_lists.items() if q is not None}
    if step_lists:
        anywhere = Q(pk__in=[])
        for q in step_lists.values():
            anywhere |= q
        totals = DossierStep.objects.filter(OPEN_STEP, anywhere).aggregate(
            **{f"n_{key}": Count("id", filter=q) for key, q in step_lists.items()}
        )
        found.update({key: totals[f"n_{key}"] or 0 for key in step_lists})
    counters = units_holding(access, (Role.COUNTER_OFFICER,))
    if counters:
        found[RETURN] = Dossier.objects.filter(
            status=Status.FINISHED, receiving_agency_id__in=sorted(counters)
        ).count()
    return found


def unit_counts(unit_ids, on: dt.datetime | None = None) -> dict[str, int]:
    """The open steps of the units ``unit_ids`` by queue (the leaders' overview), unassigned and in all: one query.
    Keys: ``assign`` (waiting for assignment), ``work``, ``sign``, ``issue``, ``late`` (past the step's deadline)."""
    now = on or timezone.now()
    ids = sorted(unit_ids)
    totals = DossierStep.objects.filter(OPEN_STEP, agency_id__in=ids).aggregate(
        assign=Count("id", filter=Q(queue=WorkQueue.ASSIGN, handler__isnull=True)),
        work=Count("id", filter=Q(queue=WorkQueue.WORK) | Q(queue=WorkQueue.ASSIGN, handler__isnull=False)),
        sign=Count("id", filter=Q(queue=WorkQueue.SIGN)),
        issue=Count("id", filter=Q(queue=WorkQueue.ISSUE)),
        late=Count("id", filter=Q(due_at__lt=now)),
    )
    return {key: value or 0 for key, value in totals.items()}


def assignees(steps: list[DossierStep], day: dt.date, tree=None) -> dict[int, list]:
    """Who each step of "Chờ phân công" may be given to: the specialists (``routing.holders``) of the unit that
    will do the work — the step's own unit for a specialist's step; for a leader's "Phân công thụ lý", the unit of
    the dossier's next planned step (the one the assignment starts). Keyed by step id, users by name order.

    Queries: one for the next planned steps (only when a leader's dispatch step is among ``steps``), one per
    distinct unit (a leader's list names few), one for the users: a fixed number whatever the number of rows."""
    from django.contrib.auth import get_user_model

    from motcua.dossiers.services import routing

    dispatching = [s for s in steps if routing.dispatches(s)]
    next_unit: dict[int, int] = {}
    if dispatching:
        planned = (
            DossierStep.objects.filter(
                dossier_id__in=sorted({s.dossier_id for s in dispatching}),
                started_at__isnull=True,
                finished_at__isnull=True,
            )
            .order_by("dossier_id", "-order", "-id")
            .values_list("dossier_id", "agency_id")
        )
        for dossier_id, agency_id in planned:  # the last written per dossier is its lowest order
            next_unit[dossier_id] = agency_id
    unit_of = {
        s.pk: next_unit.get(s.dossier_id, s.agency_id) if routing.dispatches(s) else s.agency_id
        for s in steps
    }
    by_unit = {
        unit: routing.holders(unit, Role.SPECIALIST, day, tree) for unit in sorted(set(unit_of.values()))
    }
    wanted = {pk for ids in by_unit.values() for pk in ids}
    users = get_user_model().objects.filter(pk__in=sorted(wanted)).order_by("last_name", "first_name", "pk")
    ordered = list(users) if wanted else []
    return {step_id: [u for u in ordered if u.pk in set(by_unit[unit])] for step_id, unit in unit_of.items()}


def send_back_targets(dossier: Dossier) -> list[tuple[int, str]]:
    """The steps the dossier's open step may be sent back to, as (order, name), latest first: those its process
    step names (``send_back_to``), else every earlier internal step, among the steps already done (the rule of
    ``transitions``' send-back). One query (plus the process step's, when not loaded)."""
    from motcua.dossiers.choices import StepKind

    step = dossier.current_step if dossier.current_step_id else None
    if step is None or step.finished_at is not None:
        return []
    allowed = set(step.process_step.send_back_to or []) if step.process_step_id else set()
    done = DossierStep.objects.filter(
        dossier_id=dossier.pk, finished_at__isnull=False, order__lt=step.order, kind=StepKind.INTERNAL
    ).order_by("-order", "-id")
    found: dict[int, str] = {}
    for order, name in done.values_list("order", "name"):
        if (not allowed or order in allowed) and order not in found:
            found[order] = name
    return list(found.items())
