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
from motcua.org.tree import AgencyTree


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


def assignments_on(user, at: dt.datetime | dt.date | None = None) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(valid_on_q(_on_date(at)), user=user).select_related("agency")


def _is_active_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


@dataclass
class Access:
    """What ``user`` may do on one date: their role assignments and the agency tree, read once (two queries),
    then every question answered in memory. The functions below are thin wrappers around it; a view or an API
    endpoint that asks many questions in one request keeps one ``Access`` and asks it directly.

    - ``roles_in(agency)``: roles held in the agency itself, or above it with ``includes_subunits``;
    - ``roles_within(agency)``: those, plus roles held in any of its subunits (a division's specialist works on
      the department's dossiers);
    - ``agencies_where(action)``: the agencies where the action is allowed, subunits expanded.
    """

    assignments: list[RoleAssignment]
    tree: AgencyTree

    @classmethod
    def of(cls, user, at: dt.datetime | dt.date | None = None) -> Access:
        if not _is_active_user(user):
            return cls([], AgencyTree({}))
        assignments = list(assignments_on(user, at))
        return cls(assignments, AgencyTree.load() if assignments else AgencyTree({}))

    def ancestors(self, agency_id: int) -> list[int]:
        """``agency_id`` then its ancestors, nearest first."""
        return self.tree.ancestors(agency_id)

    def roles_in(self, agency_id: int) -> set[str]:
        chain = self.ancestors(agency_id)
        return {
            a.role
            for a in self.assignments
            if a.agency_id == agency_id or (a.includes_subunits and a.agency_id in chain)
        }

    def roles_within(self, agency_id: int) -> set[str]:
        return {a.role for a in self.assignments if agency_id in self.ancestors(a.agency_id)} | self.roles_in(
            agency_id
        )

    def can(self, action_code: str, agency_id: int) -> bool:
        return bool(self.roles_in(agency_id) & action(action_code).roles)

    def agencies_where(self, action_code: str) -> set[int]:
        roles = action(action_code).roles
        granted = [a for a in self.assignments if a.role in roles]
        return {a.agency_id for a in granted} | self.tree.subtree(
            a.agency_id for a in granted if a.includes_subunits
        )


def roles_in(user, agency: Agency, at: dt.datetime | dt.date | None = None) -> set[str]:
    """The roles ``user`` holds in ``agency`` on the date of ``at``."""
    return Access.of(user, at).roles_in(agency.pk)


def roles_within(user, agency: Agency, at: dt.datetime | dt.date | None = None) -> set[str]:
    """The roles ``user`` holds in ``agency`` or in any of its subunits, or that reach it from above."""
    return Access.of(user, at).roles_within(agency.pk)


def can(user, action_code: str, agency: Agency, at: dt.datetime | dt.date | None = None) -> bool:
    """May ``user`` do ``action_code`` in ``agency`` at ``at`` (default: now)?"""
    action(action_code)  # an unknown action is a programming error even for a user with no role
    return Access.of(user, at).can(action_code, agency.pk)


def agencies_where(user, action_code: str, at: dt.datetime | dt.date | None = None) -> list[int]:
    """Ids of the agencies in which ``user`` may do ``action_code`` at ``at`` (subunits expanded)."""
    action(action_code)
    return sorted(Access.of(user, at).agencies_where(action_code))


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
