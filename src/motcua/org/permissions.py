"""The one answer to “may this user do this action in this unit at this time?”.

Each app registers its actions with the roles that may perform them; views, API endpoints and services all ask
:func:`can` (or :func:`agencies_where` to scope a list). A role counts only on the days of its assignment and only
in the units its assignment *reaches* (:func:`reach`), by one rule, written here and nowhere else:

1. **Its own unit and that unit's internal divisions.** A role assigned in an agency counts there and in the units
   that are parts of it, not agencies of their own (:data:`INTERNAL_KINDS`): its phòng chuyên môn and, before
   01/7/2025, the Bộ phận Tiếp nhận và Trả kết quả of a UBND huyện or xã.
2. **A division works for its agency.** A role assigned in an internal division also counts in the agency the
   division belongs to (a specialist of Phòng Hành chính tư pháp works on Sở Tư pháp's dossiers, which sit at the
   Sở while they are processed) — but not in the agency's other divisions.
3. **Never upwards across agencies.** The tree of agencies is a tree of *reporting*, not of *permission*: a Sở, a
   UBND xã, the provincial Trung tâm Phục vụ hành chính công (under Văn phòng UBND tỉnh), a commune centre (under
   its UBND xã), Văn phòng Đăng ký đất đai (under its Sở) and its branches each have their own seal and account
   (SPEC §1.1), so a role held in one of them gives nothing in its parent, and a role held in the parent gives
   nothing in them.
4. **Province-wide roles are explicit.** ``includes_subunits`` widens an assignment to every unit below its agency
   only for the roles in :data:`WIDE_ROLES` — the system administrator and the TTHC controller of Văn phòng UBND
   tỉnh, whose duties (SPEC §1.2: catalogue, workflows, reports, 766 monitoring, PAKN of the whole province) span
   every agency. :meth:`RoleAssignment.clean` refuses the flag for any other role, and an older row that carries it
   anyway does not widen (rule 1 applies).

Why the Bộ phận Một cửa of a district or commune is internal but a Trung tâm Phục vụ hành chính công is not: before
the 2025 reform the Bộ phận TN&TKQ was a part of the UBND's office with no seal of its own, and its officers received
for the UBND; from 01/7/2025 the centres (ND 118/2025, SPEC §1.1) are administrative bodies with their own seal
and account, receiving for every competent body of the province regardless of boundary — a counter officer there
acts in the centre only (the dossiers it received), never for the UBND above it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import today, valid_on_q
from motcua.org.models import Agency, RoleAssignment
from motcua.org.models.agency import AgencyKind
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


# Units that are a part of an agency, not an agency: a role held in one counts for its agency, and a role held in
# the agency counts in them (the rule in the module docstring).
INTERNAL_KINDS = frozenset(
    {
        AgencyKind.DIVISION,
        AgencyKind.DISTRICT_ONE_STOP,
        AgencyKind.COMMUNE_ONE_STOP,
    }
)

# The only roles whose assignment may say ``includes_subunits`` (then they count in every unit below the agency).
WIDE_ROLES = frozenset({Role.ADMIN, Role.TTHC_CONTROLLER})


def internal_divisions(tree: AgencyTree, agency_id: int) -> set[int]:
    """``agency_id`` and the units inside it: its children of an internal kind, theirs, and so on."""
    found, frontier = set(), [agency_id]
    while frontier:
        current = frontier.pop()
        if current in found:
            continue
        found.add(current)
        frontier.extend(c for c in tree.children.get(current, ()) if tree.kinds.get(c) in INTERNAL_KINDS)
    return found


def owning_agencies(tree: AgencyTree, unit_id: int) -> list[int]:
    """``unit_id`` then, while the unit is an internal division, the unit it belongs to (nearest first): the chain
    ends at the first agency of its own."""
    chain = [unit_id]
    current = unit_id
    while tree.kinds.get(current) in INTERNAL_KINDS:
        parent = tree.parents.get(current)
        if parent is None or parent in chain:
            break
        chain.append(parent)
        current = parent
    return chain


def reach(tree: AgencyTree, agency_id: int, role: str, includes_subunits: bool = False) -> set[int]:
    """The units where a ``role`` assigned in ``agency_id`` counts (rules 1, 2 and 4 of the module docstring)."""
    units = internal_divisions(tree, agency_id) | set(owning_agencies(tree, agency_id))
    if includes_subunits and role in WIDE_ROLES:
        units |= tree.subtree([agency_id])
    return units


def counted_from(tree: AgencyTree, agency_id: int) -> set[int]:
    """The inverse of :func:`reach` for roles that are not wide: the units whose assignments count in
    ``agency_id`` (itself, its internal divisions, and the agencies it is an internal division of)."""
    return internal_divisions(tree, agency_id) | set(owning_agencies(tree, agency_id))


@dataclass
class Access:
    """What ``user`` may do on one date: their role assignments and the agency tree, read once (two queries),
    then every question answered in memory by the rule of this module (:func:`reach`). The functions below are
    thin wrappers around it; a view or an API endpoint that asks many questions in one request keeps one ``Access``
    and asks it directly.

    - ``roles_in(agency)``: the roles that count in the agency;
    - ``agencies_where(action)``: the agencies where the action is allowed.
    """

    assignments: list[RoleAssignment]
    tree: AgencyTree
    _held: dict[int, set[str]] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, user, at: dt.datetime | dt.date | None = None) -> Access:
        if not _is_active_user(user):
            return cls([], AgencyTree({}))
        assignments = list(assignments_on(user, at))
        return cls(assignments, AgencyTree.load() if assignments else AgencyTree({}))

    @property
    def held(self) -> dict[int, set[str]]:
        """Agency id → the roles that count there."""
        if self._held is None:
            held: dict[int, set[str]] = {}
            for a in self.assignments:
                for pk in reach(self.tree, a.agency_id, a.role, a.includes_subunits):
                    held.setdefault(pk, set()).add(a.role)
            self._held = held
        return self._held

    def roles_in(self, agency_id: int) -> set[str]:
        return set(self.held.get(agency_id, ()))

    def can(self, action_code: str, agency_id: int) -> bool:
        return bool(self.roles_in(agency_id) & action(action_code).roles)

    def agencies_where(self, action_code: str) -> set[int]:
        roles = action(action_code).roles
        return {pk for pk, held in self.held.items() if held & roles}


def roles_in(user, agency: Agency, at: dt.datetime | dt.date | None = None) -> set[str]:
    """The roles ``user`` holds in ``agency`` on the date of ``at``."""
    return Access.of(user, at).roles_in(agency.pk)


def can(user, action_code: str, agency: Agency, at: dt.datetime | dt.date | None = None) -> bool:
    """May ``user`` do ``action_code`` in ``agency`` at ``at`` (default: now)?"""
    action(action_code)  # an unknown action is a programming error even for a user with no role
    return Access.of(user, at).can(action_code, agency.pk)


def agencies_where(user, action_code: str, at: dt.datetime | dt.date | None = None) -> list[int]:
    """Ids of the agencies in which ``user`` may do ``action_code`` at ``at``."""
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
