"""Dossier API: intake, the officer's queue, a dossier with its clock and allowed actions, one endpoint for every
row of the transition table, and the process log.

Authentication: ``Authorization: Bearer <key>`` (``motcua create_api_token``) or the web session (with CSRF).
Who sees what: a dossier is visible to the officers holding ``dossier.view`` in its receiving, handling or current
unit, as :mod:`motcua.org.permissions` counts roles (the unit and its internal divisions, a division for its agency,
never upwards across agencies; ``services.visibility``). Anyone else gets 404.

Each request runs a fixed number of SQL queries whatever the number of dossiers, steps or log entries: the
caller's role assignments and the agency tree (``pk → parent``) are read once and every permission question of the
request is answered from them (:class:`Access`).
"""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Header, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ValidationInfo, field_validator

from motcua.catalog.choices import Channel
from motcua.catalog.models import Procedure
from motcua.core import people_api
from motcua.core.inputs import Moment, ascii_int
from motcua.core.problems import MessageOut, ProblemOut, ValidationErrorOut
from motcua.core.tokens import token_auth
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import ApplicantKind, ResultDelivery
from motcua.dossiers.choices import Status as DossierStatus
from motcua.dossiers.models import Dossier, DossierStep, ProcessLogEntry
from motcua.dossiers.services import clock as dossier_clock
from motcua.dossiers.services import idempotency, intake, queues, reads, work
from motcua.dossiers.services.transitions import INPUT_LABELS, TransitionError, allowed_actions, apply
from motcua.dossiers.services.visibility import DossierVisibility
from motcua.org.models import Agency
from motcua.org.permissions import Access

router = Router(tags=["Hồ sơ"], auth=[token_auth, django_auth])

ChannelCode = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
ApplicantKindCode = Literal[tuple(ApplicantKind.values)]  # type: ignore[valid-type]
ResultDeliveryCode = Literal[tuple(ResultDelivery.values)]  # type: ignore[valid-type]

OPEN_CLOCK = frozenset({DossierStatus.ACCEPTED, DossierStatus.PROCESSING})  # the clock runs (not paused)
WITH_APPOINTMENT = frozenset({2, 4, 5, 6})


# --- schemas -------------------------------------------------------------------------------------------------------


class AgencyRef(Schema):
    identifier: str
    name: str


class ApplicantIn(Schema):
    """A person or an organisation; each field is checked and normalised by ``core.people`` (422 naming the
    field otherwise)."""

    kind: ApplicantKindCode = Field(
        ApplicantKind.CITIZEN, description="1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác"
    )
    name: str = Field(
        min_length=1,
        max_length=255,
        description="Họ tên hoặc tên tổ chức (không có ký tự ẩn, ký tự điều khiển, < hoặc >)",
    )
    id_number: str = Field(
        max_length=20,
        description=(
            "Công dân: số định danh cá nhân, đúng 12 chữ số 0–9 (mã tỉnh nơi đăng ký khai sinh, thế kỷ và giới "
            "tính, năm sinh, 6 số); doanh nghiệp: mã số doanh nghiệp (mã số thuế) 10 chữ số hoặc 10-3"
        ),
    )
    birth_date: people_api.BirthDateIn = Field(
        None, description="Không sau hôm nay, không trước 1900-01-01; năm khớp với số định danh cá nhân"
    )
    address: people_api.AddressIn = Field("", max_length=500)
    phone: people_api.PhoneIn = Field(
        "",
        max_length=20,
        description=(
            "Số điện thoại Việt Nam: di động 10 chữ số bắt đầu 03, 05, 07, 08, 09; cố định 11 chữ số bắt đầu 02; "
            "+84 thay cho số 0 đầu; được lưu dạng chỉ có chữ số"
        ),
    )
    email: str = Field("", max_length=254)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str, info: ValidationInfo) -> str:
        return people_api.person_name_for_kind(value, info.data.get("kind"))

    @field_validator("id_number")
    @classmethod
    def _id_number(cls, value: str, info: ValidationInfo) -> str:
        return people_api.id_number_for_kind(value, info.data.get("kind"))

    @field_validator("birth_date")
    @classmethod
    def _birth_date(cls, value, info: ValidationInfo):
        return people_api.birth_date_for_id(value, info.data.get("kind"), info.data.get("id_number"))


class DossierIn(Schema):
    procedure_code: str = Field(description="Mã thủ tục hành chính, ví dụ 1.004222")
    receiving_agency: str = Field(description="Mã định danh đơn vị tiếp nhận (bộ phận một cửa)")
    channel: ChannelCode = Field(
        Channel.DIRECT,
        description="1 trực tiếp, 2 trực tuyến (tạo hồ sơ “Mới đăng ký”), 3 bưu chính công ích",
    )
    case_id: int | None = Field(None, description="Trường hợp của thủ tục (mặc định: trường hợp duy nhất)")
    components: list[int] | None = Field(
        None, description="Các thành phần hồ sơ đã nộp (mặc định: mọi thành phần bắt buộc)"
    )
    applicant: ApplicantIn
    representative: ApplicantIn | None = Field(None, description="Người được ủy quyền")
    handling_agency: str | None = Field(
        None, description="Mã định danh cơ quan giải quyết (mặc định: theo giao)"
    )
    sets: int = Field(1, description="Số bộ hồ sơ (1–50)")
    result_delivery: ResultDeliveryCode = Field(ResultDelivery.COUNTER, description="Hình thức nhận kết quả")
    summary: str = Field("", max_length=500, description="Trích yếu")
    external_code: str = Field("", max_length=60, description="Mã hồ sơ ở hệ thống khác")
    decision: Literal["accept", "refuse"] = Field(
        "accept",
        description="Tiếp nhận tại một cửa: accept (T2, cấp mã và hẹn trả) hoặc refuse (T4, Mẫu 03, cần lý do)",
    )
    reason: str = Field("", max_length=2000, description="Lý do từ chối tiếp nhận (bắt buộc khi refuse)")


class DossierBatchIn(Schema):
    items: list[DossierIn] = Field(description="Các hồ sơ, mỗi hồ sơ như thân của POST /dossiers")


class ApplicantOut(Schema):
    kind: str
    name: str
    id_number: str | None = Field(None, description="Chỉ hiển thị cho cán bộ của đơn vị có hồ sơ")
    birth_date: dt.date | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None


class DossierItemOut(Schema):
    code: str | None = Field(None, description="Mã hồ sơ (cấp khi tiếp nhận)")
    reference: str = Field(description="Mã tham chiếu tạm")
    status: int
    status_label: str
    procedure_code: str
    procedure_name: str
    channel: str
    applicant_name: str
    receiving_agency: str = Field(description="Mã định danh đơn vị tiếp nhận")
    handling_agency: str = Field(description="Mã định danh cơ quan giải quyết")
    current_agency: str = Field(description="Mã định danh đơn vị đang xử lý")
    submitted_at: dt.datetime
    received_at: dt.datetime | None
    due_at: dt.datetime | None = Field(description="Ngày hẹn trả hiện tại (kể cả hẹn lại)")
    deadline_at: dt.datetime = Field(
        description="Hạn hiện hành, theo đó danh sách được sắp xếp: ngày hẹn trả, hoặc hạn tiếp nhận khi chờ tiếp nhận"
    )
    overdue: bool = Field(description="Đang xử lý và đã quá ngày hẹn trả")
    version: int

    @staticmethod
    def resolve_status_label(obj: Dossier) -> str:
        return str(DossierStatus(obj.status).label)  # (get_status_display hashes every lazy label: slow)

    @staticmethod
    def resolve_procedure_code(obj: Dossier) -> str:
        return obj.procedure_version.procedure.code

    @staticmethod
    def resolve_procedure_name(obj: Dossier) -> str:
        return obj.procedure_version.name

    @staticmethod
    def resolve_applicant_name(obj: Dossier) -> str:
        return obj.applicant.name

    @staticmethod
    def resolve_receiving_agency(obj: Dossier) -> str:
        return obj.receiving_agency.identifier

    @staticmethod
    def resolve_handling_agency(obj: Dossier) -> str:
        return obj.handling_agency.identifier

    @staticmethod
    def resolve_current_agency(obj: Dossier) -> str:
        return obj.current_agency.identifier

    @staticmethod
    def resolve_overdue(obj: Dossier) -> bool:
        return _overdue(obj, timezone.now())


class DossierCreatedOut(DossierItemOut):
    external_code: str = Field(description="Mã hồ sơ ở hệ thống gửi (như đã gửi)")


class DossierBatchOut(Schema):
    items: list[DossierCreatedOut] = Field(description="Các hồ sơ đã tạo, theo thứ tự gửi")


class DossierComponentOut(Schema):
    name: str
    originals: int
    copies: int
    provided: bool


class DossierStepOut(Schema):
    order: int
    kind: str
    name: str
    agency: str
    role: str
    handler: str | None = None
    queue: str = Field(description="Hàng đợi khi bước đang mở: assign, work, sign, issue")
    needs_signature: bool
    sent_back: bool = Field(description="Bước làm lại sau khi bị trả lại")
    signed_by: str | None = Field(None, description="Lãnh đạo đã ký duyệt (bước ký duyệt)")
    signed_at: dt.datetime | None = None
    started_at: dt.datetime | None
    due_at: dt.datetime | None
    finished_at: dt.datetime | None
    timeliness: str

    @staticmethod
    def resolve_signed_by(obj: DossierStep) -> str | None:
        return _person(obj.signed_by) if obj.signed_by_id else None

    @staticmethod
    def resolve_agency(obj: DossierStep) -> str:
        return obj.agency.identifier

    @staticmethod
    def resolve_handler(obj: DossierStep) -> str | None:
        return _person(obj.handler) if obj.handler_id else None


class PauseOut(Schema):
    reason: str
    mode: str
    agency: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    note: str

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.identifier


class ApologyOut(Schema):
    agency: str
    previous_due_at: dt.datetime
    new_due_at: dt.datetime
    reason: str
    signer: str
    created_at: dt.datetime

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.identifier


class DossierResultOut(Schema):
    number: str
    summary: str
    signer: str
    signed_on: dt.date
    result_code: str
    issuing_agency: str

    @staticmethod
    def resolve_issuing_agency(obj) -> str:
        return obj.issuing_agency.identifier


class ActionOut(Schema):
    action: str
    label: str
    rule: str = Field(description="Dòng của bảng chuyển trạng thái (T1…T14)")
    requires: list[str] = Field(description="Các trường bắt buộc trong inputs")
    form: str = Field(description="Biểu mẫu được lập (nếu có)")


class DossierOut(DossierItemOut):
    external_code: str
    procedure_version: int
    case: str = Field(description="Trường hợp của thủ tục")
    channel_label: str
    result_delivery: str
    summary: str
    sets: int
    legal_regime: str
    form_set: str
    supplement_state: str
    receiving_agency_detail: AgencyRef
    handling_agency_detail: AgencyRef
    current_agency_detail: AgencyRef
    current_handler: str | None = None
    current_step: str | None = None
    applicant: ApplicantOut
    representative: ApplicantOut | None = None
    limit_amount: float | None
    limit_unit: str
    reception_due_at: dt.datetime | None
    original_due_at: dt.datetime | None = Field(description="Ngày hẹn trả theo quy định (không tính hẹn lại)")
    remaining: str = Field(description="Thời gian còn lại, ví dụ “còn 2 ngày 3 giờ” hoặc “quá hạn 1 ngày”")
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    closed_at: dt.datetime | None
    timeliness: str
    components: list[DossierComponentOut]
    steps: list[DossierStepOut]
    pauses: list[PauseOut]
    apologies: list[ApologyOut]
    result: DossierResultOut | None = None
    allowed_actions: list[ActionOut] = Field(description="Các thao tác người gọi được thực hiện lúc này")

    @staticmethod
    def resolve_procedure_version(obj: Dossier) -> int:
        return obj.procedure_version_id

    @staticmethod
    def resolve_case(obj: Dossier) -> str:
        return obj.case.name

    @staticmethod
    def resolve_channel_label(obj: Dossier) -> str:
        return str(Channel(obj.channel).label)

    @staticmethod
    def resolve_receiving_agency_detail(obj: Dossier) -> Agency:
        return obj.receiving_agency

    @staticmethod
    def resolve_handling_agency_detail(obj: Dossier) -> Agency:
        return obj.handling_agency

    @staticmethod
    def resolve_current_agency_detail(obj: Dossier) -> Agency:
        return obj.current_agency

    @staticmethod
    def resolve_current_handler(obj: Dossier) -> str | None:
        return _person(obj.current_handler) if obj.current_handler_id else None

    @staticmethod
    def resolve_current_step(obj: Dossier) -> str | None:
        return obj.current_step.name if obj.current_step_id else None

    @staticmethod
    def resolve_applicant(obj: Dossier) -> dict:
        return obj.applicant_out

    @staticmethod
    def resolve_representative(obj: Dossier) -> dict | None:
        return obj.representative_out

    @staticmethod
    def resolve_limit_amount(obj: Dossier) -> float | None:
        return float(obj.limit_amount) if obj.limit_amount is not None else None

    @staticmethod
    def resolve_components(obj: Dossier) -> list:
        return list(obj.components.all())

    @staticmethod
    def resolve_steps(obj: Dossier) -> list:
        return list(obj.steps.all())

    @staticmethod
    def resolve_pauses(obj: Dossier) -> list:
        return list(obj.pauses.all())

    @staticmethod
    def resolve_apologies(obj: Dossier) -> list:
        return list(obj.apologies.all())

    @staticmethod
    def resolve_result(obj: Dossier):
        return obj.result_out

    @staticmethod
    def resolve_allowed_actions(obj: Dossier) -> list[dict]:
        return obj.allowed


class LogEntryOut(Schema):
    seq: int
    at: dt.datetime
    actor_name: str
    role: str
    agency: str | None = None
    action: str
    action_label: str
    from_status: int | None
    from_status_label: str | None = None
    to_status: int
    to_status_label: str
    note: str
    step_due_at: dt.datetime | None
    on_time: bool | None
    data: dict
    hash: str

    @staticmethod
    def resolve_agency(obj: ProcessLogEntry) -> str | None:
        return obj.agency.identifier if obj.agency_id else None

    @staticmethod
    def resolve_action_label(obj: ProcessLogEntry) -> str:
        transition = lifecycle.BY_ACTION.get(obj.action)
        return str(transition.label) if transition else obj.action

    @staticmethod
    def resolve_from_status_label(obj: ProcessLogEntry) -> str | None:
        return str(DossierStatus(obj.from_status).label) if obj.from_status else None

    @staticmethod
    def resolve_to_status_label(obj: ProcessLogEntry) -> str:
        return str(DossierStatus(obj.to_status).label)


class TransitionIn(Schema):
    inputs: dict[str, Any] = Field(default_factory=dict, description="Dữ liệu của thao tác (xem danh sách)")
    expected_version: int | None = Field(
        None, description="Phiên bản hồ sơ người gọi đã đọc; khác phiên bản hiện tại thì bị từ chối (409)"
    )


class TransitionOut(Schema):
    dossier: DossierOut
    entry: LogEntryOut


class DossierFilters(Schema):
    status: list[str] | None = Field(
        None, description="Trạng thái 1–10; lặp lại tham số hoặc liệt kê cách nhau bởi dấu phẩy"
    )
    unit: str | None = Field(
        None, description="Mã định danh đơn vị: hồ sơ mà đơn vị này tiếp nhận, giải quyết hoặc đang xử lý"
    )
    procedure: str | None = Field(None, description="Mã thủ tục")
    channel: ChannelCode | None = None
    due_before: Moment | None = Field(None, description="Ngày hẹn trả trước thời điểm này")
    overdue: bool | None = Field(None, description="true: đang xử lý và đã quá hạn; false: ngược lại")
    received_from: Moment | None = Field(None, description="Tiếp nhận từ thời điểm này")
    received_to: Moment | None = Field(None, description="Tiếp nhận trước thời điểm này")
    limit: int = Field(50, ge=1, le=queues.MAX_LIMIT, description="Số hồ sơ một trang (1–200)")
    cursor: str | None = Field(None, description="Vị trí trang sau (`next_cursor` của trang trước)")


class DossierPageOut(Schema):
    items: list[DossierItemOut]
    next_cursor: str | None = Field(
        description="Trang sau: gửi lại giá trị này trong tham số `cursor`; null khi đã hết"
    )


# --- helpers -------------------------------------------------------------------------------------------------------

UNAUTHORIZED = {401: MessageOut}
IDEMPOTENCY_HELP = (
    "Khóa chống gửi trùng (1–200 ký tự ASCII): gửi lại cùng yêu cầu với cùng khóa trong "
    "MOTCUA_IDEMPOTENCY_HOURS giờ thì nhận lại đúng hồ sơ đã tạo (cùng mã trạng thái, tiêu đề "
    "`Idempotency-Replayed: true`), không tạo hồ sơ mới; cùng khóa với nội dung khác: 422."
)
NOT_VISIBLE = gettext_lazy("Không tìm thấy hồ sơ “%(code)s”.")  # read in the language of each request


def _person(user) -> str:
    name = " ".join(p for p in (user.last_name, user.first_name) if p)
    return name or user.get_username()


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _overdue(dossier: Dossier, now: dt.datetime) -> bool:
    return dossier.status in OPEN_CLOCK and dossier.due_at is not None and dossier.due_at < now


def _statuses(values: list[str] | None) -> list[int]:
    result = []
    for value in values or []:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            number = ascii_int(part)
            if number is None or not 1 <= number <= 10:
                raise ValidationError(
                    {"status": _("Trạng thái “%(value)s” không hợp lệ (1–10).") % {"value": part}}
                )
            result.append(number)
    return result


def _find(code: str, access: DossierVisibility) -> Dossier:
    """The dossier by code or temporary reference, if the caller may see it; else 404 (existence not revealed)."""
    dossier = queues.find(code, access)
    if dossier is None:
        raise Http404(NOT_VISIBLE % {"code": code})
    return dossier


def _applicant(applicant, personal: bool) -> dict | None:
    if applicant is None:
        return None
    data = {"kind": applicant.kind, "name": applicant.name if personal else applicant.masked_name}
    if personal:
        data.update(
            id_number=applicant.id_number,
            birth_date=applicant.birth_date,
            address=applicant.address,
            phone=applicant.phone,
            email=applicant.email,
        )
    return data


def _action(t: lifecycle.Transition) -> dict:
    return {
        "action": t.action,
        "label": str(t.label),
        "rule": t.code,
        "requires": list(t.requires),
        "form": t.form,
    }


def _present(dossier: Dossier, access: DossierVisibility, now: dt.datetime | None = None) -> Dossier:
    """Annotate ``dossier`` (loaded by ``queues.load``) with what ``DossierOut`` shows."""
    now = now or timezone.now()
    personal = access.sees(dossier)
    dossier.applicant_out = _applicant(dossier.applicant, personal)
    dossier.representative_out = _applicant(dossier.representative, personal)
    dossier.remaining = (
        dossier_clock.remaining_text(dossier, now) if dossier.status in WITH_APPOINTMENT else ""
    )
    dossier.allowed = [_action(t) for t in allowed_actions(access.user, dossier, now, access.access)]
    return dossier


def _actions_description() -> str:
    """The OpenAPI description (in Vietnamese, like the rest of the API documentation)."""
    with translation.override("vi"):
        return _actions_table()


def _actions_table() -> str:
    lines = [
        "Một điểm cuối cho mọi dòng của bảng chuyển trạng thái (SPEC §1.6). Thân yêu cầu: "
        '`{"inputs": {...}, "expected_version": n}`. Lỗi: thao tác không tồn tại 404; không có vai trò 403; '
        "sai trạng thái, hồ sơ đã thay đổi (expected_version cũ) hoặc xung đột 409; thiếu hoặc sai dữ liệu 422 — "
        'thân lỗi `{"detail", "rule", "kind", "field"}`.',
        "",
        "| Thao tác | Quy tắc | Nội dung | Từ trạng thái | Sang | Dữ liệu bắt buộc |",
        "|---|---|---|---|---|---|",
    ]
    for t in lifecycle.TRANSITIONS:
        if lifecycle.NEW in t.sources:
            continue  # intake: POST /dossiers
        sources = ", ".join(str(s) for s in sorted(s for s in t.sources if s is not None))
        target = str(t.target) if t.target is not None else "không đổi"
        requires = ", ".join(f"`{r}` ({INPUT_LABELS.get(r, r)})" for r in t.requires) or "—"
        lines.append(f"| `{t.action}` | {t.code} | {t.label} | {sources} | {target} | {requires} |")
    return "\n".join(lines)


# --- endpoints -----------------------------------------------------------------------------------------------------


@router.post(
    "/dossiers",
    response={
        201: DossierOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        409: ProblemOut | MessageOut,
        422: ProblemOut | ValidationErrorOut,
    },
    summary="Tiếp nhận hồ sơ (một cửa, bưu chính) hoặc nộp hồ sơ trực tuyến",
    description=(
        "Kênh 1 (trực tiếp) và 3 (bưu chính công ích): `decision` = `accept` tiếp nhận hồ sơ (T2: cấp mã hồ sơ, "
        "ngày hẹn trả, Mẫu 01) hoặc `refuse` từ chối tiếp nhận (T4: Mẫu 03, bắt buộc `reason`). Kênh 2 (trực "
        "tuyến): hồ sơ ở trạng thái 1 “Mới đăng ký” với mã tham chiếu tạm và hạn tiếp nhận (T1). Chỉ được yêu "
        "cầu các thành phần hồ sơ đã công bố. Người gọi phải là cán bộ một cửa của đơn vị tiếp nhận."
    ),
)
def create_dossier(
    request,
    payload: DossierIn,
    response: HttpResponse,
    idempotency_key: str | None = Header(None, alias=idempotency.HEADER, description=IDEMPOTENCY_HELP),
):
    one = _intake_of(payload)
    access = DossierVisibility.of(request.user)
    snapshot = access.access

    def make() -> list[Dossier]:
        if one.action == "submit_online":
            return [intake.submit_online(one.request, request.user, access=snapshot)]
        if one.action == "refuse_at_counter":
            return [intake.refuse_at_counter(one.request, request.user, reason=one.reason, access=snapshot)]
        return [intake.receive_at_counter(one.request, request.user, access=snapshot)]

    try:
        made, ids, status = idempotency.once(request.user, "dossiers", idempotency_key, payload.dict(), make)
    except idempotency.KeyRefused as exc:
        return _key_refused(exc)
    if made is None:
        response.headers["Idempotency-Replayed"] = "true"
        return Status(status, _present(queues.load(ids[0]), access))
    dossier = made[0]
    return Status(201, _present(queues.settle_created(dossier, dossier.created_components), access))


@router.post(
    "/dossiers/batch",
    response={
        201: DossierBatchOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        409: ProblemOut | MessageOut,
        422: ProblemOut | ValidationErrorOut,
    },
    summary="Tiếp nhận nhiều hồ sơ một lần (hệ thống tích hợp: bưu chính công ích, cổng dịch vụ công)",
    description=(
        f"Từ 1 đến {intake.BATCH_LIMIT} hồ sơ, mỗi hồ sơ như thân của `POST /dossiers`, được kiểm tra và tạo theo "
        "đúng các quy tắc đó (cùng bảng chuyển trạng thái, cùng dịch vụ). Tất cả hoặc không: mọi lỗi của mọi hồ sơ "
        "được trả về một lần (422, `loc` dạng `items.{n}.{trường}`, n tính từ 0) và không hồ sơ nào được lưu; một "
        "chuyển trạng thái bị từ chối (403, 409) nêu hồ sơ thứ mấy. Thành công: 201, danh sách hồ sơ theo đúng thứ "
        "tự gửi (mã hồ sơ, ngày hẹn trả, mã ở hệ thống gửi). Giấy tiếp nhận (Mẫu 01) và số liệu thống kê của cả lô "
        "được lập một lần sau khi lưu."
    ),
)
def create_dossiers(
    request,
    payload: DossierBatchIn,
    response: HttpResponse,
    idempotency_key: str | None = Header(None, alias=idempotency.HEADER, description=IDEMPOTENCY_HELP),
):
    if not 1 <= len(payload.items) <= intake.BATCH_LIMIT:
        raise ValidationError(
            {"items": _("Mỗi lần gửi từ 1 đến %(limit)s hồ sơ.") % {"limit": intake.BATCH_LIMIT}}
        )
    errors: dict[str, list[str]] = {}
    intakes = []
    for n, item in enumerate(payload.items):
        try:
            intakes.append(_intake_of(item))
        except ValidationError as exc:
            errors.update({f"items.{n}.{k}": v for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    access = DossierVisibility.of(request.user)
    try:
        made, ids, status = idempotency.once(
            request.user,
            "dossiers/batch",
            idempotency_key,
            payload.dict(),
            lambda: intake.receive_batch(intakes, request.user, access=access.access),
        )
    except idempotency.KeyRefused as exc:
        return _key_refused(exc)
    if made is None:
        response.headers["Idempotency-Replayed"] = "true"
        stored = Dossier.objects.select_related(
            "procedure_version__procedure",
            "applicant",
            "receiving_agency",
            "handling_agency",
            "current_agency",
        ).in_bulk(ids)
        return Status(status, {"items": [stored[pk] for pk in ids if pk in stored]})
    return Status(201, {"items": made})


def _key_refused(exc: idempotency.KeyRefused):
    return Status(422, {"detail": [{"loc": ["header", idempotency.HEADER], "msg": m} for m in exc.messages]})


def _intake_of(payload: DossierIn) -> intake.Intake:
    """The intake a ``DossierIn`` asks for (raises ValidationError for a decision its channel does not allow)."""
    if payload.decision == "refuse" and payload.channel == Channel.ONLINE:
        raise ValidationError({"decision": _("Hồ sơ nộp trực tuyến không thể bị từ chối ngay khi nộp.")})
    if payload.decision == "refuse" and not payload.reason.strip():
        raise ValidationError({"reason": _("Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03).")})
    people = {
        name: intake.ApplicantData(**person.dict()) if person is not None else None
        for name, person in (("applicant", payload.applicant), ("representative", payload.representative))
    }
    data = payload.dict(exclude={"applicant", "representative", "decision", "reason"})
    request = intake.IntakeRequest(**data, **people)
    if payload.channel == Channel.ONLINE:
        return intake.Intake(request, "submit_online")
    if payload.decision == "refuse":
        return intake.Intake(request, "refuse_at_counter", payload.reason)
    return intake.Intake(request, "receive")


@router.get(
    "/dossiers",
    response={200: DossierPageOut, 401: MessageOut, 422: ValidationErrorOut},
    summary="Danh sách hồ sơ của các đơn vị người gọi được xem",
    description=(
        "Chỉ gồm hồ sơ mà đơn vị tiếp nhận, giải quyết hoặc đang xử lý là đơn vị người gọi có quyền xem "
        "(`dossier.view`). Sắp xếp theo hạn hiện hành (ngày hẹn trả; hạn tiếp nhận với hồ sơ chờ tiếp nhận) rồi "
        "theo mã nội bộ. Phân trang bằng con trỏ: mỗi trang trả `next_cursor`, gửi lại trong `cursor` để lấy trang "
        "sau (thứ tự ổn định, không lặp hồ sơ, nhanh như nhau ở mọi trang); mặc định 50 hồ sơ, tối đa 200."
    ),
)
def list_dossiers(request, filters: Query[DossierFilters]):
    access = DossierVisibility.of(request.user)
    unit_ids: tuple[int, ...] = ()
    if filters.unit:
        unit_ids = tuple(Agency.objects.filter(identifier=filters.unit).values_list("pk", flat=True))
        if not unit_ids:
            raise ValidationError({"unit": _("Không có đơn vị “%(unit)s”.") % {"unit": filters.unit}})
    procedure_ids = None
    if filters.procedure:
        procedure_ids = tuple(Procedure.objects.filter(code=filters.procedure).values_list("pk", flat=True))
    try:
        after = queues.Cursor.decode(filters.cursor) if filters.cursor else None
    except queues.InvalidCursor:
        raise ValidationError({"cursor": _("Con trỏ trang không hợp lệ.")}) from None
    flt = queues.QueueFilter(
        statuses=tuple(_statuses(filters.status)),
        unit_ids=unit_ids,
        procedure_ids=procedure_ids,
        channel=filters.channel,
        due_before=_aware(filters.due_before),
        overdue=filters.overdue,
        received_from=_aware(filters.received_from),
        received_to=_aware(filters.received_to),
    )
    result = queues.page(access, flt, after=after, limit=filters.limit)
    return {"items": result.items, "next_cursor": result.next_cursor}


class WorkListOut(Schema):
    key: str = Field(description="assign, work, returned, sign, issue, tra")
    label: str
    count: int


class WorkRowOut(Schema):
    code: str = Field(description="Mã hồ sơ")
    procedure: str = Field(description="Mã thủ tục")
    procedure_name: str
    status: int
    step: str | None = Field(None, description="Bước đang chờ")
    step_unit: str | None = Field(None, description="Mã định danh đơn vị của bước")
    handler: str | None = Field(None, description="Người được phân công (trống: chưa phân công)")
    step_due_at: dt.datetime | None = Field(None, description="Hạn của bước")
    due_at: dt.datetime | None = Field(None, description="Ngày hẹn trả của hồ sơ")


class WorkPageOut(Schema):
    key: str
    label: str
    page: int
    has_next: bool
    items: list[WorkRowOut]


@router.get(
    "/work",
    response={200: list[WorkListOut], 401: MessageOut},
    summary="Việc của tôi: số việc trong từng danh sách",
    description=(
        "Chờ phân công (lãnh đạo đơn vị), Chờ xử lý, Bị trả lại, Chờ ký duyệt (lãnh đạo), Chờ phát hành (văn thư), "
        "Chờ trả kết quả (bộ phận một cửa): cùng định nghĩa với menu của trang làm việc."
    ),
)
def work_counts(request):
    access = Access.of(request.user, timezone.now())
    found = work.counts(request.user, access)
    return [{"key": w.key, "label": str(w.label), "count": found[w.key]} for w in work.LISTS]


@router.get(
    "/work/{key}",
    response={200: WorkPageOut, 401: MessageOut, 404: MessageOut},
    summary="Một danh sách việc: hạn của bước trước, rồi ngày hẹn trả",
    description="Trang theo số (`page`, từ 1), 50 dòng một trang. Không gồm dữ liệu cá nhân của người nộp.",
)
def work_list(request, key: str, page: int = 1):
    if key not in work.BY_KEY:
        raise Http404(_("Không có danh sách việc “%(key)s”.") % {"key": key})
    access = Access.of(request.user, timezone.now())
    found = work.page(key, request.user, access, number=max(1, min(page, 10_000)))
    return {
        "key": key,
        "label": str(work.BY_KEY[key].label),
        "page": found.number,
        "has_next": found.has_next,
        "items": [
            {
                "code": row.dossier.code,
                "procedure": row.dossier.procedure_version.procedure.code,
                "procedure_name": row.dossier.procedure_version.name,
                "status": row.dossier.status,
                "step": row.step.name if row.step else None,
                "step_unit": row.step.agency.identifier if row.step else None,
                "handler": _person(row.step.handler) if row.step and row.step.handler_id else None,
                "step_due_at": row.step.due_at if row.step else None,
                "due_at": row.dossier.due_at,
            }
            for row in found.rows
        ],
    }


@router.get(
    "/dossiers/{code}",
    response={200: DossierOut, 401: MessageOut, 404: MessageOut},
    summary="Chi tiết hồ sơ: chủ hồ sơ, thành phần, các bước, tạm dừng, xin lỗi, kết quả, thời hạn",
    description=(
        "Tra theo mã hồ sơ hoặc mã tham chiếu tạm. `remaining` là thời gian còn lại theo giờ làm việc của đơn "
        "vị tiếp nhận; `allowed_actions` là các thao tác người gọi được thực hiện lúc này. Người không có quyền "
        "xem nhận 404 (không tiết lộ hồ sơ có tồn tại hay không)."
    ),
)
def get_dossier(request, code: str):
    access = DossierVisibility.of(request.user)
    dossier = queues.load(code=code)
    if dossier is None or not access.sees(dossier):
        raise Http404(NOT_VISIBLE % {"code": code})
    reads.log_dossier_read(request.user, access.access, [dossier], via="GET /api/v1/dossiers/{code}")
    return _present(dossier, access)


@router.post(
    "/dossiers/{code}/actions/{action}",
    response={
        200: TransitionOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        404: ProblemOut | MessageOut,
        409: ProblemOut | MessageOut,
        422: ProblemOut | ValidationErrorOut,
    },
    summary="Thực hiện một thao tác trên hồ sơ (theo bảng chuyển trạng thái)",
    description=_actions_description(),
)
def act_on_dossier(request, code: str, action: str, payload: TransitionIn):
    access = DossierVisibility.of(request.user)
    dossier = _find(code, access)
    if action not in lifecycle.BY_ACTION or lifecycle.NEW in lifecycle.BY_ACTION[action].sources:
        raise TransitionError(
            "unknown_action", _("Không có thao tác “%(action)s” đối với hồ sơ.") % {"action": action}
        )
    outcome = apply(
        dossier.pk,
        action,
        request.user,
        inputs=payload.inputs,
        expected_version=payload.expected_version,
        access=access.access,
    )
    fresh = _present(queues.load(dossier.pk), access)
    return {"dossier": fresh, "entry": outcome.entry}


@router.get(
    "/dossiers/{code}/log",
    response={200: list[LogEntryOut], 401: MessageOut, 404: MessageOut},
    summary="Quá trình xử lý hồ sơ (nhật ký, Phiếu kiểm soát — Mẫu 05)",
    description=(
        "Các mục theo thứ tự; mỗi mục có mã băm nối tiếp mục trước (`hash`), nên mọi sửa đổi trực tiếp trong cơ "
        "sở dữ liệu đều bị phát hiện (`motcua verify_dossier_log`)."
    ),
)
def dossier_log(request, code: str):
    access = DossierVisibility.of(request.user)
    dossier = _find(code, access)
    return list(ProcessLogEntry.objects.filter(dossier=dossier).select_related("agency").order_by("seq"))


__all__ = ["router"]
