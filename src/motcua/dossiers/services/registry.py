"""The applicant registry: which data about a person may travel from one dossier to another.

The rule (ARCHITECTURE.md, “Applicant records”):

* Every dossier keeps **its own** applicant record (``Dossier.applicant`` / ``representative``): a new row at each
  intake, never an update of another dossier's row. The contact data declared for a dossier — address, phone,
  e-mail — stays on that dossier (the phone is the check value of its public tracking page).
* Only **verified identity data** may be reused for another dossier: the name and birth date of a record whose
  identity was verified — by the national e-identity (VNeID, the account's verified claims) or by an officer at the
  counter who saw the identity card — with who verified it, how and when (``Applicant.verified_*``).
  A record an unverified account or an integration *declared* is never reused, so a stranger who types someone
  else's ID number cannot put their phone or address on that person's next dossier.

:func:`reusable` is the one place that answers “what may another dossier take from the registry for this number”;
intake (counter, API, batch, online submission) and the counter lookup all go through it, and
:func:`record_for_dossier` builds the dossier's own row from what was given plus what :func:`reusable` allows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from motcua.dossiers.models import Applicant
from motcua.dossiers.models.applicant import Verification

IDENTITY_FIELDS = ("name", "birth_date")  # what a verified record lends to another dossier
CONTACT_FIELDS = ("address", "phone", "email")  # declared per dossier, never reused


@dataclass(frozen=True)
class Verified:
    """Who verified the identity of a person named in an intake, and how (``Verification``)."""

    how: str
    by_id: int | None
    at: dt.datetime


def _verified_q() -> Q:
    return ~Q(verified_via=Verification.DECLARED)


def reusable(kind: str, id_number: str) -> Applicant | None:
    """The latest **verified** record of this kind and number (one query), whose identity fields another dossier
    may reuse; None when there is none (declared records never count)."""
    id_number = (id_number or "").strip()
    if not id_number:
        return None
    return (
        Applicant.objects.filter(_verified_q(), kind=kind, id_number=id_number)
        .only("id", "kind", "id_number", "name", "birth_date", "verified_via", "verified_at")
        .order_by("-id")
        .first()
    )


def reusable_many(people: set[tuple[str, str]]) -> dict[tuple[str, str], Applicant]:
    """:func:`reusable` for several (kind, number) pairs in one query (a batch)."""
    if not people:
        return {}
    found: dict[tuple[str, str], Applicant] = {}
    rows = Applicant.objects.filter(_verified_q(), id_number__in={n for _k, n in people}).order_by("id")
    for record in rows:
        if (record.kind, record.id_number) in people:
            found[(record.kind, record.id_number)] = record  # the latest verified record wins
    return found


def record_for_dossier(
    data, verified_source: Applicant | None, verified: Verified | None = None
) -> Applicant:
    """The unsaved applicant row of one dossier: what ``data`` (an ``intake.ApplicantData``) gives; an identity
    field left empty is taken from ``verified_source`` (a record :func:`reusable` returned — anything else is
    ignored); contact fields only from ``data``. ``verified``: this intake verified the person's identity."""
    record = Applicant(kind=data.kind, id_number=data.id_number)
    source = verified_source if verified_source is not None and verified_source.is_verified else None
    for name in IDENTITY_FIELDS + CONTACT_FIELDS:
        value = getattr(data, name)
        if value in (None, "") and source is not None and name in IDENTITY_FIELDS:
            value = getattr(source, name)
        if value not in (None, ""):
            setattr(record, name, value)
    if verified is not None:
        record.verified_via, record.verified_by_id, record.verified_at = (
            verified.how,
            verified.by_id,
            verified.at,
        )
    return record


def same_person(a: Applicant, b: Applicant) -> bool:
    """Whether two dossiers' applicant records are known to be one person: same kind and number, both verified.
    A declared number proves nothing, so a declared record shares nothing with another dossier (data store)."""
    return a.is_verified and b.is_verified and (a.kind, a.id_number) == (b.kind, b.id_number)


def same_person_q(applicant: Applicant, prefix: str = "") -> Q:
    """:func:`same_person` as a filter on the model that reaches an applicant through ``prefix`` (e.g.
    ``dossier__applicant__``); matches nothing for a declared ``applicant``."""
    if not applicant.is_verified:
        return Q(**{f"{prefix}pk__in": []})
    return Q(**{f"{prefix}kind": applicant.kind, f"{prefix}id_number": applicant.id_number}) & ~Q(
        **{f"{prefix}verified_via": Verification.DECLARED}
    )
