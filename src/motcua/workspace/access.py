"""Who may use the workspace, and what one request knows about the officer.

Every workspace view is wrapped in :func:`officer_required`: the officer must be signed in and hold at least one
role assignment in force today (a superuser without a role is not an officer) and, if they must use a second
factor (``accounts.second_factor``), have passed it in this session. The request then carries
``request.officer``: the permission snapshot (:class:`Access`, two queries) and the dossier visibility built from
it, reused by every question of the request. The workspace adds no rule of its own: actions go through
``dossiers.services.transitions.apply``, lists through ``dossiers.services.queues``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils import timezone

from motcua.accounts import second_factor
from motcua.dossiers.services import work
from motcua.dossiers.services.visibility import DossierVisibility
from motcua.org.models import Agency
from motcua.org.permissions import Access
from motcua.org.roles import Role


@dataclass
class Officer:
    user: object
    visibility: DossierVisibility
    _work_counts: dict | None = field(default=None, repr=False)

    @property
    def access(self) -> Access:
        return self.visibility.access

    @property
    def roles(self) -> set[str]:
        return {a.role for a in self.access.assignments}

    def units(self) -> list[Agency]:
        """The agencies where the officer holds a role, each once, by name (already loaded with the roles)."""
        seen: dict[int, Agency] = {}
        for a in self.access.assignments:
            seen.setdefault(a.agency_id, a.agency)
        return sorted(seen.values(), key=lambda agency: agency.name)

    def units_with(self, *roles: str) -> list[Agency]:
        wanted = set(roles)
        seen: dict[int, Agency] = {}
        for a in self.access.assignments:
            if a.role in wanted:
                seen.setdefault(a.agency_id, a.agency)
        return sorted(seen.values(), key=lambda agency: agency.name)

    @property
    def is_counter(self) -> bool:
        return Role.COUNTER_OFFICER in self.roles

    @property
    def leads_a_unit(self) -> bool:
        """A division head or agency leader: "Chờ phân công" is theirs (``work.leads``)."""
        return work.leads(self.access)

    @property
    def is_clerk(self) -> bool:
        return Role.CLERK in self.roles

    def work_counts(self) -> dict[str, int]:
        """The rows of each work list (``work.counts``), read once per request (the menu and the list page share
        them)."""
        if self._work_counts is None:
            self._work_counts = work.counts(self.user, self.access)
        return self._work_counts

    @property
    def is_lead(self) -> bool:
        return bool(self.roles & {Role.AGENCY_LEAD, Role.DEPT_LEAD, Role.CENTRE_HEAD})


def officer_required(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        visibility = DossierVisibility.of(request.user, timezone.now())
        if not visibility.access.assignments:
            return render(request, "workspace/not_officer.html", status=403)
        if second_factor.session_blocked(request.user, {a.role for a in visibility.access.assignments}):
            return second_factor.send_to_verify(request)  # the code (or enrolment) first
        request.officer = Officer(request.user, visibility)
        return view(request, *args, **kwargs)

    return wrapper
