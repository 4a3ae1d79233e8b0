"""Reads of personal data by officers (Nghị định 13/2023/NĐ-CP): the access log and the per-officer limit of the
counter lookup.

- :func:`record_read` writes one :class:`~motcua.org.models.PersonalDataRead` row (one INSERT, no read) for one
  request that showed personal data to an officer: the counter lookup, a dossier page or its API detail, a PAKN
  item showing its sender, a printed form or an exported register.
- :func:`visible_reads` is the scope of the log's screen: a unit's leaders see the reads *by* their unit's officers
  and the reads *of* their unit's records; TTHC controllers and administrators see the whole province.
- :func:`take_lookup` counts an officer's lookups in Django's cache (``MOTCUA_PERSON_LOOKUP_LIMIT`` per
  ``MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS``); the count is shared by all workers when the cache is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.org.models import PersonalDataRead
from motcua.org.permissions import WIDE_ROLES, Access, reach


def _tokens(records: Iterable[tuple[str, object]]) -> str:
    tokens = " ".join(f"{kind}:{pk}" for kind, pk in records)
    return f" {tokens} " if tokens else ""


def record_token(kind: str, pk) -> str:
    """What :func:`record_read` stores for one record, to find its reads with ``records__contains``."""
    return f" {kind}:{pk} "


def _units(ids: Iterable[int | None]) -> str:
    wanted = sorted({i for i in ids if i})
    return ("|" + "|".join(map(str, wanted)) + "|")[:1000] if wanted else ""


def record_read(
    user,
    *,
    kind: str,
    records: Iterable[tuple[str, object]],
    label: str,
    purpose: str,
    via: str,
    acting_agency_id: int | None = None,
    subject_units: Iterable[int | None] = (),
    at: dt.datetime | None = None,
) -> PersonalDataRead:
    """Log one read of personal data by ``user`` (one INSERT). ``records``: (kind, id) of every record shown;
    ``subject_units``: the units holding them (for their leaders); ``via``: the page or API operation."""
    entry = PersonalDataRead(
        at=at or timezone.now(),
        user_id=user.pk,
        acting_agency_id=acting_agency_id,
        record_kind=kind,
        records=_tokens(records),
        label=label[:1000],
        subject_units=_units(subject_units),
        purpose=purpose,
        via=via[:200],
    )
    entry.save(force_insert=True)
    return entry


# What the log's "via" (a page's URL name, a download's name and format, or an API operation) says to a reader.
_VIA_LABELS = {
    "workspace:dossier": _("Trang hồ sơ"),
    "workspace:receipt": _("Giấy tiếp nhận trên màn hình"),
    "workspace:intake-applicant": _("Tra cứu người nộp tại quầy"),
    "feedback:officer-detail": _("Trang phản ánh, kiến nghị"),
    "documents:form": _("Tải biểu mẫu đã phát hành"),
    "documents:receipt": _("Tải giấy tiếp nhận"),
    "documents:control": _("Tải phiếu kiểm soát"),
    "documents:book": _("Sổ theo dõi hồ sơ"),
}
_FORMATS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


def via_label(via: str) -> str:
    """“Tải biểu mẫu đã phát hành (PDF)”, “API: GET /api/v1/dossiers/{code}”: the page or operation in words."""
    if via.startswith(("GET ", "POST ")):
        return f"API: {via}"
    base, _sep, fmt = via.rpartition("-") if via.rsplit("-", 1)[-1] in _FORMATS else (via, "", "")
    label = _VIA_LABELS.get(base)
    if label is None:
        return via
    return f"{label} ({_FORMATS[fmt]})" if fmt else str(label)


def acting_unit(access: Access, units: Iterable[int | None]) -> int | None:
    """The unit the officer acts for when reading a record held by ``units`` (in order of preference): the unit of
    the first assignment whose reach (``org.permissions.reach``: its unit and internal divisions, never upwards
    across agencies) holds the record; else any unit of theirs (read in memory)."""
    for unit in units:
        if unit is None:
            continue
        for a in access.assignments:
            if unit in reach(access.tree, a.agency_id, a.role, a.includes_subunits):
                return a.agency_id
    held = {a.agency_id for a in access.assignments}
    return min(held) if held else None


def province_wide(access: Access) -> bool:
    """A province-wide role (``org.permissions.WIDE_ROLES`` assigned with ``includes_subunits``) reads the whole
    province's log."""
    return any(a.role in WIDE_ROLES and a.includes_subunits for a in access.assignments)


def visible_reads(access: Access, action_code: str):
    """The log rows ``access`` may read: everything for a province-wide role; else the reads by officers acting
    for, or of records held by, a unit where ``access`` may do ``action_code``; None when none."""
    if province_wide(access):
        return PersonalDataRead.objects.all()
    units = sorted(access.agencies_where(action_code))
    if not units:
        return None
    of_units = Q(acting_agency_id__in=units)
    for unit in units:
        of_units |= Q(subject_units__contains=f"|{unit}|")
    return PersonalDataRead.objects.filter(of_units)


# --- the counter lookup's limit --------------------------------------------------------------------------------


def _lookup_key(user) -> str:
    return "motcua:person-lookup:" + hashlib.sha256(str(user.pk).encode()).hexdigest()[:24]


def take_lookup(user) -> bool:
    """Count one lookup of ``user``; False (and not counted) when the officer's limit is reached."""
    limit = settings.MOTCUA_PERSON_LOOKUP_LIMIT
    window = settings.MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS
    key = _lookup_key(user)
    cache.add(key, 0, window)  # starts the window; no-op while it runs
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


def lookup_limit_text() -> dict:
    window = settings.MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS
    return {"limit": settings.MOTCUA_PERSON_LOOKUP_LIMIT, "minutes": max(1, round(window / 60))}
