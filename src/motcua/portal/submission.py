"""Online submission (nộp hồ sơ trực tuyến, SPEC §7.2) from a citizen's account.

Steps: choose a procedure that can be submitted online → (its case, when it has several) → the e-form: receiving
unit, applicant prefilled from the account, a file (or an item of the data store) for each component, how to
receive the result → review → :func:`submit` (``intake.submit_online``, status 1 with a temporary reference).

**The draft lives in the session** (:class:`Draft`, a plain dict under ``SESSION_KEY``), not in a model: it is a
few form values and the ids of files already checked and stored, it belongs to one browser sitting, it needs no
migration or clean-up job (it expires with the session), and nothing about it is shared with officers until the
dossier exists. The files themselves are stored (checked by content) when the e-form is posted, without an owner;
:func:`submit` files them in the applicant's data store and links them to the dossier's components. A file of an
abandoned draft stays stored without any dossier (no one but its uploader can reach it).

A procedure can be submitted online when the version in force today has an online channel option
(``ChannelOption.channel == "2"``) and a unit is assigned to receive it today — what ``intake._check`` needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from motcua.accounts.models import Citizen
from motcua.accounts.ownership import dossiers_q
from motcua.catalog import services as catalog_services
from motcua.catalog.choices import AssignmentRole
from motcua.catalog.choices import Channel as CatalogChannel
from motcua.catalog.models import ChannelOption, Procedure, ProcedureAssignment, ProcedureVersion
from motcua.catalog.search import fold
from motcua.core.dated import today, valid_on_q
from motcua.dossiers.choices import Channel
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import intake
from motcua.files.services import applicant as applicant_files
from motcua.org.models import Agency

SESSION_KEY = "portal_submission"
LIST_LIMIT = 50


@dataclass
class Choice:
    code: str
    name: str


def _online_q():
    return Exists(
        ChannelOption.objects.filter(version_id=OuterRef("current_version_id"), channel=CatalogChannel.ONLINE)
    )


def online_procedures(query: str = "", on: dt.date | None = None) -> list[Choice]:
    """Procedures that can be submitted online today, matching ``query`` (every folded word in the code or name),
    by code (one query)."""
    on = on or today()
    receives = ProcedureAssignment.objects.filter(
        valid_on_q(on), procedure_id=OuterRef("pk"), role=AssignmentRole.RECEIVES
    )
    rows = (
        Procedure.objects.filter(current_version__isnull=False)
        .filter(_online_q(), Exists(receives))
        .order_by("code")
        .values_list("code", "current_version__name")
    )
    words = fold(query).split()
    found = []
    for code, name in rows:
        text = f"{fold(code)} {fold(name)}"
        if all(w in text for w in words):
            found.append(Choice(code, name))
            if len(found) >= LIST_LIMIT:
                break
    return found


def online_version(code: str, on: dt.date | None = None) -> ProcedureVersion | None:
    """The version in force of ``code`` if it can be submitted online (two queries), else None."""
    version = catalog_services.version_by_code(code, on or today())
    if version is None:
        return None
    if not ChannelOption.objects.filter(version=version, channel=CatalogChannel.ONLINE).exists():
        return None
    return version


def receiving_units(version: ProcedureVersion, on: dt.date | None = None) -> list[Agency]:
    """The units assigned to receive the procedure today (one query)."""
    on = on or today()
    return list(
        Agency.objects.filter(
            valid_on_q(on),
            procedure_assignments__procedure_id=version.procedure_id,
            procedure_assignments__role=AssignmentRole.RECEIVES,
        )
        .filter(valid_on_q(on, "procedure_assignments__"))
        .distinct()
        .order_by("name")
    )


@dataclass
class Draft:
    """What the e-form collected, kept in the session between the e-form and the review."""

    code: str
    case_id: int
    receiving: str
    applicant: dict
    result_delivery: str
    summary: str = ""
    # case component id (str) → {"file": uuid str, "name": shown name, "source": "tp-<id>"/"kq-<id>" or ""}
    files: dict = field(default_factory=dict)

    def save(self, session) -> None:
        drafts = session.get(SESSION_KEY) if isinstance(session.get(SESSION_KEY), dict) else {}
        drafts = {k: v for k, v in drafts.items() if k != self.code}
        drafts[self.code] = asdict(self)
        session[SESSION_KEY] = dict(list(drafts.items())[-5:])

    @classmethod
    def load(cls, session, code: str) -> Draft | None:
        drafts = session.get(SESSION_KEY)
        raw = drafts.get(code) if isinstance(drafts, dict) else None
        if not isinstance(raw, dict):
            return None
        try:
            return cls(**raw)
        except TypeError:
            return None

    @staticmethod
    def forget(session, code: str) -> None:
        drafts = session.get(SESSION_KEY)
        if isinstance(drafts, dict) and code in drafts:
            drafts = dict(drafts)
            drafts.pop(code)
            session[SESSION_KEY] = drafts


def applicant_data(citizen: Citizen, values: dict) -> intake.ApplicantData:
    """The applicant as the e-form gave it; a verified identity (VNeID) keeps the account's name, number and
    birth date whatever was posted."""
    data = intake.ApplicantData(
        name=values.get("name", ""),
        id_number=values.get("id_number", ""),
        kind=citizen.kind,
        birth_date=_date(values.get("birth_date")),
        address=values.get("address", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
    )
    if citizen.id_verified:
        data.name, data.id_number = citizen.full_name, citizen.id_number
        data.birth_date = citizen.birth_date or data.birth_date
    return data


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def request_for(draft: Draft, citizen: Citizen) -> intake.IntakeRequest:
    return intake.IntakeRequest(
        procedure_code=draft.code,
        receiving_agency=draft.receiving,
        applicant=applicant_data(citizen, draft.applicant),
        channel=Channel.ONLINE,
        case_id=draft.case_id,
        components=[int(pk) for pk in draft.files],
        result_delivery=draft.result_delivery,
        summary=draft.summary,
        account_id=citizen.user_id,
        identity_verified=citizen.id_verified,
    )


def check(draft: Draft, citizen: Citizen, at: dt.datetime | None = None) -> None:
    """What intake would refuse, without saving: procedure, unit, case, components, channel, the applicant.
    Raises ValidationError (intake's keys: ``receiving_agency``, ``applicant.phone``, …)."""
    at = at or timezone.now()
    request = request_for(draft, citizen)
    errors: dict = {}
    try:
        intake.check_at_counter(request, at)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        intake.check_people(request)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


class SubmissionError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def submit(draft: Draft, citizen: Citizen, user, at: dt.datetime | None = None) -> Dossier:
    """Submit the draft: ``intake.submit_online`` as the account (status 1, a temporary reference), then each
    component's file linked (the upload filed in the applicant's data store, or the reused item), all in one
    transaction. Raises ValidationError (intake) or :class:`SubmissionError` (a file no longer the citizen's);
    nothing is saved then."""
    from django.utils.translation import gettext as _

    at = at or timezone.now()
    owned = dossiers_q(citizen)
    chosen = {}
    for pk, item in draft.files.items():
        if item.get("source"):
            found = applicant_files.data_store_item(item["source"], owned)
            if found is None:
                raise SubmissionError(_("Giấy tờ chọn từ kho dữ liệu không còn dùng được; hãy chọn lại."))
            chosen[int(pk)] = ("reuse", found)
        else:
            record = applicant_files.draft_file(user, item.get("file"))
            if record is None:
                raise SubmissionError(_("Tệp đã tải lên không còn dùng được; hãy tải lên lại."))
            chosen[int(pk)] = ("upload", record)
    with transaction.atomic():
        dossier = intake.submit_online(request_for(draft, citizen), user, at=at)
        for component in dossier.created_components:
            kind, item = chosen[component.case_component_id]
            component.dossier = dossier
            if kind == "upload":
                applicant_files.attach_to_component(component, item, user, at=at)
            elif hasattr(item, "number"):  # a result
                applicant_files.attach_to_component(component, item.file, user, reused_result=item, at=at)
            else:
                applicant_files.attach_to_component(component, item.file, user, reused_component=item, at=at)
    return dossier
