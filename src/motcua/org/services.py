"""Organisation registry services: “as of a date” lookups, identifier resolution, and the dated changes
(creation, rename, merge, split) that the admin, the API and the demo loader all go through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.caches import StampedCache
from motcua.core.dated import today, valid_on_q
from motcua.core.models import AuditEntry
from motcua.org.models import Agency, AgencySuccession, RoleAssignment, WorkingHours
from motcua.org.models.succession import SuccessionKind
from motcua.org.tree import lineage

Session = tuple[dt.time, dt.time]


@dataclass
class Resolution:
    """What an identifier means on a date: the record that bore it and, if that record had ceased by then,
    the agencies that carry on its work."""

    identifier: str
    on: dt.date
    record: Agency
    successors: list[Agency] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return self.record.is_valid_on(self.on)

    @property
    def effective(self) -> list[Agency]:
        """The agencies that answer for the identifier on ``on``."""
        return [self.record] if self.is_current else self.successors


def agencies_on(on: dt.date | None = None):
    return Agency.objects.filter(valid_on_q(on or today()))


def agency_on(identifier: str, on: dt.date | None = None) -> Agency | None:
    """The agency that bears ``identifier`` on ``on`` (None if no agency bore it then)."""
    return agencies_on(on).select_related("parent", "admin_unit").filter(identifier=identifier).first()


def resolve_agency(identifier: str, on: dt.date | None = None) -> Resolution | None:
    """Resolve an identifier, old or current. An identifier retired by a merge or a rename still resolves:
    to its last record and to the successors valid on ``on``. None only if the identifier was never used."""
    on = on or today()
    record = agency_on(identifier, on)
    if record is None:
        # The latest record that started on or before ``on``; failing that (asked about a date before the
        # identifier existed), the first one.
        records = Agency.objects.select_related("parent", "admin_unit").filter(identifier=identifier)
        record = (
            records.filter(valid_from__lte=on).order_by("-valid_from").first()
            or records.order_by("valid_from").first()
        )
        if record is None:
            return None
        if record.valid_from > on:
            return Resolution(identifier, on, record)
    resolution = Resolution(identifier, on, record)
    if not resolution.is_current:
        resolution.successors = successors_on(record, on)
    return resolution


def successors_on(agency: Agency, on: dt.date) -> list[Agency]:
    """Follow successions from ``agency`` to the agencies valid on ``on`` (through renames and merges in chain)."""
    found: dict[int, Agency] = {}
    frontier, seen = [agency], {agency.pk}
    while frontier:
        links = AgencySuccession.objects.filter(
            predecessor__in=frontier, effective_date__lte=on
        ).select_related("successor")
        frontier = []
        for link in links:
            succ = link.successor
            if succ.pk in seen:
                continue
            seen.add(succ.pk)
            if succ.is_valid_on(on):
                found[succ.pk] = succ
            else:
                frontier.append(succ)
    return sorted(found.values(), key=lambda a: a.identifier)


def predecessors_of(agency: Agency) -> list[AgencySuccession]:
    return list(AgencySuccession.objects.filter(successor=agency).select_related("predecessor"))


def descendants(agency: Agency, on: dt.date | None = None) -> list[Agency]:
    """The agency's subunits valid on ``on``, breadth first."""
    on = on or today()
    result, frontier = [], [agency.pk]
    while frontier:
        children = list(agencies_on(on).filter(parent_id__in=frontier).order_by("identifier"))
        result.extend(children)
        frontier = [c.pk for c in children]
    return result


def _parse_sessions(text: str) -> tuple[Session, ...]:
    sessions = []
    for part in text.split(","):
        start, end = part.strip().split("-")
        sessions.append((dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip())))
    return tuple(sessions)


def default_working_hours() -> tuple[Session, ...]:
    return _parse_sessions(settings.MOTCUA_DEFAULT_WORKING_HOURS)


HOURS_CHECK_SECONDS = 10.0


def _hours_stamp() -> tuple:
    hours = WorkingHours.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    agencies = Agency.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return hours["n"], hours["last"], agencies["n"], agencies["last"]


_hours = StampedCache(_hours_stamp, every=lambda: HOURS_CHECK_SECONDS)


def working_hours_for(agency: Agency, on: dt.date | None = None) -> tuple[Session, ...]:
    """The sessions in force for ``agency`` on ``on``: its own timetable, else its parent's, else the default.

    Every deadline computation asks this, so answers are kept per process. A change made here is seen at once
    (signals clear the cache); one made by another process within ``HOURS_CHECK_SECONDS``, like the calendars
    of ``motcua.worktime.services``."""
    on = on or today()
    return _hours.get((agency.pk, on), lambda: _working_hours_uncached(agency, on))


def _working_hours_uncached(agency: Agency, on: dt.date) -> tuple[Session, ...]:
    for current in lineage(agency):
        hours = (
            WorkingHours.objects.filter(agency=current, valid_from__lte=on).order_by("-valid_from").first()
        )
        if hours is not None:
            return hours.sessions
    return default_working_hours()


def invalidate_working_hours() -> None:
    _hours.clear()


# --- changes ----------------------------------------------------------------------------------------------------


def save_agency(agency: Agency, actor=None, note: str = "") -> Agency:
    """Validate and save an agency (new or changed), with an audit entry. Raises ValidationError, saving nothing."""
    before = None
    if agency.pk:
        old = Agency.objects.filter(pk=agency.pk).first()
        before = audit.snapshot(old) if old else None
    agency.full_clean()
    with transaction.atomic():
        agency.save()
        audit.record(
            actor,
            AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
            agency,
            audit.diff(before, audit.snapshot(agency)),
            note,
        )
    return agency


@transaction.atomic
def record_succession(
    predecessors: Sequence[Agency],
    successors: Sequence[Agency],
    *,
    kind: str,
    effective_date: dt.date,
    legal_basis: str,
    actor=None,
    move_roles: bool = True,
) -> list[AgencySuccession]:
    """Record that ``predecessors`` ceased on the eve of ``effective_date`` and ``successors`` carry on.

    Closes the predecessors' validity (if still open), links every predecessor to every successor, and, for a
    rename or a merge (one successor), moves the officers' open role assignments to the successor. Everything is
    validated first: on any error nothing is saved.
    """
    if not predecessors or not successors:
        raise ValidationError(_("Cần ít nhất một cơ quan cũ và một cơ quan kế thừa."))
    if kind not in SuccessionKind.values:
        raise ValidationError({"kind": _("Hình thức kế thừa không hợp lệ: %(kind)s.") % {"kind": kind}})
    if kind in (SuccessionKind.RENAME, SuccessionKind.MERGE) and len(successors) != 1:
        raise ValidationError({"kind": _("Đổi tên hoặc hợp nhất phải có đúng một cơ quan kế thừa.")})
    if kind == SuccessionKind.RENAME and len(predecessors) != 1:
        raise ValidationError({"kind": _("Đổi tên chỉ áp dụng cho một cơ quan.")})
    if kind == SuccessionKind.SPLIT and len(predecessors) != 1:
        raise ValidationError({"kind": _("Chia tách chỉ áp dụng cho một cơ quan cũ.")})
    if not (legal_basis or "").strip():
        raise ValidationError({"legal_basis": _("Cần ghi căn cứ pháp lý (số, ngày văn bản).")})
    last_day = effective_date - dt.timedelta(days=1)
    links = []
    for pred in predecessors:
        if pred.valid_to is None or pred.valid_to >= effective_date:
            before = audit.snapshot(pred)
            pred.valid_to = last_day
            pred.full_clean()
            pred.save(update_fields=["valid_to"])
            audit.record(
                actor,
                AuditEntry.Action.UPDATE,
                pred,
                audit.diff(before, audit.snapshot(pred)),
                "Kết thúc hiệu lực theo %s" % legal_basis,
            )
        for succ in successors:
            link = AgencySuccession(
                predecessor=pred,
                successor=succ,
                kind=kind,
                effective_date=effective_date,
                legal_basis=legal_basis,
            )
            link.full_clean()
            link.save()
            audit.record(actor, AuditEntry.Action.CREATE, link, audit.snapshot(link))
            links.append(link)
    if move_roles and len(successors) == 1:
        _move_roles(predecessors, successors[0], effective_date, legal_basis, actor)
    return links


def _move_roles(
    predecessors: Sequence[Agency], successor: Agency, effective_date: dt.date, legal_basis: str, actor
):
    last_day = effective_date - dt.timedelta(days=1)
    open_assignments = RoleAssignment.objects.filter(agency__in=predecessors).filter(valid_on_q(last_day))
    for old in open_assignments:
        if old.valid_to is None or old.valid_to >= effective_date:
            old_end = old.valid_to
            old.valid_to = last_day
            old.save(update_fields=["valid_to"])
            already = RoleAssignment.objects.filter(
                user_id=old.user_id, agency=successor, role=old.role
            ).filter(valid_on_q(effective_date))
            if not already.exists():
                new = RoleAssignment(
                    user_id=old.user_id,
                    role=old.role,
                    agency=successor,
                    valid_from=effective_date,
                    valid_to=old_end,
                    includes_subunits=old.includes_subunits,
                    note="Chuyển từ %s theo %s" % (old.agency, legal_basis),
                )
                new.full_clean()
                new.save()
                audit.record(actor, AuditEntry.Action.CREATE, new, audit.snapshot(new), legal_basis)
