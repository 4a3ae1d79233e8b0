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
from motcua.org.permissions import counted_from
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
    """The officers whose processing role (specialist, leads, clerk) counts on ``on`` in the unit ``agency_id`` as
    :mod:`motcua.org.permissions` counts roles (the unit, its internal divisions, the agency a division belongs to;
    processing roles are never province-wide) — the roles the assignment accepts — by name."""
    rows = (
        RoleAssignment.objects.filter(
            valid_on_q(on),
            role__in=sorted(lifecycle.PROCESSORS),
            agency_id__in=sorted(counted_from(tree, agency_id)),
            user__is_active=True,
        )
        .select_related("user", "agency")
        .order_by("user_id", "role", "agency_id")
    )
    found: dict[int, tuple[object, list[str]]] = {}
    for a in rows:
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
