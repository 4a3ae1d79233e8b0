"""Reads of dossiers' personal data by officers, written in the access log (``org.personal_data``): one row per
request, naming every dossier shown and its applicant (and representative) records, the units holding them (for
their leaders) and the unit the officer acted for. Called by the pages and API answers that show an applicant's
identity or contact data: the dossier page and the receipt (workspace), ``GET /api/v1/dossiers/{code}``, and the
documents printed or exported (forms, Sổ theo dõi)."""

from __future__ import annotations

from motcua.org.models.personal_data_read import ReadPurpose, RecordKind
from motcua.org.permissions import Access
from motcua.org.personal_data import acting_unit, record_read


def _units(dossier) -> list[int | None]:
    return [dossier.current_agency_id, dossier.handling_agency_id, dossier.receiving_agency_id]


def log_dossier_read(
    user, access: Access, dossiers, *, via: str, purpose: str = ReadPurpose.HANDLING, label=""
):
    """One access-log row for the ``dossiers`` a request showed to ``user`` (one INSERT; nothing is read)."""
    dossiers = [d for d in dossiers if d is not None]
    if not dossiers:
        return None
    records: list[tuple[str, object]] = []
    for dossier in dossiers:
        records.append(("dossier", dossier.pk))
        for person_id in (dossier.applicant_id, dossier.representative_id):
            if person_id:
                records.append(("applicant", person_id))
    units = [u for d in dossiers for u in _units(d)]
    return record_read(
        user,
        kind=RecordKind.DOSSIER,
        records=records,
        label=label or ", ".join(d.code or d.reference for d in dossiers),
        purpose=purpose,
        via=via,
        acting_agency_id=acting_unit(access, _units(dossiers[0])),
        subject_units=units,
    )
