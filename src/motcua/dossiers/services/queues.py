"""Reading dossiers for officers: the queues (a page of dossiers in deadline order) and one dossier with everything
its page shows. Shared by the API and the workspace; both ask for pages the same way and get the same rows.

Why the queue reads each side separately. A dossier belongs to up to three units — the one that received it, the one
competent to decide it and the one holding it now — and an officer sees it through any of them
(:class:`DossierVisibility`). One ``WHERE receiving IN … OR handling IN … OR current IN …`` forces the database to
collect every dossier of the unit and sort them (hundreds of thousands for a provincial centre). Instead each side
is read through its own index ``(side, status, deadline_at, id)`` in deadline order, at most ``limit + 1`` ids each,
and the sides are merged here: a page costs three short index scans whatever the size of the unit.

Pages are addressed by a keyset cursor (the ``deadline_at`` and id of the last row), not an offset, so page 1,000 is
as fast as page 1 and a dossier moving meanwhile never makes a row appear twice. No total is counted: the queues
show "more" links, and exact counts per status come from :func:`status_counts` (one grouped query per side).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from motcua.dossiers.choices import Status
from motcua.dossiers.models import (
    Apology,
    Dossier,
    DossierComponent,
    DossierPause,
    DossierResult,
    DossierStep,
)
from motcua.dossiers.services.visibility import DossierVisibility
from motcua.org.models import Agency

RUNNING_CLOCK = (Status.ACCEPTED, Status.PROCESSING)  # the appointment clock runs (not paused)
SIDES = ("receiving_agency_id", "handling_agency_id", "current_agency_id")
MAX_LIMIT = 200


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True)
class Cursor:
    """Position after the row (deadline_at, id) in the order of every queue."""

    deadline_at: dt.datetime
    id: int

    def encode(self) -> str:
        raw = f"{self.deadline_at.astimezone(dt.UTC).isoformat()}~{self.id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
            moment, _, pk = raw.partition("~")
            at = dt.datetime.fromisoformat(moment)
            if at.tzinfo is None:
                raise ValueError
            return cls(at, int(pk))
        except (ValueError, UnicodeDecodeError, binascii.Error):
            raise InvalidCursor(text) from None


@dataclass(frozen=True)
class QueueFilter:
    """What a queue shows. Empty fields do not filter."""

    statuses: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()  # the unit (all versions of its identifier) on any side
    side: str | None = (
        None  # restrict to one side: "receiving_agency_id", "handling_agency_id", "current_agency_id"
    )
    handler_id: int | None = None  # dossiers held now by this officer ("việc của tôi")
    procedure_ids: tuple[int, ...] | None = None
    field_id: int | None = None
    channel: str | None = None
    due_before: dt.datetime | None = None
    overdue: bool | None = None
    received_from: dt.datetime | None = None
    received_to: dt.datetime | None = None
    extra: Q | None = field(default=None, compare=False)

    def conditions(self, now: dt.datetime) -> Q:
        q = Q()
        if self.statuses:
            q &= Q(status__in=self.statuses)
        if self.procedure_ids is not None:
            q &= Q(procedure_version__procedure_id__in=self.procedure_ids)
        if self.field_id:
            q &= Q(procedure_version__field_id=self.field_id)
        if self.channel:
            q &= Q(channel=self.channel)
        if self.due_before:
            q &= Q(due_at__lt=self.due_before)
        if self.received_from:
            q &= Q(received_at__gte=self.received_from)
        if self.received_to:
            q &= Q(received_at__lt=self.received_to)
        if self.overdue is not None:
            late = Q(status__in=RUNNING_CLOCK, deadline_at__lt=now)
            q &= late if self.overdue else ~late
        if self.extra is not None:
            q &= self.extra
        return q


@dataclass
class Page:
    items: list[Dossier]
    next: Cursor | None

    @property
    def next_cursor(self) -> str | None:
        return self.next.encode() if self.next else None


def page(
    visibility: DossierVisibility,
    flt: QueueFilter,
    *,
    after: Cursor | None = None,
    limit: int = 50,
    now: dt.datetime | None = None,
) -> Page:
    """One page of the dossiers ``visibility`` may see that match ``flt``, in deadline order (then id)."""
    now = now or timezone.now()
    limit = max(1, min(limit, MAX_LIMIT))
    common = flt.conditions(now)
    if after is not None:
        common &= Q(deadline_at__gte=after.deadline_at) & (
            Q(deadline_at__gt=after.deadline_at) | Q(id__gt=after.id)
        )
    found: dict[int, dt.datetime] = {}
    for side_q in _sides(visibility, flt):
        rows = (
            Dossier.objects.filter(side_q, common)
            .order_by("deadline_at", "id")
            .values_list("id", "deadline_at")[: limit + 1]
        )
        found.update(rows)
    ordered = sorted(found.items(), key=lambda item: (item[1], item[0]))
    more = len(ordered) > limit
    ordered = ordered[:limit]
    items = _rows([pk for pk, _ in ordered])
    last = ordered[-1] if more else None
    return Page(items, Cursor(last[1], last[0]) if last else None)


def _sides(visibility: DossierVisibility, flt: QueueFilter) -> list[Q]:
    """One index-friendly condition per side through which the officer may see dossiers of the filter."""
    if not visibility.within:
        return []
    if flt.handler_id is not None:
        # the officer's own work: few rows, read through the handler index, visibility checked on them
        return [Q(current_handler_id=flt.handler_id) & visibility.q()]
    sides = [side for side in SIDES if not flt.side or side == flt.side]
    if flt.unit_ids:
        # the unit is the selective part: read its side indexes, check visibility on the rows found
        return [Q(**{f"{side}__in": flt.unit_ids}) & visibility.q() for side in sides]
    allowed = {
        "receiving_agency_id": visibility.view,
        "handling_agency_id": visibility.within,
        "current_agency_id": visibility.within,
    }
    return [Q(**{f"{side}__in": sorted(allowed[side])}) for side in sides if allowed[side]]


# a queue row: the dossier with the procedure's code and name and the applicant's name (not the catalogue's texts)
ROW_FIELDS = (
    *(f.attname for f in Dossier._meta.concrete_fields),
    "procedure_version__name",
    "procedure_version__procedure__code",
    "applicant__name",
    "applicant__kind",
)


def _rows(ids: list[int]) -> list[Dossier]:
    """The dossiers ``ids`` in that order, with procedure, applicant and agencies, in two queries."""
    if not ids:
        return []
    by_id = (
        Dossier.objects.select_related("procedure_version__procedure", "applicant")
        .only(*ROW_FIELDS)
        .in_bulk(ids)
    )
    rows = [by_id[pk] for pk in ids if pk in by_id]
    attach_agencies(rows)
    return rows


def attach_agencies(dossiers: list[Dossier], *, related: bool = False) -> None:
    """Load the receiving, handling and current agencies of ``dossiers`` (and, with ``related``, those of their
    prefetched steps, pauses, apologies and result) in one query instead of one join or query each."""
    holders: list[tuple[object, str]] = []
    for d in dossiers:
        holders += [(d, "receiving_agency"), (d, "handling_agency"), (d, "current_agency")]
        if related:
            holders += [(s, "agency") for s in d.steps.all()]
            holders += [(p, "agency") for p in d.pauses.all()]
            holders += [(a, "agency") for a in d.apologies.all()]
            result = getattr(d, "result_out", None)
            if result is not None:
                holders.append((result, "issuing_agency"))
    ids = {getattr(obj, name + "_id") for obj, name in holders} - {None}
    agencies = Agency.objects.in_bulk(ids) if ids else {}
    for obj, name in holders:
        pk = getattr(obj, name + "_id")
        if pk is not None:
            setattr(obj, name, agencies[pk])


def find(code: str, visibility: DossierVisibility | None = None) -> Dossier | None:
    """The dossier with this code or temporary reference, if ``visibility`` (when given) may see it."""
    dossier = (
        Dossier.objects.filter(code=code).order_by().first()
        or Dossier.objects.filter(reference=code).order_by().first()
    )
    if dossier is None or (visibility is not None and not visibility.sees(dossier)):
        return None
    return dossier


def load(pk: int | None = None, *, code: str | None = None) -> Dossier | None:
    """One dossier (by id, or by code or temporary reference) with everything its page shows, in a fixed number
    of queries whatever its history: the row with procedure, case, applicant, representative and handler; its
    components (with their files), steps, pauses and apologies; its result (with its file) once finished; and
    every agency they name, in one query.
    None if there is no such dossier."""
    query = Dossier.objects.select_related(
        "procedure_version__procedure", "case", "applicant", "representative", "current_handler"
    )
    # No ORDER BY for a unique key: Django 5.2 hashes every selected column (here over a hundred) to order a
    # query, ~1 ms a request for nothing.
    query = query.order_by()
    if pk is not None:
        dossier = _one(query.filter(pk=pk))
    else:
        dossier = _one(query.filter(code=code)) or _one(query.filter(reference=code))
    if dossier is None:
        return None
    # pauses and apologies only where the dossier has some (its flags): most never have any
    wanted = [
        Prefetch("components", queryset=DossierComponent.objects.select_related("file")),
        Prefetch(
            "steps",
            queryset=DossierStep.objects.select_related("handler", "signed_by").order_by("order", "id"),
        ),
    ]
    if dossier.has_pauses:
        wanted.append(Prefetch("pauses", queryset=DossierPause.objects.order_by("started_at", "id")))
    if dossier.has_apologies:
        wanted.append(Prefetch("apologies", queryset=Apology.objects.order_by("created_at", "id")))
    prefetch_related_objects([dossier], *wanted)
    cache = dossier._prefetched_objects_cache
    cache.setdefault("pauses", [])
    cache.setdefault("apologies", [])
    dossier.result_out = (
        DossierResult.objects.select_related("file").filter(dossier_id=dossier.pk).first()
        if dossier.finished_at
        else None
    )
    steps = list(dossier.steps.all())
    dossier.current_step = next((s for s in steps if s.pk == dossier.current_step_id), None)
    attach_agencies([dossier], related=True)
    return dossier


def _one(query):
    """The row of a query on a unique key, or None (like ``first()``, without its ORDER BY)."""
    return next(iter(query[:1]), None)


def settle_created(dossier: Dossier, components: list) -> Dossier:
    """Make a dossier just created by intake look as :func:`load` returns it, without reading it back: intake
    (T1, T2, T4) creates no step, pause, apology or result, and every related object is already in memory."""
    dossier._prefetched_objects_cache = {
        "components": list(components),
        "steps": [],
        "pauses": [],
        "apologies": [],
    }
    dossier.result_out = None
    dossier.current_step = None
    return dossier


def counts(visibility: DossierVisibility, flt: QueueFilter, by: str = "status") -> dict:
    """How many dossiers the officer sees under ``flt``, grouped by the field ``by`` (``status``,
    ``current_handler_id``, ``current_step__name``, …), counted exactly.

    A dossier seen through several sides is counted once: each side counts the rows that no earlier side holds.
    Keep ``flt.statuses`` narrow (the open ones) on big units: each side reads its index range."""
    result: dict = {}
    base = flt.conditions(timezone.now())
    earlier = Q(pk__in=[])
    for side_q in _sides(visibility, flt):
        rows = (
            Dossier.objects.filter(side_q, base)
            .exclude(earlier)
            .order_by()
            .values(by)
            .annotate(n=Count("id"))
        )
        for row in rows:
            result[row[by]] = result.get(row[by], 0) + row["n"]
        earlier |= side_q
    return result


def status_counts(visibility: DossierVisibility, flt: QueueFilter) -> dict[int, int]:
    """:func:`counts` by status."""
    return counts(visibility, flt, "status")
