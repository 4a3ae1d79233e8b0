"""PAKN API for integrators: receive feedback forwarded by the national system (Cổng DVCQG) or another channel,
read its status and answer, send an answer, and apply any row of the PAKN transition table.

Authentication: ``Authorization: Bearer <key>`` (``motcua create_api_token``) or the web session (with CSRF). The
token's user must hold ``PAKN_OFFICER`` in the receiving unit to send feedback in, and a role with ``feedback.view``
in the handling or receiving unit to read it; anyone else gets 404 for an existing code.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth
from pydantic import ValidationInfo, field_validator

from motcua.core import people_api
from motcua.core.problems import MessageOut, ProblemOut, ValidationErrorOut
from motcua.core.tokens import token_auth
from motcua.feedback import lifecycle
from motcua.feedback.choices import Channel, Kind, SenderKind
from motcua.feedback.models import Feedback
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import FeedbackError, allowed_actions, apply
from motcua.org.models import Agency
from motcua.org.permissions import Access

router = Router(tags=["Phản ánh, kiến nghị"], auth=[token_auth, django_auth])

ChannelCode = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
KindCode = Literal[tuple(Kind.values)]  # type: ignore[valid-type]
SenderKindCode = Literal[tuple(SenderKind.values)]  # type: ignore[valid-type]


class SenderIn(Schema):
    """The sender's contact (SPEC §6.2): required here by the service (a 422 per missing field); a value given is
    checked and normalised by ``core.people`` in the schema (422 naming the field)."""

    kind: SenderKindCode = Field(SenderKind.PERSON, description="ca_nhan | to_chuc")
    name: str = Field(
        "", max_length=200, description="Họ tên hoặc tên tổ chức (bắt buộc; không có ký tự ẩn, < hoặc >)"
    )
    address: people_api.AddressIn = Field("", max_length=300, description="Địa chỉ (bắt buộc)")
    phone: people_api.PhoneIn = Field(
        "",
        max_length=20,
        description="Số điện thoại Việt Nam (bắt buộc): di động 10 chữ số 03, 05, 07, 08, 09; cố định 11 chữ số 02",
    )
    email: str = Field("", max_length=254)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str, info: ValidationInfo) -> str:
        if not value.strip():
            return ""  # the service names the missing field
        return people_api.name_of(value, person=info.data.get("kind") != SenderKind.ORGANISATION)


class FeedbackIn(Schema):
    receiving_agency: str = Field(description="Mã định danh của đơn vị nhận, ví dụ 000.00.03.H56")
    title: str = Field("", max_length=250)
    content: str = Field("", max_length=10000)
    sender: SenderIn
    kind: KindCode = Field(
        Kind.PAKN, description="pakn | khieu_nai | to_cao (khiếu nại, tố cáo: chuyển hướng)"
    )
    channel: ChannelCode = Field(Channel.NATIONAL, description="Mặc định dvcqg (chuyển từ Cổng DVCQG)")
    national_id: str = Field("", max_length=64, description="Mã phản ánh trên Cổng DVCQG (chống gửi trùng)")
    procedure_code: str = Field("", max_length=16)
    about_agency: str = Field("", max_length=32, description="Mã định danh cơ quan bị phản ánh")
    about_officer: str = Field("", max_length=200)
    dossier_code: str = Field("", max_length=40)
    repeat_of: str = Field("", max_length=40, description="Mã PAKN trước đó (phản ánh lặp lại)")


class AgencyRef(Schema):
    identifier: str
    name: str


class FeedbackOut(Schema):
    code: str
    national_id: str
    kind: str
    status: str
    status_label: str
    classification: str
    channel: str
    title: str
    receiving_agency: AgencyRef
    handling_agency: AgencyRef
    received_at: dt.datetime
    answer_due_at: dt.datetime | None
    publish_due_at: dt.datetime | None
    handled_at: dt.datetime | None
    handled_on_time: bool | None
    published_at: dt.datetime | None
    answer: str
    public_question: str
    reaction: str
    redirect_note: str
    repeat_of: str | None
    version: int
    allowed_actions: list[str]


class ActionIn(Schema):
    inputs: dict = Field(default_factory=dict, description="Các trường theo thao tác (xem bảng)")
    expected_version: int | None = Field(None, description="`version` đã đọc; 409 nếu phản ánh đã thay đổi")


class AnswerIn(Schema):
    answer: str = Field(min_length=1, max_length=20000)
    expected_version: int | None = None


def _out(feedback: Feedback, user) -> dict:
    return {
        **{
            name: getattr(feedback, name)
            for name in [
                "code",
                "national_id",
                "kind",
                "status",
                "classification",
                "channel",
                "title",
                "received_at",
                "answer_due_at",
                "publish_due_at",
                "handled_at",
                "handled_on_time",
                "published_at",
                "answer",
                "public_question",
                "reaction",
                "redirect_note",
                "version",
            ]
        },
        "status_label": feedback.get_status_display(),
        "receiving_agency": feedback.receiving_agency,
        "handling_agency": feedback.handling_agency,
        "repeat_of": feedback.repeat_of.code if feedback.repeat_of_id else None,
        "allowed_actions": [t.action for t in allowed_actions(user, feedback)],
    }


def _find(request, code: str) -> Feedback:
    feedback = (
        Feedback.objects.filter(code=code)
        .select_related("receiving_agency", "handling_agency", "repeat_of")
        .first()
    )
    access = Access.of(request.user)
    if feedback is None or not (
        access.can("feedback.view", feedback.handling_agency_id)
        or access.can("feedback.view", feedback.receiving_agency_id)
    ):
        raise Http404(_("Không có phản ánh “%(code)s” tại các đơn vị bạn được xem.") % {"code": code})
    return feedback


@router.post(
    "/feedback",
    response={
        201: FeedbackOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        409: MessageOut,
        422: ValidationErrorOut,
    },
    summary="Tiếp nhận phản ánh, kiến nghị (chuyển từ Cổng DVCQG hoặc kênh khác)",
    description=(
        "Tạo phản ánh ở trạng thái “Mới tiếp nhận” với mã `PAKN-{mã định danh}-{yyMMdd}-{NNNN}` và hạn trả lời "
        "15 ngày làm việc (cấu hình `MOTCUA_PAKN_DEADLINES`). Khiếu nại, tố cáo (`kind`) được ghi nhận ở trạng "
        "thái `chuyen_huong` kèm hướng dẫn theo Luật Khiếu nại 2011, Luật Tố cáo 2018, không xử lý như PAKN. "
        "Người gọi phải là cán bộ xử lý PAKN của đơn vị nhận. Cùng `national_id` gửi lại: 409."
    ),
)
def create_feedback(request, payload: FeedbackIn):
    if payload.national_id and Feedback.objects.filter(national_id=payload.national_id).exists():
        return Status(409, {"detail": _("Phản ánh có mã DVCQG này đã được tiếp nhận.")})
    agency = Agency.objects.filter(identifier=payload.receiving_agency.strip()).first()
    if agency is not None and not Access.of(request.user).can("feedback.receive", agency.pk):
        raise PermissionDenied(
            _("Chỉ cán bộ xử lý phản ánh, kiến nghị của %(agency)s tiếp nhận phản ánh gửi đến đơn vị này.")
            % {"agency": agency}
        )
    data = payload.dict(exclude={"sender"})
    sender = {f"sender_{k}": v for k, v in payload.sender.dict().items()}
    try:
        feedback = submit(FeedbackRequest(**data, **sender), actor=request.user)
    except FeedbackError as exc:
        if exc.kind not in ("missing_input", "invalid_input"):
            raise  # a refused row of the table (P1): the problem answer
        # the request's fields, each with its message: the 422 list, like the schema's and the dossier intake's
        raise ValidationError(exc.errors or {"__all__": exc.message}) from None
    feedback = Feedback.objects.select_related("receiving_agency", "handling_agency", "repeat_of").get(
        pk=feedback.pk
    )
    return Status(201, _out(feedback, request.user))


@router.get(
    "/feedback/{code}",
    response={200: FeedbackOut, 401: MessageOut, 404: MessageOut},
    summary="Trạng thái và câu trả lời của một phản ánh",
    description="Trạng thái, hạn, kết quả đúng hạn, câu trả lời và thao tác người gọi được làm lúc này.",
)
def get_feedback(request, code: str):
    return _out(_find(request, code), request.user)


@router.post(
    "/feedback/{code}/answer",
    response={
        200: FeedbackOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        404: MessageOut,
        409: ProblemOut | MessageOut,
        422: ProblemOut | ValidationErrorOut,
    },
    summary="Gửi dự thảo trả lời (phản ánh đang xử lý → chờ phê duyệt)",
    description="Bằng thao tác `draft_answer`; lãnh đạo đơn vị phê duyệt (`approve`), rồi công khai (`publish`).",
)
def answer_feedback(request, code: str, payload: AnswerIn):
    feedback = _find(request, code)
    apply(
        feedback.pk,
        "draft_answer",
        request.user,
        inputs={"answer": payload.answer},
        expected_version=payload.expected_version,
    )
    return _out(_find(request, code), request.user)


def _actions_table() -> str:
    rows = "\n".join(
        f"| `{t.action}` | {t.code} | {t.label} | {', '.join(t.requires) or '—'} |"
        for t in lifecycle.TRANSITIONS
        if lifecycle.NEW not in t.sources
    )
    return "| action | | | inputs |\n|---|---|---|---|\n" + rows


@router.post(
    "/feedback/{code}/actions/{action}",
    response={
        200: FeedbackOut,
        401: MessageOut,
        403: ProblemOut | MessageOut,
        404: ProblemOut | MessageOut,
        409: ProblemOut | MessageOut,
        422: ProblemOut | ValidationErrorOut,
    },
    summary="Thực hiện một thao tác trên phản ánh (theo bảng chuyển trạng thái PAKN)",
    description="Các thao tác:\n\n" + _actions_table(),
)
def act_on_feedback(request, code: str, action: str, payload: ActionIn):
    feedback = _find(request, code)
    if action not in lifecycle.BY_ACTION or lifecycle.NEW in lifecycle.BY_ACTION[action].sources:
        raise FeedbackError("unknown_action", _("Không có thao tác “%(action)s”.") % {"action": action})
    apply(
        feedback.pk,
        action,
        request.user,
        inputs=payload.inputs,
        expected_version=payload.expected_version,
    )
    return _out(_find(request, code), request.user)
