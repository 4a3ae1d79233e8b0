"""Who sees which dossiers: the rule shared by the API, the officers' queues and the dossier page.

An officer sees the dossiers received, handled or currently held by the units where they hold ``dossier.view``
(subunits included when the assignment says so); processing staff of a division also see those of the units
above it (a specialist of Phòng Hành chính tư pháp works on Sở Tư pháp's dossiers). Personal data of the
applicant is shown to exactly these officers; everyone else does not learn that the dossier exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from motcua.dossiers import lifecycle
from motcua.dossiers.permissions import VIEW_DOSSIERS
from motcua.org.permissions import Access
from motcua.org.roles import Role

PROCESSING_ROLES = frozenset(lifecycle.PROCESSORS | {Role.CASHIER})


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
        processing = {
            pk
            for a in access.assignments
            if a.role in PROCESSING_ROLES
            for pk in access.ancestors(a.agency_id)
        }
        return cls(user, access, view, view | processing)

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
