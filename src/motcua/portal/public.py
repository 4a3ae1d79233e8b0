"""The public view of one dossier: everything the tracking page (tra cứu hồ sơ) shows, and nothing else.

The page is open to anyone who knows the dossier's code and the check value (the last 4 digits of the applicant's
phone or ID number), so it must be safe even if that person is not the applicant. The template never receives a
model object: :func:`load` copies the fields below into a :class:`PublicDossier`, and only these can appear.

Shown (public or addressed to the citizen):

- the code (or the temporary reference of an online dossier), the procedure's code and name, the channel, the way
  the result is delivered, the status and its national label;
- the applicant's **masked name** only (``Applicant.masked_name``: “Trần T. B.”; an organisation's name in full);
- the names of the receiving, handling and current units (public bodies, linked to their public directory page);
- the dates the citizen was given: submitted, received, reception deadline, appointment (and the original one
  after an apology), finished, returned; the remaining time in words and, once closed, the timeliness;
- the public timeline from the process log: for each entry the time, the action's label from the transition
  table (``lifecycle.BY_ACTION``), the unit where it happened and the new status when it changed;
- the reason of a notice the citizen receives in writing anyway: refusal (Mẫu 03), request to complete at
  reception or to supplement (Mẫu 02, with its list of documents), financial obligation, stop of processing.
  Officers write these texts for the citizen.

Never shown: the applicant's ID number, phone, address, e-mail, birth date, full name; the representative; the
officers (``actor``, ``actor_name``, ``role``, handlers of steps); the notes of other log entries (free text that
may name people: a withdrawal request, a hand-over receipt, an internal send-back); the log's ``data`` (who
received the result, amounts) except the supplement items; components, files, results and internal steps.

Reading costs three queries whatever the dossier's history: the dossier row (with procedure and the applicant's
name), its process log, and every unit they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from motcua.catalog.choices import Channel
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import ResultDelivery, Status, Timeliness
from motcua.dossiers.models import Applicant, Dossier, ProcessLogEntry
from motcua.dossiers.services import clock
from motcua.org.models import Agency

OPEN_WITH_DEADLINE = frozenset({1, 2, 4, 5, 6})
# Log entries whose reason is written for the citizen, by the status they explain.
REASON_ACTIONS = {
    Status.SUBMITTED: ("request_completion",),
    Status.REFUSED: ("refuse", "refuse_at_counter"),
    Status.SUPPLEMENT_REQUESTED: ("request_supplement",),
    Status.FINANCIAL_OBLIGATION: ("request_payment",),
    Status.STOPPED: ("stop",),
}
# The fields of the dossier row read for the page (and nothing of the applicant beyond what masks the name).
ROW_FIELDS = (
    "id",
    "code",
    "reference",
    "status",
    "channel",
    "result_delivery",
    "submitted_at",
    "reception_due_at",
    "received_at",
    "due_at",
    "original_due_at",
    "finished_at",
    "returned_at",
    "closed_at",
    "timeliness",
    "receiving_agency_id",
    "handling_agency_id",
    "current_agency_id",
    "procedure_version__name",
    "procedure_version__procedure__code",
    "applicant__name",
    "applicant__kind",
)


@dataclass(frozen=True)
class Unit:
    name: str
    identifier: str


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    label: str
    unit: Unit | None
    status_label: str  # the new status, when the entry changed it ('' otherwise)


@dataclass
class PublicDossier:
    ident: str  # the code, or the temporary reference while there is none
    has_code: bool
    procedure_code: str
    procedure_name: str
    applicant: str  # masked
    status: int
    status_label: str
    channel: str
    channel_label: str
    result_delivery: str
    result_delivery_label: str
    receiving: Unit
    handling: Unit
    current: Unit | None  # only when neither the receiving nor the handling unit
    submitted_at: dt.datetime | None
    reception_due_at: dt.datetime | None
    received_at: dt.datetime | None
    due_at: dt.datetime | None
    original_due_at: dt.datetime | None  # only after an apology moved the appointment
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    closed_at: dt.datetime | None
    timeliness_label: str
    remaining: str  # “còn 2 ngày 3 giờ”, “quá hạn 1 ngày”, “đang tạm dừng” ('' once closed)
    remaining_state: str  # clock.Badge.state
    reason: str = ""
    items: list[str] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)

    @property
    def paused(self) -> bool:
        return self.status in (Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION)


def candidates(ident: str) -> list[str]:
    """The spellings of a typed code looked up: as typed and in capitals (codes and references are upper case;
    a province whose identifiers use lower case letters is still found)."""
    return sorted({ident, ident.upper()})


def _matching(ident: str):
    values = candidates(ident)
    return Dossier.objects.filter(Q(code__in=values) | Q(reference__in=values)).order_by("id")


def check_values(ident: str) -> tuple[str, str, str] | None:
    """(the dossier's public identifier, the applicant's phone, the applicant's ID number) of the dossier with
    this code or reference, in one query; None if there is none. Only the tracking check reads these."""
    row = (
        _matching(ident).values_list("code", "reference", "applicant__phone", "applicant__id_number").first()
    )
    if row is None:
        return None
    code, reference, phone, id_number = row
    return code or reference, phone or "", id_number or ""


def load(ident: str, now: dt.datetime | None = None) -> PublicDossier | None:
    """The public view of the dossier with this code or temporary reference (three queries), or None."""
    now = now or timezone.now()
    dossier = _matching(ident).select_related("procedure_version__procedure", "applicant").only(*ROW_FIELDS)
    dossier = dossier.first()
    if dossier is None:
        return None
    entries = list(
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk)
        .order_by("seq")
        .only("seq", "at", "action", "agency_id", "from_status", "to_status", "note", "data")
    )
    ids = {dossier.receiving_agency_id, dossier.handling_agency_id, dossier.current_agency_id}
    ids |= {e.agency_id for e in entries if e.agency_id}
    agencies = Agency.objects.in_bulk(ids)
    dossier.receiving_agency = agencies[dossier.receiving_agency_id]
    dossier.handling_agency = agencies[dossier.handling_agency_id]

    badge = clock.badge(dossier, now)
    apologised = any(e.action == "apologize" for e in entries)
    current = None
    if dossier.current_agency_id not in (dossier.receiving_agency_id, dossier.handling_agency_id):
        current = _unit(agencies[dossier.current_agency_id])
    reason, items = _reason(dossier.status, entries)
    return PublicDossier(
        ident=dossier.code or dossier.reference,
        has_code=bool(dossier.code),
        procedure_code=dossier.procedure_version.procedure.code,
        procedure_name=dossier.procedure_version.name,
        applicant=_masked(dossier.applicant),
        status=dossier.status,
        status_label=str(Status(dossier.status).label),
        channel=dossier.channel,
        channel_label=_label(Channel, dossier.channel),
        result_delivery=dossier.result_delivery,
        result_delivery_label=_label(ResultDelivery, dossier.result_delivery),
        receiving=_unit(dossier.receiving_agency),
        handling=_unit(dossier.handling_agency),
        current=current if dossier.status in OPEN_WITH_DEADLINE else None,
        submitted_at=dossier.submitted_at,
        reception_due_at=dossier.reception_due_at if dossier.status == Status.SUBMITTED else None,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        original_due_at=(
            dossier.original_due_at
            if apologised and dossier.original_due_at and dossier.original_due_at != dossier.due_at
            else None
        ),
        finished_at=dossier.finished_at,
        returned_at=dossier.returned_at,
        closed_at=dossier.closed_at,
        timeliness_label=_label(Timeliness, dossier.timeliness) if dossier.timeliness else "",
        remaining=badge.text,
        remaining_state=badge.state,
        reason=reason,
        items=items,
        timeline=[_entry(e, agencies) for e in entries],
    )


def _masked(applicant: Applicant) -> str:
    return applicant.masked_name


def _unit(agency: Agency) -> Unit:
    return Unit(agency.name, agency.identifier)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return ""


def _entry(entry: ProcessLogEntry, agencies: dict[int, Agency]) -> TimelineEntry:
    transition = lifecycle.BY_ACTION.get(entry.action)
    changed = entry.to_status != entry.from_status
    return TimelineEntry(
        at=entry.at,
        label=str(transition.label) if transition else "",
        unit=_unit(agencies[entry.agency_id]) if entry.agency_id in agencies else None,
        status_label=_label(Status, entry.to_status) if changed else "",
    )


def _reason(status: int, entries: list[ProcessLogEntry]) -> tuple[str, list[str]]:
    """The reason (and listed documents) of the notice that explains the current status, if it is one the citizen
    receives in writing. At reception (status 1) only while the request to complete is not answered yet."""
    actions = REASON_ACTIONS.get(status)
    if not actions:
        return "", []
    for entry in reversed(entries):
        if status == Status.SUBMITTED and entry.action in ("resubmit", "submit_online"):
            return "", []  # completed and resubmitted since (or never asked)
        if entry.action in actions:
            data = entry.data if isinstance(entry.data, dict) else {}
            raw = data.get("items") or []
            items = [str(i).strip() for i in raw if str(i).strip()] if isinstance(raw, list) else []
            return entry.note.strip(), items
    return "", []
