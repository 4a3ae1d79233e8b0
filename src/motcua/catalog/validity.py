"""What publishing a dated record of the catalogue does to the one in force before it (procedure versions and
internal processes alike): the earlier record ends on the eve of the new one's first day, or — if it had not started
yet — is marked superseded; each change is audited."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from motcua.catalog.choices import VersionState
from motcua.core import audit
from motcua.core.models import AuditEntry


def open_on_or_after(day: dt.date) -> Q:
    """Records still valid on ``day`` or later (no last day, or a last day not before it)."""
    return Q(valid_to__isnull=True) | Q(valid_to__gte=day)


def supersede(previous, valid_from: dt.date, actor, note: str) -> None:
    """End each record of ``previous`` (a locked queryset of published records) before ``valid_from``."""
    for old in previous:
        if old.valid_from >= valid_from:
            old.state = VersionState.SUPERSEDED
            old.save(update_fields=["state"])
        else:
            old.valid_to = valid_from - dt.timedelta(days=1)
            old.save(update_fields=["valid_to"])
        audit.record(
            actor,
            AuditEntry.Action.UPDATE,
            old,
            {"valid_to": [None, str(old.valid_to)], "state": [None, old.state]},
            note,
        )
