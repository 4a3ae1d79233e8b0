"""Reorganisation (SPEC §9.2 point 3): the open dossiers of an abolished or merged body move to its successor.

Each dossier goes through the one transition service (``reassign_agency``): its code and its deadlines stay, and
its process log gets one entry naming the legal basis. All of them move, or none.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import apply
from motcua.org.models import Agency

REASSIGN = BY_ACTION["reassign_agency"]


def open_dossier_ids(agency: Agency) -> list[int]:
    """The dossiers handled by ``agency`` that ``reassign_agency`` applies to, in id order, locked until the end of
    the caller's transaction (so none changes status between the listing and its move)."""
    return list(
        Dossier.objects.select_for_update()
        .filter(handling_agency=agency, status__in=REASSIGN.sources)
        .order_by("id")
        .values_list("pk", flat=True)
    )


def bulk_reassign(
    old_agency: Agency, new_agency: Agency, *, legal_basis: str, actor, at: dt.datetime | None = None
) -> int:
    """Move every open dossier of ``old_agency`` to ``new_agency``; returns how many moved.

    One transaction: a refusal (no right, no legal basis, successor not valid on ``at``) raises the
    ``TransitionError`` of the first dossier and moves none."""
    at = at or timezone.now()
    inputs = {"new_agency": new_agency.identifier, "legal_basis": legal_basis}
    moved = 0
    with transaction.atomic():
        for pk in open_dossier_ids(old_agency):
            apply(pk, REASSIGN.action, actor, inputs=inputs, at=at)
            moved += 1
    return moved
