"""Intake: a dossier received at the counter or by public post (T2, or T4 when refused on the spot), or submitted
online (T1). Everything is checked before anything is saved; then the one transition service creates it."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import services as catalog_services
from motcua.catalog.choices import AssignmentRole, Channel
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureVersion,
)
from motcua.core import ids
from motcua.core.dated import valid_on_q
from motcua.dossiers.choices import ApplicantKind, ResultDelivery
from motcua.dossiers.models import Applicant, Dossier, DossierComponent
from motcua.dossiers.models.applicant import Verification
from motcua.dossiers.services import clock as dossier_clock
from motcua.dossiers.services import codes, registry, transitions
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
    # Online submission from a portal account (Dossier.account): the account then acts as the applicant. Its
    # identity counts as verified only when it came from VNeID (``identity_verified``); a declared identity takes
    # nothing from the registry (``dossiers.services.registry``).
    account_id: int | None = None
    identity_verified: bool = False
    # At the counter: the receiving officer compared the applicant's data with the identity card shown (recorded
    # on the applicant's record with the officer and the time, so that later dossiers may reuse the identity).
    identity_checked: bool = False
    errors: dict = field(default_factory=dict, repr=False)


def regime_for(day: dt.date) -> tuple[str, str]:
    chosen = settings.MOTCUA_LEGAL_REGIMES[0]
    for start, regime, form_set in settings.MOTCUA_LEGAL_REGIMES:
        if dt.date.fromisoformat(start) <= day:
            chosen = (start, regime, form_set)
    return chosen[1], chosen[2]


class _Memo:
    """The catalogue and organisation lookups of one intake call, and the people it names, kept for every request
    of a batch: a hundred dossiers of one procedure at one centre read the procedure once, and the registry's
    verified record of a person named twice is read once (each dossier still gets its own applicant row)."""

    def __init__(self):
        self._values: dict = {}

    def get(self, key: tuple, compute):
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]


def _applicant(data: ApplicantData, prefix: str, reuse: bool = True, memo: _Memo | None = None) -> Applicant:
    """The dossier's own applicant record (unsaved), built by the registry rule: identity fields left empty come
    from the latest verified record of the number (when ``reuse``), contact data only from ``data``."""
    source = None
    if reuse and data.id_number:
        key = ("person", data.kind, data.id_number)
        source = (memo or _Memo()).get(key, lambda: registry.reusable(data.kind, data.id_number))
    applicant = registry.record_for_dossier(data, source)
    try:
        applicant.full_clean(exclude=["verified_by"])
    except ValidationError as exc:
        raise ValidationError({f"{prefix}.{k}": v for k, v in exc.message_dict.items()}) from None
    return applicant


def _handler(
    request: IntakeRequest, procedure: Procedure, receiving: Agency, on: dt.date, memo: _Memo
) -> Agency:
    if request.handling_agency:
        agency = memo.get(
            ("agency", request.handling_agency, on),
            lambda: org_services.agency_on(request.handling_agency, on),
        )
        if agency is None:
            raise ValidationError(
                {"handling_agency": _("Không có cơ quan “%(agency)s”.") % {"agency": request.handling_agency}}
            )
        return agency
    handlers = memo.get(
        ("handlers", procedure.pk, on),
        lambda: list(
            Agency.objects.filter(
                procedure_assignments__procedure=procedure,
                procedure_assignments__role=AssignmentRole.HANDLES,
            )
            .filter(valid_on_q(on, "procedure_assignments__"))
            .filter(valid_on_q(on))
            .distinct()
        ),
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


def _check(
    request: IntakeRequest, on: dt.date, errors: dict[str, list[str]], memo: _Memo | None = None
) -> _Checked:
    """Check procedure, receiving unit, channel, case and components; problems go into ``errors`` (raises at once
    only when there is no version or no unit to check the rest against)."""
    memo = memo or _Memo()
    version = memo.get(
        ("version", request.procedure_code, on),
        lambda: catalog_services.version_by_code(request.procedure_code, on),
    )
    if version is None:
        raise ValidationError(
            {
                "procedure_code": _("Không có thủ tục “%(code)s” đang có hiệu lực.")
                % {"code": request.procedure_code}
            }
        )
    receiving = memo.get(
        ("agency", request.receiving_agency, on), lambda: org_services.agency_on(request.receiving_agency, on)
    )
    if receiving is None:
        raise ValidationError(
            {
                "receiving_agency": _("Không có đơn vị tiếp nhận “%(agency)s”.")
                % {"agency": request.receiving_agency}
            }
        )
    receives = memo.get(
        ("receives", version.procedure_id, receiving.pk, on),
        lambda: ProcedureAssignment.objects.filter(
            valid_on_q(on), procedure=version.procedure, agency=receiving, role=AssignmentRole.RECEIVES
        ).exists(),
    )
    if not receives and version.non_boundary == "none":
        errors["receiving_agency"] = [
            _("%(agency)s không được giao tiếp nhận thủ tục %(code)s.")
            % {"agency": receiving, "code": version.procedure.code}
        ]
    if request.channel not in Channel.values:
        errors["channel"] = [_("Kênh nộp không hợp lệ.")]
    content = memo.get(("content", version.pk), lambda: catalog_services.published_content(version))
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


def prepare(
    request: IntakeRequest, at: dt.datetime, memo: _Memo | None = None
) -> tuple[Dossier, list[DossierComponent]]:
    """Validate ``request`` and build the unsaved dossier; raises ValidationError with every problem found.
    ``memo``: the lookups shared by the requests of one batch."""
    memo = memo or _Memo()
    on = timezone.localdate(at)
    errors: dict[str, list[str]] = {}
    checked = _check(request, on, errors, memo)
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
        applicant = _applicant(request.applicant, "applicant", reuse=_reuses_records(request), memo=memo)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        applicant = None
    representative = None
    if request.representative is not None:
        try:
            representative = _applicant(
                request.representative, "representative", reuse=_reuses_records(request), memo=memo
            )
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        handling = _handler(request, version.procedure, receiving, on, memo)
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
    """Whether intake may take identity fields from the verified record of the number: not for an account whose
    identity is only declared (a stranger typing someone's number would read that person's birth date back)."""
    return request.account_id is None or request.identity_verified


def _verification(intake: Intake, actor, at: dt.datetime) -> registry.Verified | None:
    """Whether this intake verifies the applicant's identity: a VNeID account submitting for itself, or the
    receiving officer who ticked that the identity card was checked at the counter."""
    request = intake.request
    if intake.action == "submit_online":
        if request.account_id is not None and request.identity_verified:
            return registry.Verified(Verification.VNEID, request.account_id, at)
        return None
    if request.identity_checked and request.channel == Channel.DIRECT and getattr(actor, "pk", None):
        return registry.Verified(Verification.COUNTER, actor.pk, at)
    return None


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


@dataclass
class Intake:
    """One dossier of a batch: the request and what to do with it — ``receive`` (T2), ``refuse_at_counter`` (T4,
    with ``reason``) or ``submit_online`` (T1)."""

    request: IntakeRequest
    action: str = "receive"
    reason: str = ""


ACTIONS = ("receive", "refuse_at_counter", "submit_online")
BATCH_LIMIT = 100  # dossiers in one batch intake


def _create(
    request: IntakeRequest, action: str, actor, at: dt.datetime | None, inputs=None, access=None
) -> Dossier:
    intake = Intake(request, action, (inputs or {}).get("reason", ""))
    return _create_all([intake], actor, at, access, numbered=False)[0]


def receive_batch(
    intakes: list[Intake], actor, *, at: dt.datetime | None = None, access=None
) -> list[Dossier]:
    """Several dossiers received at once (an integrator's batch: the public postal service, another system), all or
    nothing, in the order given. Each is checked and created by the same rules and the same transition service
    as one received alone; every problem found is reported at once, keyed ``items.{n}.{field}`` (n from 0), and
    nothing is saved then. A refused transition names its item too. At most :data:`BATCH_LIMIT` dossiers."""
    if not intakes or len(intakes) > BATCH_LIMIT:
        raise ValidationError({"items": _("Mỗi lần gửi từ 1 đến %(limit)s hồ sơ.") % {"limit": BATCH_LIMIT}})
    return _create_all(intakes, actor, at, access, numbered=True)


def _recall_people(intakes: list[Intake], memo: _Memo) -> None:
    """Read the verified records of the applicants and representatives a batch names, in one query, into
    ``memo`` (what :func:`_applicant` would read one by one)."""
    wanted = {
        (person.kind, person.id_number)
        for intake in intakes
        if _reuses_records(intake.request)
        for person in (intake.request.applicant, intake.request.representative)
        if person is not None and person.id_number
    }
    if not wanted:
        return
    found = registry.reusable_many(wanted)
    for kind, number in wanted:
        memo.get(("person", kind, number), lambda k=kind, n=number: found.get((k, n)))


def _create_all(
    intakes: list[Intake], actor, at: dt.datetime | None, access, *, numbered: bool
) -> list[Dossier]:
    at = at or timezone.now()
    memo = _Memo()
    if numbered:
        _recall_people(intakes, memo)
    prepared, errors = [], {}
    for n, intake in enumerate(intakes):
        if intake.action not in ACTIONS:
            errors[f"items.{n}.decision" if numbered else "decision"] = [
                _("Thao tác tiếp nhận không hợp lệ.")
            ]
            continue
        if intake.action == "submit_online":
            intake.request.channel = Channel.ONLINE
        try:
            prepared.append(prepare(intake.request, at, memo))
        except ValidationError as exc:
            prefix = f"items.{n}." if numbered else ""
            errors.update({prefix + key: value for key, value in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    created, all_components = [], []
    day = timezone.localdate(at)
    codes_wanted: dict[tuple, int] = {}
    for intake, (dossier, _components) in zip(intakes, prepared, strict=True):
        if intake.action == "receive":
            key = (dossier.handling_agency, day)
            codes_wanted[key] = codes_wanted.get(key, 0) + 1
    with (
        transitions.batch(),
        codes.reserved(codes_wanted if numbered else {}),
        ids.reserved(Dossier, len(prepared) if numbered else 0),
    ):
        for n, (intake, (dossier, components)) in enumerate(zip(intakes, prepared, strict=True)):
            verified = _verification(intake, actor, at)
            if verified is not None:
                person = dossier.applicant
                person.verified_via, person.verified_by_id, person.verified_at = (
                    verified.how,
                    verified.by_id,
                    at,
                )
            for role in ("applicant", "representative"):
                person = getattr(dossier, role)
                if person is not None:  # each dossier its own record (the registry rule)
                    person.save()
                    setattr(dossier, role, person)  # (the object again, now with its id: no read back)
            inputs = {"reason": intake.reason} if intake.action == "refuse_at_counter" else None
            try:
                outcome = transitions.apply(
                    dossier, intake.action, actor, inputs=inputs, at=at, access=access
                )
            except transitions.TransitionError as exc:
                if not numbered:
                    raise
                raise transitions.TransitionError(
                    exc.kind,
                    _("Hồ sơ thứ %(n)s: %(message)s") % {"n": n + 1, "message": exc.message},
                    rule=exc.rule,
                    field=f"items.{n}" + (f".{exc.field}" if exc.field else ""),
                ) from None
            for component in components:
                component.dossier = outcome.dossier
            all_components.extend(components)
            outcome.dossier.created_components = components
            created.append(outcome.dossier)
        DossierComponent.objects.bulk_create(all_components)
    return created


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
