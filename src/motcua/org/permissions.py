"""The one answer to “may this user do this action in this unit at this time?”.

Each app registers its actions with the roles that may perform them; views, API endpoints and services all ask
:func:`can` (or :func:`agencies_where` to scope a list). A role counts only inside the agency it was assigned to
(and that agency's subunits when the assignment says so) and only on the days of its assignment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import today, valid_on_q
from motcua.org.models import Agency, RoleAssignment
from motcua.org.roles import Role


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    roles: frozenset[str]


_ACTIONS: dict[str, Action] = {}


def register(code: str, label: str, roles: Iterable[str]) -> Action:
    roles = frozenset(roles)
    unknown = roles - set(Role.values)
    if unknown:
        raise ValueError(f"unknown roles for action {code}: {sorted(unknown)}")
    existing = _ACTIONS.get(code)
    if existing and existing.roles != roles:
        raise ValueError(f"action {code} is already registered with other roles")
    _ACTIONS[code] = Action(code, label, roles)
    return _ACTIONS[code]


def action(code: str) -> Action:
    try:
        return _ACTIONS[code]
    except KeyError:
        raise LookupError(f"unknown action {code!r}; register it in motcua.<app>.permissions") from None


def registered_actions() -> list[Action]:
    return sorted(_ACTIONS.values(), key=lambda a: a.code)


def _on_date(at: dt.datetime | dt.date | None) -> dt.date:
    if at is None:
        return today()
    if isinstance(at, dt.datetime):
        return timezone.localtime(at).date() if timezone.is_aware(at) else at.date()
    return at


def _ancestor_ids(agency: Agency) -> list[int]:
    """The agency's own id followed by its ancestors' ids (one query per level; trees are 3–4 levels deep)."""
    ids, seen = [agency.pk], {agency.pk}
    parent_id = agency.parent_id
    while parent_id is not None and parent_id not in seen:
        ids.append(parent_id)
        seen.add(parent_id)
        parent_id = Agency.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return ids


def assignments_on(user, at: dt.datetime | dt.date | None = None) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(valid_on_q(_on_date(at)), user=user).select_related("agency")


def roles_in(user, agency: Agency, at: dt.datetime | dt.date | None = None) -> set[str]:
    """The roles ``user`` holds in ``agency`` on the date of ``at``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    assignments = list(assignments_on(user, at).filter(agency_id__in=_ancestor_ids(agency)))
    return {a.role for a in assignments if a.agency_id == agency.pk or a.includes_subunits}


def can(user, action_code: str, agency: Agency, at: dt.datetime | dt.date | None = None) -> bool:
    """May ``user`` do ``action_code`` in ``agency`` at ``at`` (default: now)?"""
    return bool(roles_in(user, agency, at) & action(action_code).roles)


def agencies_where(user, action_code: str, at: dt.datetime | dt.date | None = None) -> list[int]:
    """Ids of the agencies in which ``user`` may do ``action_code`` at ``at`` (subunits expanded)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    on = _on_date(at)
    roles = action(action_code).roles
    ids: set[int] = set()
    frontier: set[int] = set()
    for a in assignments_on(user, on).filter(role__in=roles):
        ids.add(a.agency_id)
        if a.includes_subunits:
            frontier.add(a.agency_id)
    while frontier:
        children = set(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= children
        frontier = children
    return sorted(ids)


MANAGE_REGISTRY = register(
    "org.manage_registry",
    _("Quản lý danh mục cơ quan, đơn vị, giờ làm việc và phân công vai trò"),
    [Role.ADMIN],
)
VIEW_OFFICERS = register(
    "org.view_officers",
    _("Xem danh sách cán bộ và vai trò của đơn vị"),
    [Role.ADMIN, Role.AGENCY_LEAD, Role.CENTRE_HEAD, Role.DEPT_LEAD, Role.TTHC_CONTROLLER],
)


def roles_within(user, agency: Agency, at: dt.datetime | dt.date | None = None) -> set[str]:
    """The roles ``user`` holds in ``agency`` or in any of its subunits (a specialist of a division works on the
    dossiers of its department), plus those that reach ``agency`` from above (``includes_subunits``)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    roles = set()
    parents: dict[int, int | None] = {}
    for assignment in assignments_on(user, at):
        current, seen = assignment.agency_id, set()
        while current is not None and current not in seen:
            if current == agency.pk:
                roles.add(assignment.role)
                break
            seen.add(current)
            if current not in parents:
                parents[current] = (
                    Agency.objects.filter(pk=current).values_list("parent_id", flat=True).first()
                )
            current = parents[current]
    return roles | roles_in(user, agency, at)
