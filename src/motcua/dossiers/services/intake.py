"""Intake: a dossier received at the counter or by public post (T2, or T4 when refused on the spot), or submitted
online (T1). Everything is checked before anything is saved; then the one transition service creates it."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import services as catalog_services
from motcua.catalog.choices import AssignmentRole
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureVersion,
)
from motcua.core.dated import valid_on_q
from motcua.dossiers.choices import ApplicantKind, Channel, ResultDelivery
from motcua.dossiers.models import Applicant, Dossier, DossierComponent
from motcua.dossiers.services import clock as dossier_clock
from motcua.dossiers.services.transitions import apply
from motcua.org import services as org_services
from motcua.org.models import Agency


@dataclass
class ApplicantData:
    name: str
    id_number: str
    kind: str = ApplicantKind.CITIZEN
    birth_date: dt.date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class IntakeRequest:
    procedure_code: str
    receiving_agency: str  # identifier of the centre or point that receives
    applicant: ApplicantData
    channel: str = Channel.DIRECT
    case_id: int | None = None  # default: the version's only case
    components: list[int] | None = None  # CaseComponent ids provided; default: every required one
    representative: ApplicantData | None = None
    handling_agency: str | None = None  # identifier; default: the agency assigned to handle it
    sets: int = 1
    result_delivery: str = ResultDelivery.COUNTER
    summary: str = ""
    external_code: str = ""
    # Online submission from a portal account (Dossier.account): the account then acts as the applicant. Unless
    # the account's identity is verified (VNeID), the applicant is stored as a new record, never merged into the
    # record an officer checked at a counter for the same number.
    account_id: int | None = None
    identity_verified: bool = False
    errors: dict = field(default_factory=dict, repr=False)


def regime_for(day: dt.date) -> tuple[str, str]:
    chosen = settings.MOTCUA_LEGAL_REGIMES[0]
    for start, regime, form_set in settings.MOTCUA_LEGAL_REGIMES:
        if dt.date.fromisoformat(start) <= day:
            chosen = (start, regime, form_set)
    return chosen[1], chosen[2]


def _applicant(data: ApplicantData, prefix: str, reuse: bool = True) -> Applicant:
    applicant = None
    if reuse:
        applicant = Applicant.objects.filter(kind=data.kind, id_number=data.id_number).order_by("-id").first()
    if applicant is None:
        applicant = Applicant(kind=data.kind, id_number=data.id_number)
    for name in ("name", "birth_date", "address", "phone", "email"):
        value = getattr(data, name)
        if value not in (None, ""):
            setattr(applicant, name, value)
    try:
        applicant.full_clean()
    except ValidationError as exc:
        raise ValidationError({f"{prefix}.{k}": v for k, v in exc.message_dict.items()}) from None
    return applicant


def _handler(request: IntakeRequest, procedure: Procedure, receiving: Agency, on: dt.date) -> Agency:
    if request.handling_agency:
        agency = org_services.agency_on(request.handling_agency, on)
        if agency is None:
            raise ValidationError(
                {"handling_agency": _("Không có cơ quan “%(agency)s”.") % {"agency": request.handling_agency}}
            )
        return agency
    handlers = list(
        Agency.objects.filter(
            procedure_assignments__procedure=procedure,
            procedure_assignments__role=AssignmentRole.HANDLES,
        )
        .filter(valid_on_q(on, "procedure_assignments__"))
        .filter(valid_on_q(on))
        .distinct()
    )
    if len(handlers) == 1:
        return handlers[0]
    # several (e.g. every commune handles its own): the one the receiving centre belongs to
    near = [a for a in handlers if a.pk in {receiving.pk, receiving.parent_id}]
    if len(near) == 1:
        return near[0]
    raise ValidationError(
        {
            "handling_agency": _("Cần chọn cơ quan giải quyết: thủ tục được giao cho %(count)s cơ quan.")
            % {"count": len(handlers)}
            if handlers
            else _("Thủ tục chưa được giao cho cơ quan giải quyết nào trong tỉnh.")
        }
    )


@dataclass
class _Checked:
    """What :func:`prepare` and :func:`check_at_counter` both check: the version in force, the receiving unit, the
    case and the components asked for (only listed ones), the channel option whose limit and fees apply."""

    version: ProcedureVersion
    receiving: Agency
    case: ProcedureCase | None
    listed: dict[int, CaseComponent]
    wanted: list[int]
    option: ChannelOption | None


def _check(request: IntakeRequest, on: dt.date, errors: dict[str, list[str]]) -> _Checked:
    """Check procedure, receiving unit, channel, case and components; problems go into ``errors`` (raises at once
    only when there is no version or no unit to check the rest against)."""
    version = catalog_services.version_by_code(request.procedure_code, on)
    if version is None:
        raise ValidationError(
            {
                "procedure_code": _("Không có thủ tục “%(code)s” đang có hiệu lực.")
                % {"code": request.procedure_code}
            }
        )
    receiving = org_services.agency_on(request.receiving_agency, on)
    if receiving is None:
        raise ValidationError(
            {
                "receiving_agency": _("Không có đơn vị tiếp nhận “%(agency)s”.")
                % {"agency": request.receiving_agency}
            }
        )
    receives = ProcedureAssignment.objects.filter(
        valid_on_q(on), procedure=version.procedure, agency=receiving, role=AssignmentRole.RECEIVES
    ).exists()
    if not receives and version.non_boundary == "none":
        errors["receiving_agency"] = [
            _("%(agency)s không được giao tiếp nhận thủ tục %(code)s.")
            % {"agency": receiving, "code": version.procedure.code}
        ]
    if request.channel not in Channel.values:
        errors["channel"] = [_("Kênh nộp không hợp lệ.")]
    content = catalog_services.published_content(version)
    cases = content.cases
    case = (
        next((c for c in cases if c.pk == request.case_id), None)
        if request.case_id
        else (cases[0] if len(cases) == 1 else None)
    )
    if case is None:
        errors["case_id"] = [
            _("Cần chọn một trường hợp của thủ tục.")
            if request.case_id is None
            else _("Trường hợp không thuộc thủ tục này.")
        ]
    listed: dict[int, CaseComponent] = {}
    wanted: list[int] = []
    if case is not None:
        listed = {c.pk: c for c in content.components.get(case.pk, ())}
        wanted = (
            list(request.components)
            if request.components is not None
            else [pk for pk, c in listed.items() if c.required]
        )
        unknown = [pk for pk in wanted if pk not in listed]
        if unknown:
            errors["components"] = [
                _(
                    "Chỉ được yêu cầu các thành phần hồ sơ đã công bố của trường hợp này "
                    "(không có: %(unknown)s)."
                )
                % {"unknown": ", ".join(map(str, unknown))}
            ]
    option = channel_option(content.channel_options, case, request.channel) if case is not None else None
    return _Checked(version, receiving, case, listed, wanted, option)


def prepare(request: IntakeRequest, at: dt.datetime) -> tuple[Dossier, list[DossierComponent]]:
    """Validate ``request`` and build the unsaved dossier; raises ValidationError with every problem found."""
    on = timezone.localdate(at)
    errors: dict[str, list[str]] = {}
    checked = _check(request, on, errors)
    version, receiving, case, option = checked.version, checked.receiving, checked.case, checked.option
    if request.result_delivery not in ResultDelivery.values:
        errors["result_delivery"] = [_("Hình thức nhận kết quả không hợp lệ.")]
    if not 1 <= request.sets <= 50:
        errors["sets"] = [_("Số bộ hồ sơ phải từ 1 đến 50.")]
    components = [
        DossierComponent(
            case_component=checked.listed[pk],
            name=checked.listed[pk].name,
            originals=checked.listed[pk].originals,
            copies=checked.listed[pk].copies,
        )
        for pk in checked.wanted
        if pk in checked.listed
    ]
    try:
        applicant = _applicant(request.applicant, "applicant", reuse=_reuses_records(request))
    except ValidationError as exc:
        errors.update(exc.message_dict)
        applicant = None
    representative = None
    if request.representative is not None:
        try:
            representative = _applicant(
                request.representative, "representative", reuse=_reuses_records(request)
            )
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        handling = _handler(request, version.procedure, receiving, on)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        handling = None
    if errors:
        raise ValidationError(errors)
    regime, form_set = regime_for(on)
    dossier = Dossier(
        reference=f"HS-{on:%y%m%d}-{secrets.token_hex(4).upper()}",
        external_code=request.external_code,
        procedure_version=version,
        case=case,
        receiving_agency=receiving,
        handling_agency=handling,
        current_agency=receiving,
        channel=request.channel,
        result_delivery=request.result_delivery,
        applicant=applicant,
        representative=representative,
        summary=request.summary or version.name[:500],
        sets=request.sets,
        legal_regime=regime,
        form_set=form_set,
        submitted_at=at,
        limit_amount=option.limit_amount if option and option.has_limit else None,
        limit_unit=option.limit_unit if option and option.has_limit else "",
        pause_mode=version.supplement_clock,
        account_id=request.account_id,
    )
    return dossier, components


def _reuses_records(request: IntakeRequest) -> bool:
    """Whether intake may update the stored applicant of the same number (see ``IntakeRequest.account_id``)."""
    return request.account_id is None or request.identity_verified


def channel_option(options, case, channel: str) -> ChannelOption | None:
    """The way of submitting whose time limit and fees apply to ``case`` on ``channel`` (the case's own option,
    else the version's, else any option with a time limit) — shared by intake and the fees owed (payments)."""
    for candidates in (
        [o for o in options if o.case_id == case.pk and o.channel == channel],
        [o for o in options if o.case_id is None and o.channel == channel],
        [o for o in options if o.has_limit],
    ):
        with_limit = [o for o in candidates if o.has_limit]
        if with_limit or candidates:
            return (with_limit or candidates)[0]
    return None


def _create(
    request: IntakeRequest, action: str, actor, at: dt.datetime | None, inputs=None, access=None
) -> Dossier:
    at = at or timezone.now()
    dossier, components = prepare(request, at)
    with transaction.atomic():
        dossier.applicant.save()
        dossier.applicant_id = dossier.applicant.pk
        if dossier.representative is not None:
            dossier.representative.save()
            dossier.representative_id = dossier.representative.pk
        outcome = apply(dossier, action, actor, inputs=inputs, at=at, access=access)
        for component in components:
            component.dossier = outcome.dossier
        DossierComponent.objects.bulk_create(components)
    outcome.dossier.created_components = components
    return outcome.dossier


def receive_at_counter(
    request: IntakeRequest, actor, *, at: dt.datetime | None = None, access=None
) -> Dossier:
    """T2: accepted at the counter (or received by public post): a code and an appointment. ``access``: the
    actor's permission snapshot (:class:`motcua.org.permissions.Access`) when the caller already has it."""
    return _create(request, "receive", actor, at, access=access)


def refuse_at_counter(
    request: IntakeRequest, actor, *, reason: str, at: dt.datetime | None = None, access=None
) -> Dossier:
    """T4 at the counter: recorded (for the statistics and Mẫu 03), with the mandatory reason; no code."""
    return _create(request, "refuse_at_counter", actor, at, inputs={"reason": reason}, access=access)


def submit_online(request: IntakeRequest, actor, *, at: dt.datetime | None = None, access=None) -> Dossier:
    """T1: an online dossier arrives in status 1 with a temporary reference and a reception deadline."""
    request.channel = Channel.ONLINE
    return _create(request, "submit_online", actor, at, access=access)


# --- before deciding at the counter (nothing is saved) ----------------------------------------------------------


@dataclass
class CounterCheck:
    """What the counter shows before accepting: the procedure version and case, the components of the case
    provided and the required ones missing (for the guidance slip, Mẫu 02), the channel option whose time limit and fees apply, and
    the appointment T2 would give if the dossier were received at that moment (``due_at``; None when the
    procedure sets no time limit for that case and channel)."""

    version: ProcedureVersion
    case: ProcedureCase
    receiving: Agency
    option: ChannelOption | None
    provided: list[CaseComponent] = field(default_factory=list)
    missing: list[CaseComponent] = field(default_factory=list)  # required by the case, not provided
    due_at: dt.datetime | None = None


def check_at_counter(request: IntakeRequest, at: dt.datetime) -> CounterCheck:
    """Check what the appointment and the checklist depend on — procedure, receiving unit, case, channel and
    components, with :func:`prepare`'s rules and messages — and compute the appointment as T2 would (the dossier
    clock from a receipt at ``at``), without saving anything. The applicant is not needed yet: the counter shows
    the appointment as soon as the case is chosen. Raises ValidationError naming the fields."""
    errors: dict[str, list[str]] = {}
    checked = _check(request, timezone.localdate(at), errors)
    if errors:
        raise ValidationError(errors)
    chosen = set(checked.wanted)
    provided = [checked.listed[pk] for pk in checked.wanted if pk in checked.listed]
    missing = [c for pk, c in checked.listed.items() if c.required and pk not in chosen]
    option = checked.option
    dossier = Dossier(
        procedure_version=checked.version,
        case=checked.case,
        receiving_agency=checked.receiving,
        channel=request.channel,
        received_at=at,
        limit_amount=option.limit_amount if option and option.has_limit else None,
        limit_unit=option.limit_unit if option and option.has_limit else "",
    )
    dossier_clock.refresh_due(dossier, at)
    return CounterCheck(
        checked.version, checked.case, checked.receiving, option, provided, missing, dossier.due_at
    )


def appointment_for(request: IntakeRequest, at: dt.datetime) -> dt.datetime | None:
    """The appointment (ngày hẹn trả) that receiving ``request`` at ``at`` would give: the same value T2 stores
    in ``due_at``. Nothing is saved; see :func:`check_at_counter`."""
    return check_at_counter(request, at).due_at


def returning_applicant(kind: str, id_number: str) -> Applicant | None:
    """The stored applicant that intake would update for this kind and number (the latest record), if any."""
    id_number = (id_number or "").strip()
    if not id_number:
        return None
    return Applicant.objects.filter(kind=kind, id_number=id_number).order_by("-id").first()


def check_people(request: IntakeRequest) -> None:
    """Validate the applicant and the representative of ``request`` as :func:`prepare` does (same keys, e.g.
    ``applicant.id_number``), for a counter that has not chosen the procedure yet; nothing is saved."""
    errors: dict[str, list[str]] = {}
    for prefix, data in (("applicant", request.applicant), ("representative", request.representative)):
        if data is None:
            continue
        try:
            _applicant(data, prefix)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
