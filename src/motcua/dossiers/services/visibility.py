"""Who sees which dossiers: the rule shared by the API, the officers' queues and the dossier page.

An officer sees the dossiers received, handled or currently held by the units where they hold ``dossier.view``,
as :mod:`motcua.org.permissions` counts roles: in the unit of the assignment and its internal divisions, and for a
division also in the agency it belongs to (a specialist of Phòng Hành chính tư pháp works on Sở Tư pháp's
dossiers) — never upwards across agencies: a specialist of a Sở or a commune does not see the dossiers held by UBND
tỉnh, its parent in the tree, nor those of a liên thông partner step at UBND tỉnh. Only the province-wide roles
(administrator, TTHC controller, assigned with ``includes_subunits``) see below their agency. Personal data of the
applicant is shown to exactly these officers; everyone else does not learn that the dossier exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from motcua.dossiers.permissions import VIEW_DOSSIERS
from motcua.org.permissions import Access


@dataclass
class DossierVisibility:
    user: object
    access: Access
    view: set[int] = field(default_factory=set)
    within: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, user, at: dt.datetime | None = None) -> DossierVisibility:
        access = Access.of(user, at or timezone.now())
        view = access.agencies_where(VIEW_DOSSIERS.code)
        # ``within`` (handling or current unit) is the same set: every role that processes dossiers holds
        # ``dossier.view``, and a division's roles already count in its agency (org.permissions.reach).
        return cls(user, access, view, set(view))

    def q(self) -> Q:
        """The dossiers this officer may see, as a filter."""
        if not self.within:
            return Q(pk__in=[])
        return (
            Q(receiving_agency_id__in=self.view)
            | Q(handling_agency_id__in=self.within)
            | Q(current_agency_id__in=self.within)
        )

    def sees(self, dossier) -> bool:
        return dossier.receiving_agency_id in self.view or bool(
            {dossier.handling_agency_id, dossier.current_agency_id} & self.within
        )
