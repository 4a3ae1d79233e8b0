"""Who must act on a dossier after a hand-over: computed from the transition table and the open step's queue,
never per action.

A dossier handed over (transferred, assigned, forwarded, signed, sent back, sent to a liên thông partner or returned
from it, its supplement received, its result issued) lands on a person or on a queue. :func:`who_must_act` names the
officers who must act next — the same people the work lists (``motcua.dossiers.services.work``) show the work to —
by one rule read from ``motcua.dossiers.lifecycle``, the open step's queue (``DossierStep.queue``) and the reach rule
of ``motcua.org.permissions``:

1. **The next rows.** The rows of the table an officer may apply from the dossier's new status: officer roles
   (not the applicant), a unit of their own (not the administrators' reorganisation row, ``Scope.ANY_OPEN``), no
   reason required (a row that needs a reason is an exception — refusal, send-back, supplement request, stop — not
   the way the work goes on), and whose condition on the current step holds (``STEP_CONDITIONS``).
2. **Work on an open step** (some next row has the scope ``CURRENT`` and the dossier has an open step): the named
   handler if the dossier has one. Else, by the step's queue, in the step's unit:

   - ``assign`` (“Chờ phân công”: a specialist's step nobody has been given yet, or a leader's “Phân công thụ lý”):
     the leaders who assign — the division heads (``DEPT_LEAD``) whose role counts there, failing them the agency's
     leaders (``AGENCY_LEAD``); never the specialists of the unit, who only hear of the work once it is theirs;
   - ``work``, ``sign``, ``issue`` (“Chờ xử lý”, “Chờ ký duyệt”, “Chờ phát hành”): the holders of the step's role
     (the division head who reviews, the director who signs, the clerk who issues).
3. **Otherwise** (no open step — the result issued, waiting at the counter — or the next work is in another unit:
   the counter receiving a supplement): the holders of the roles of the next rows that change the status, each in
   the unit of its scope (the counter that returns the result or receives the supplement).
4. **Never nobody.** If nobody holds such a role there that day, the unit's leaders (``LeaderDirectory``); failing
   them, the province-wide TTHC controllers and administrators whose explicit wide assignment reaches the unit.

A role counts where its assignment reaches (``counted_from``: the unit, its internal divisions, the agency a
division belongs to) — never upwards across agencies, so officers of another agency are never named. The deadline
sweep (``sweep.py``) tells an open step's people by the same rule 2 (:func:`step_tiers`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db.models import Q

from motcua.core.dated import valid_on_q
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import WorkQueue
from motcua.dossiers.lifecycle import Scope, Transition
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import STEP_CONDITIONS, scope_agency_id
from motcua.notifications.services import LeaderDirectory
from motcua.org.models import RoleAssignment
from motcua.org.permissions import WIDE_ROLES, counted_from, reach
from motcua.org.roles import Role
from motcua.org.tree import AgencyTree

logger = logging.getLogger("motcua.notifications")


class Reason:
    HANDLER = "handler"  # the dossier's named handler
    ROLES = "roles"  # the people of the open step's queue, or the holders of the roles the next rows need
    LEADERS = "leaders"  # nobody held such a role: the unit's leaders
    CONTROLLERS = "controllers"  # no leader either: the province-wide TTHC controllers and administrators
    NOBODY = "nobody"  # not even those (a misconfigured province): logged as an error


@dataclass(frozen=True)
class MustAct:
    """The officers who must act next (user ids), the unit the work waits in, and why they were chosen."""

    user_ids: frozenset[int]
    unit_id: int | None
    why: str


def next_rows(dossier: Dossier) -> list[Transition]:
    """Rule 1: the rows an officer may apply next, from the dossier's status."""
    return [
        row
        for row in lifecycle.available(dossier.status)
        if row.roles - {lifecycle.APPLICANT}
        and row.scope != Scope.ANY_OPEN
        and "reason" not in row.requires
        and STEP_CONDITIONS.get(row.action, lambda d: True)(dossier)
    ]


def _open_step(dossier: Dossier):
    step = dossier.current_step if dossier.current_step_id else None
    return step if step is not None and step.finished_at is None else None


# Rule 2 for a step waiting in "Chờ phân công": who assigns, in order (the first held in the step's unit is told).
ASSIGNERS = (frozenset({Role.DEPT_LEAD}), frozenset({Role.AGENCY_LEAD}))


def step_tiers(queue: str, role: str | None) -> tuple[frozenset[str], ...]:
    """Rule 2: the roles told, in the step's unit, about an open step with no handler, in order of preference —
    the first that somebody holds there is told (the leaders who assign for ``assign``, else the step's role)."""
    if queue == WorkQueue.ASSIGN:
        return ASSIGNERS
    return (frozenset({role}),) if role else ()


def on_step(dossier: Dossier):
    """The open step whose work comes next (rule 2), or None (rule 3)."""
    step = _open_step(dossier)
    if step is None or not any(row.scope == Scope.CURRENT for row in next_rows(dossier)):
        return None
    return step


def needed_roles(dossier: Dossier) -> tuple[int | None, dict[int, set[str]]]:
    """Rules 2 and 3: the named handler (or None) and, when there is none, unit id → the roles needed there (for
    an open step, all the roles of its tiers: :func:`step_tiers` orders them)."""
    step = on_step(dossier)
    wanted: dict[int, set[str]] = {}
    if step is not None:
        if dossier.current_handler_id:
            return dossier.current_handler_id, {}
        for roles in step_tiers(step.queue, step.role):
            wanted.setdefault(step.agency_id, set()).update(roles)
    else:
        for row in next_rows(dossier):
            if row.target is not None:
                wanted.setdefault(scope_agency_id(dossier, row), set()).update(row.roles)
    officer_roles = {
        unit: roles - {lifecycle.APPLICANT} for unit, roles in wanted.items() if unit is not None
    }
    return None, {unit: roles for unit, roles in officer_roles.items() if roles}


def holders(wanted: dict[int, set[str]], on: dt.date, tree: AgencyTree) -> set[int]:
    """The active officers holding, on ``on``, one of the roles wanted in each unit, where their assignment reaches
    (one query). Wide roles count here only through their own unit, as any role (rule 4 names them explicitly)."""
    if not wanted:
        return set()
    where = Q(pk__in=[])
    for unit, roles in wanted.items():
        where |= Q(agency_id__in=counted_from(tree, unit), role__in=sorted(roles))
    return set(
        RoleAssignment.objects.filter(valid_on_q(on), where, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


def wide_holders(unit_id: int, on: dt.date, tree: AgencyTree) -> set[int]:
    """The TTHC controllers and administrators whose assignment reaches ``unit_id`` (explicitly province-wide, or
    held in the unit itself)."""
    rows = RoleAssignment.objects.filter(valid_on_q(on), role__in=sorted(WIDE_ROLES), user__is_active=True)
    return {
        user_id
        for user_id, agency_id, role, wide in rows.values_list(
            "user_id", "agency_id", "role", "includes_subunits"
        )
        if unit_id in reach(tree, agency_id, role, wide)
    }


def who_must_act(
    dossier: Dossier,
    on: dt.date,
    *,
    tree: AgencyTree | None = None,
    leaders: LeaderDirectory | None = None,
) -> MustAct:
    """The officers who must act next on ``dossier`` (with its current step loaded) on the date ``on``: see the
    module docstring. ``tree`` and ``leaders`` may be shared by a batch of dossiers."""
    handler, wanted = needed_roles(dossier)
    unit = dossier.current_agency_id
    if handler is not None:
        return MustAct(frozenset({handler}), unit, Reason.HANDLER)
    if wanted:
        unit = next(iter(wanted)) if unit not in wanted else unit
    tree = tree or AgencyTree.load()
    step = on_step(dossier)
    if step is not None:  # rule 2: the first tier of the step's queue that somebody holds
        found = set()
        for roles in step_tiers(step.queue, step.role):
            found = holders({step.agency_id: set(roles)}, on, tree)
            if found:
                break
    else:
        found = holders(wanted, on, tree)
    if found:
        return MustAct(frozenset(found), unit, Reason.ROLES)
    units = sorted(wanted) or ([unit] if unit is not None else [])
    leaders = leaders or LeaderDirectory(on)
    found = set().union(*(leaders.leaders(u) for u in units)) if units else set()
    why = Reason.LEADERS
    if not found:
        found = set().union(*(wide_holders(u, on, tree) for u in units)) if units else set()
        why = Reason.CONTROLLERS
    if not found:
        logger.error(
            "dossier %s: nobody to act in units %s, not even a leader or controller", dossier.pk, units
        )
        return MustAct(frozenset(), unit, Reason.NOBODY)
    logger.warning(
        "dossier %s: nobody holds %s in units %s on %s; told the %s instead",
        dossier.pk,
        {u: sorted(r) for u, r in wanted.items()},
        units,
        on,
        why,
    )
    return MustAct(frozenset(found), unit, why)
