"""How a unit's new work is assigned (``AssignmentRule``), chosen by the unit's leader: by hand from "Chờ phân công",
or automatically to one of its specialists when a specialist's step starts (``routing.auto_assignee``: the least
loaded, or in turn by user id).

- **Who leads a unit** (:func:`led_units`): a division head (``DEPT_LEAD``) or an agency leader (``AGENCY_LEAD``),
  in the unit of the assignment and its internal divisions (``org.permissions.internal_divisions``) — never in the
  agency a division belongs to (a division head does not set the rule of the whole Sở), never in another agency.
- **The specialists** a rule gives work to (:func:`specialists`): the active officers whose ``SPECIALIST`` role counts
  in the unit (the pool of ``routing.auto_assignee``), with their open steps (one grouped query).
- **Setting it** (:func:`set_rule`): only a leader of the unit (else a ``forbidden`` refusal, nothing changed); the
  rule records who set it (``updated_by``) and the change is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.dated import valid_on_q
from motcua.core.models import AuditEntry
from motcua.core.rules import RuleError
from motcua.dossiers.models import AssignmentMode, AssignmentRule, DossierStep
from motcua.org.models import Agency, RoleAssignment
from motcua.org.permissions import Access, counted_from, internal_divisions
from motcua.org.roles import Role

LEADERS = frozenset({Role.DEPT_LEAD, Role.AGENCY_LEAD})
RULE = "assignment_rule"


def led_units(access: Access) -> set[int]:
    """The units the officer of ``access`` leads (see the module docstring)."""
    found: set[int] = set()
    for a in access.assignments:
        if a.role in LEADERS:
            found |= internal_divisions(access.tree, a.agency_id)
    return found


@dataclass(frozen=True)
class Specialist:
    user_id: int
    name: str
    open_steps: int


def specialists(unit_ids, access: Access, on: dt.date) -> dict[int, list[Specialist]]:
    """Unit id → its specialists (by user id, as ``routing.auto_assignee`` takes them in turn) with their open
    steps: two queries for any number of units (the role assignments, the open steps grouped by handler)."""
    sources = {unit: counted_from(access.tree, unit) for unit in unit_ids}
    rows = list(
        RoleAssignment.objects.filter(
            valid_on_q(on),
            role=Role.SPECIALIST,
            agency_id__in=sorted(set().union(*sources.values())),
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    )
    load = dict(
        DossierStep.objects.filter(
            handler_id__in={r.user_id for r in rows}, finished_at__isnull=True, started_at__isnull=False
        )
        .order_by()
        .values("handler_id")
        .annotate(n=Count("id"))
        .values_list("handler_id", "n")
    )
    found: dict[int, list[Specialist]] = {}
    for unit, agencies in sources.items():
        seen: dict[int, Specialist] = {}
        for r in rows:
            if r.agency_id in agencies and r.user_id not in seen:
                name = (
                    " ".join(p for p in (r.user.last_name, r.user.first_name) if p) or r.user.get_username()
                )
                seen[r.user_id] = Specialist(r.user_id, name, load.get(r.user_id, 0))
        found[unit] = list(seen.values())
    return found


def set_rule(unit: Agency, mode: str, actor, *, at: dt.datetime | None = None) -> AssignmentRule:
    """Set how ``unit``'s new work is assigned. Raises ``RuleError`` (``invalid_input`` on ``mode``, ``forbidden``
    for anyone but a leader of the unit); nothing is written then."""
    if mode not in AssignmentMode.values:
        raise RuleError(
            "invalid_input", _("Chọn một cách phân công trong danh sách."), rule=RULE, field="mode"
        )
    access = Access.of(actor, at or timezone.now())
    if unit.pk not in led_units(access):
        raise RuleError(
            "forbidden",
            _("Chỉ lãnh đạo của %(unit)s mới chọn được cách phân công hồ sơ của đơn vị.")
            % {"unit": unit.name},
            rule=RULE,
        )
    with transaction.atomic():
        rule = AssignmentRule.objects.select_for_update().filter(unit=unit).first()
        before = rule.mode if rule is not None else None
        if rule is None:
            rule = AssignmentRule(unit=unit)
        rule.mode, rule.updated_by = mode, actor
        rule.save()
        audit.record(
            actor,
            AuditEntry.Action.CREATE if before is None else AuditEntry.Action.UPDATE,
            rule,
            {"mode": [before, mode]},
            f"Cách phân công của {unit.name}: {AssignmentMode(mode).label}",
        )
    return rule
