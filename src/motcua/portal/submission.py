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
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.models import Citizen
from motcua.accounts.ownership import dossiers_q
from motcua.catalog import services as catalog_services
from motcua.catalog.choices import AssignmentRole, Channel
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Procedure,
    ProcedureAssignment,
    ProcedureVersion,
)
from motcua.core.dated import today, valid_on_q
from motcua.core.rules import RuleError
from motcua.core.text import fold
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import intake
from motcua.files.services import FilesError
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
        ChannelOption.objects.filter(version_id=OuterRef("current_version_id"), channel=Channel.ONLINE)
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
    if not ChannelOption.objects.filter(version=version, channel=Channel.ONLINE).exists():
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

    def sources(self) -> dict[int, str]:
        """The item of the data store chosen for each component (``""``: a file of its own)."""
        return {int(k): v.get("source", "") for k, v in self.files.items()}

    @staticmethod
    def forget(session, code: str) -> None:
        drafts = session.get(SESSION_KEY)
        if isinstance(drafts, dict) and code in drafts:
            drafts = dict(drafts)
            drafts.pop(code)
            session[SESSION_KEY] = drafts


def draft_for(session, code: str, case_id: int) -> Draft | None:
    """The draft kept for ``code`` if it was made for the case ``case_id`` (another case's files do not fit)."""
    draft = Draft.load(session, code)
    return draft if draft is not None and draft.case_id == case_id else None


# --- the e-form: from what was posted to a checked draft ----------------------------------------------------------

APPLICANT_FIELDS = ("name", "id_number", "birth_date", "phone", "email", "address")
# intake's error keys that name another field of the e-form (``applicant.<field>`` names the field itself)
EFORM_FIELD = {"receiving_agency": "receiving", "result_delivery": "result_delivery"}


@dataclass
class PostedFile:
    """What the e-form posted for one case component: a new file, an item of the data store, or “keep the file
    stored for this draft”; ``problem`` is what reading the request already refused (too large, unreadable)."""

    component: CaseComponent
    field: str  # tep-<component id>
    uploaded: UploadedFile | None = None
    client_name: str | None = None
    source: str = ""  # "tp-<id>" (an earlier component) or "kq-<id>" (an electronic result)
    keep: bool = False
    problem: str | None = None


@dataclass
class ChosenFiles:
    """The components' files as the e-form chose them: ``files`` for the draft (kept files, items of the data
    store), ``uploads`` still to be stored, ``errors`` by component id."""

    files: dict[str, dict] = field(default_factory=dict)
    uploads: list[PostedFile] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)


def choose_files(posted: list[PostedFile], draft: Draft | None, owned) -> ChosenFiles:
    """Each component's file from what was posted, in order: a refused upload, a new file, an item of the data
    store (one query each: it must be the citizen's), the file kept from the draft, else an error if required."""
    chosen = ChosenFiles()
    kept = dict(draft.files) if draft else {}
    for item in posted:
        error = _choose(item, kept, owned, chosen)
        if error:
            chosen.errors[item.component.pk] = error
    return chosen


def _choose(item: PostedFile, kept: dict, owned, chosen: ChosenFiles) -> str | None:
    key = str(item.component.pk)
    if item.problem:
        return item.problem
    if item.uploaded is not None:
        chosen.uploads.append(item)
    elif item.source:
        if applicant_files.data_store_item(item.source, owned) is None:
            return _("Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn.")
        chosen.files[key] = {"file": "", "name": "", "source": item.source}
    elif key in kept and item.keep:
        chosen.files[key] = kept[key]
    elif item.component.required:
        return _("Cần tải lên tệp hoặc chọn từ kho dữ liệu cho giấy tờ bắt buộc này.")
    return None


def draft_from(code: str, case_id: int, values: dict, chosen: ChosenFiles) -> Draft:
    """The draft of the e-form's cleaned ``values`` and its chosen files (the new ones not stored yet)."""
    applicant = {k: _plain(values[k]) for k in APPLICANT_FIELDS}
    return Draft(
        code=code,
        case_id=case_id,
        receiving=values["receiving"],
        applicant=applicant,
        result_delivery=values["result_delivery"],
        summary=values["summary"],
        files={
            **chosen.files,
            **{str(u.component.pk): {"file": "", "name": "", "source": ""} for u in chosen.uploads},
        },
    )


def _plain(value) -> str:
    """A value of the e-form as the session keeps it (a date as ISO text)."""
    return value.isoformat() if isinstance(value, dt.date) else value or ""


def refusals(draft: Draft, citizen: Citizen) -> list[tuple[str, list[str]]]:
    """What intake would refuse in the draft (:func:`check`), each with the e-form's field it belongs to (an
    intake key of no field is kept as it is). Empty: nothing."""
    try:
        check(draft, citizen)
    except ValidationError as exc:
        return [(_eform_field(key), messages) for key, messages in exc.message_dict.items()]
    return []


def _eform_field(key: str) -> str:
    if key in EFORM_FIELD:
        return EFORM_FIELD[key]
    return key.split(".", 1)[1] if key.startswith("applicant.") else key


def store_uploads(draft: Draft, uploads: list[PostedFile], user) -> dict[int, str]:
    """Check and store the new files (no owner yet, :func:`submit` files them) and put them in the draft. A refused
    file: the ones stored before it are removed again and its error is returned (component id → message)."""
    stored = []
    for item in uploads:
        try:
            record = applicant_files.store_draft_upload(
                item.uploaded, user, client_name=item.client_name, field=item.field
            )
        except FilesError as exc:
            for earlier in stored:
                applicant_files.discard_draft_file(earlier)
            return {item.component.pk: exc.message}
        stored.append(record)
        draft.files[str(item.component.pk)] = {
            "file": str(record.pk),
            "name": record.display_name,
            "source": "",
        }
    return {}


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


class SubmissionError(RuleError):
    """A draft that can no longer be submitted as it is (see :class:`RuleError`); nothing was saved."""


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
                raise SubmissionError(
                    "invalid_input", _("Giấy tờ chọn từ kho dữ liệu không còn dùng được; hãy chọn lại.")
                )
            chosen[int(pk)] = ("reuse", found)
        else:
            record = applicant_files.draft_file(user, item.get("file"))
            if record is None:
                raise SubmissionError(
                    "invalid_input", _("Tệp đã tải lên không còn dùng được; hãy tải lên lại.")
                )
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
