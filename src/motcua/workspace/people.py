"""Who and what the dossier page offers to choose from: the officers an assignment may name, and the agencies a
dossier may be sent to. Each list is one query; the agency tree comes from the request's permission snapshot.

These lists only make the choice convenient: the transition service checks the chosen officer or agency again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from motcua.core.dated import valid_on_q
from motcua.dossiers import lifecycle
from motcua.org.models import Agency, RoleAssignment
from motcua.org.roles import Role
from motcua.org.tree import AgencyTree


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    roles: str  # “Chuyên viên thụ lý (Phòng Hành chính tư pháp)”

    @property
    def label(self) -> str:
        return f"{self.name} — {self.roles}"


def person_name(user) -> str:
    """A person's name in Vietnamese order (family name first), else the username."""
    name = " ".join(part for part in (user.last_name, user.first_name) if part).strip()
    return name or user.get_username()


def processing_officers(agency_id: int, tree: AgencyTree, on: dt.date) -> list[Person]:
    """The officers holding a processing role (specialist, leads, clerk) on ``on`` in the unit ``agency_id`` or one
    of its subunits, or above it with ``includes_subunits`` — the roles the assignment accepts — by name."""
    below = tree.subtree([agency_id])
    above = set(tree.ancestors(agency_id)) - {agency_id}
    rows = (
        RoleAssignment.objects.filter(
            valid_on_q(on),
            role__in=sorted(lifecycle.PROCESSORS),
            agency_id__in=sorted(below | above),
            user__is_active=True,
        )
        .select_related("user", "agency")
        .order_by("user_id", "role", "agency_id")
    )
    found: dict[int, tuple[object, list[str]]] = {}
    for a in rows:
        if a.agency_id in above and not a.includes_subunits:
            continue
        user, held = found.setdefault(a.user_id, (a.user, []))
        held.append(f"{Role(a.role).label} ({a.agency.name})")
    people = [Person(user.pk, person_name(user), "; ".join(held)) for user, held in found.values()]
    return sorted(people, key=lambda p: (p.name.split()[-1:], p.name, p.pk))


def agencies_except(excluded_id: int | None, on: dt.date) -> list[Agency]:
    """The agencies in force on ``on`` except ``excluded_id``, by name."""
    return list(
        Agency.objects.filter(valid_on_q(on))
        .exclude(pk=excluded_id)
        .only("pk", "identifier", "name")
        .order_by("name", "identifier")
    )
