"""The list of overdue dossiers of a unit for a period (SPEC §4.3 “đã xử lý quá hạn / đang xử lý quá hạn”): those
resolved late in the period (Biểu 06 column 10) and those still open and overdue at its end (column 13), with the
reasons on record — the clock pauses (supplement requested, financial obligation) and the apology letters
(Mẫu 04: reason, new appointment, signer). Read from the per-dossier facts through their indexes (late outcomes
by end day, overdue-from days), then the dossiers, their pauses and apologies in three more queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from motcua.dossiers.models import Dossier
from motcua.reports.models import DossierFact, PauseFact
from motcua.reports.services.units import Registry
from motcua.worktime import services as worktime

LIMIT = 300


@dataclass
class OverdueRow:
    dossier: Dossier
    fact: DossierFact
    open: bool  # still being handled at the end of the period
    days_late: int  # working days from the appointment's day to the end (or to the period's end)
    handling: str
    url: str = ""  # the dossier's page, set by the view


def rows(
    scope: set[int], start: dt.date, through: dt.date, *, registry: Registry, limit: int = LIMIT
) -> tuple[list[OverdueRow], int]:
    """(the first ``limit`` overdue dossiers, most late first; how many there are in all)."""
    paused_at_end = PauseFact.objects.filter(
        dossier_id=OuterRef("dossier_id"), started_on__lte=through
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=through))
    resolved_late = Q(outcome="late", ended_on__gte=start, ended_on__lte=through)
    still_overdue = (
        Q(overdue_from__lte=through, received_on__lte=through)
        & (Q(ended_on__isnull=True) | Q(ended_on__gt=through))
        & ~Q(Exists(paused_at_end))
    )
    facts = list(
        DossierFact.objects.filter(handling_id__in=scope)
        .filter(resolved_late | still_overdue)
        .order_by("due_on", "dossier_id")
    )
    total = len(facts)
    calendar = worktime.calendar_for(None)

    def late_days(fact: DossierFact) -> int:
        end = fact.ended_on if fact.ended_on and fact.ended_on <= through else through
        return calendar.working_days_between(fact.due_on, end) if fact.due_on else 0

    facts.sort(key=lambda f: (-late_days(f), f.dossier_id))
    chosen = facts[:limit]
    dossiers = (
        Dossier.objects.filter(pk__in=[f.dossier_id for f in chosen])
        .select_related("procedure_version__procedure")
        .only(
            "code",
            "received_at",
            "original_due_at",
            "procedure_version__name",
            "procedure_version__procedure__code",
        )
        .prefetch_related("pauses", "apologies")
        .in_bulk()
    )
    result = []
    for fact in chosen:
        dossier = dossiers.get(fact.dossier_id)
        if dossier is None:
            continue
        unit = registry.get(fact.handling_id)
        open_at_end = fact.ended_on is None or fact.ended_on > through
        result.append(OverdueRow(dossier, fact, open_at_end, late_days(fact), unit.name if unit else ""))
    return result, total
