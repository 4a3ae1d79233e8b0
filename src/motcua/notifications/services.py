"""Creating in-app notifications, idempotently, and finding whom to tell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from motcua.core.dated import valid_on_q
from motcua.notifications.models import Notification, NotificationPreference
from motcua.org.models import RoleAssignment
from motcua.org.permissions import counted_from
from motcua.org.roles import Role
from motcua.org.tree import AgencyTree

LEADER_ROLES = (Role.AGENCY_LEAD, Role.DEPT_LEAD, Role.CENTRE_HEAD)


def notify(
    user_ids: Iterable[int], kind: str, message: str, *, dossier_id: int | None = None, key: str = ""
) -> int:
    """Create one notification per user; a repeated ``key`` for the same user is ignored. Returns how many rows
    were offered (duplicates are skipped by the database)."""
    rows = [
        Notification(
            user_id=uid,
            kind=kind,
            message=message[:500],
            dossier_id=dossier_id,
            key=(key or f"{kind}:{dossier_id}")[:120],
        )
        for uid in sorted(set(user_ids))
        if uid is not None
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def mark_read(user, pk: int | None = None, at: dt.datetime | None = None) -> int:
    """Mark ``user``'s unread notifications read at ``at`` (default now): only the one with ``pk`` if given (none
    if it is someone else's). Returns how many were marked."""
    mine = Notification.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        mine = mine.filter(pk=pk)
    return mine.update(read_at=at or timezone.now())


class LeaderDirectory:
    """The leaders of each agency (and of its divisions) on a date, loaded once for a whole sweep."""

    def __init__(self, on: dt.date):
        self.tree = AgencyTree.load()
        self.by_agency: dict[int, set[int]] = {}
        for agency_id, user_id in RoleAssignment.objects.filter(
            valid_on_q(on), role__in=LEADER_ROLES
        ).values_list("agency_id", "user_id"):
            self.by_agency.setdefault(agency_id, set()).add(user_id)
        self._cache: dict[int, set[int]] = {}

    def leaders(self, agency_id: int) -> set[int]:
        """Leaders whose role counts in the agency (org.permissions rule): of the agency, of its internal divisions (a
        division head hears about the department's dossiers), of the agency a division belongs to — never of another
        agency below or above it."""
        if agency_id not in self._cache:
            self._cache[agency_id] = set().union(
                *(self.by_agency.get(pk, set()) for pk in counted_from(self.tree, agency_id))
            )
        return self._cache[agency_id]


def email_on_handover(user) -> bool:
    """Whether ``user`` chose to receive an e-mail when a dossier is handed over to them (default: no)."""
    return NotificationPreference.objects.filter(user=user, email_on_handover=True).exists()


def set_email_on_handover(user, wanted: bool) -> None:
    """Record ``user``'s choice of e-mails on hand-over."""
    NotificationPreference.objects.update_or_create(user=user, defaults={"email_on_handover": bool(wanted)})
