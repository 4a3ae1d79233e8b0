"""Receiving a feedback from any channel (SPEC §6.2): the portal form (with or without an account), an officer
recording a hotline call, an e-mail, a letter or a visit, or the national system (API).

:func:`submit` validates the whole request first — content, contact (name, address, phone; SPEC §6.2), the
linked procedure, agency and dossier code, every attachment through the files app's checks — and raises
:class:`FeedbackError` with every field's message; nothing is stored then. A complaint or a denunciation is
recorded through ``transitions.apply(..., "redirect")``: ``REDIRECTED`` with the legal explanation, closed at once.
A PAKN is created through ``transitions.apply(..., "receive")`` and linked to the sender's earlier feedback on the
same subject.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure
from motcua.core import people
from motcua.core.text import fold
from motcua.feedback.choices import Channel, Kind, SenderKind
from motcua.feedback.models import Feedback, FeedbackAttachment
from motcua.feedback.services.transitions import FeedbackError, apply
from motcua.files.services.errors import FilesError
from motcua.files.services.storage import stored_upload
from motcua.org.models import Agency

MAX_ATTACHMENTS = 5
MAX_CONTENT = 10000
PORTAL_USER = "pakn-cong-dvc"  # uploader of files sent without an account (an inactive system user)


@dataclass
class FeedbackRequest:
    receiving_agency: str | Agency  # identifier or instance
    title: str
    content: str
    sender_name: str
    sender_address: str
    sender_phone: str
    sender_email: str = ""
    sender_kind: str = SenderKind.PERSON
    channel: str = Channel.PORTAL
    kind: str = Kind.PAKN
    procedure_code: str = ""
    about_agency: str = ""  # identifier
    about_officer: str = ""
    dossier_code: str = ""
    repeat_of: str = ""  # code of the earlier feedback
    national_id: str = ""
    attachments: list = field(default_factory=list)  # uploaded files, or (file, client name) pairs


def _clean(value) -> str:
    return str(value or "").strip()


def validate(req: FeedbackRequest) -> tuple[dict[str, str], dict]:
    """(field errors, resolved objects). Every field is checked, so the form shows all the messages at once."""
    errors: dict[str, str] = {}
    found: dict = {}
    for name, label, limit in (
        ("title", _("tiêu đề"), 250),
        ("content", _("nội dung phản ánh, kiến nghị"), MAX_CONTENT),
        ("sender_name", _("họ tên hoặc tên tổ chức"), 200),
        ("sender_address", _("địa chỉ"), 300),
    ):
        value = _clean(getattr(req, name))
        if not value:
            errors[name] = _("Hãy nhập %(label)s.") % {"label": label}
        elif len(value) > limit:
            errors[name] = _("%(label)s dài quá %(limit)s ký tự.") % {
                "label": label.capitalize(),
                "limit": limit,
            }
    if _clean(req.content) and len(_clean(req.content)) < 20:
        errors["content"] = _(
            "Nội dung quá ngắn: hãy nêu rõ sự việc, thời gian, địa điểm (ít nhất 20 ký tự)."
        )
    phone = _clean(req.sender_phone)
    if not phone:
        errors["sender_phone"] = _("Hãy nhập số điện thoại để cơ quan liên hệ khi cần.")
    for name, check in (
        (
            "sender_name",
            lambda v: people.normalise_name(v, person=req.sender_kind != SenderKind.ORGANISATION),
        ),
        ("sender_address", people.normalise_address),
        ("sender_phone", people.normalise_phone),
    ):
        if name not in errors:
            try:
                check(getattr(req, name))
            except ValidationError as exc:
                errors[name] = exc.messages[0]
    if _clean(req.sender_email):
        try:
            validate_email(_clean(req.sender_email))
        except ValidationError:
            errors["sender_email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    if req.sender_kind not in SenderKind.values:
        errors["sender_kind"] = _("Hãy chọn cá nhân hoặc tổ chức.")
    if req.channel not in Channel.values:
        errors["channel"] = _("Kênh tiếp nhận không hợp lệ.")
    if req.kind not in Kind.values:
        errors["kind"] = _("Hãy chọn loại đơn.")
    agency = req.receiving_agency
    if not isinstance(agency, Agency):
        agency = Agency.objects.filter(identifier=_clean(agency)).first()
    if agency is None:
        errors["receiving_agency"] = _("Hãy chọn cơ quan nhận phản ánh.")
    found["agency"] = agency
    if _clean(req.procedure_code):
        procedure = Procedure.objects.select_related("current_version").filter(
            code=_clean(req.procedure_code)
        )
        found["procedure"] = procedure.first()
        if found["procedure"] is None:
            errors["procedure_code"] = _("Không có thủ tục mã “%(code)s”.") % {
                "code": _clean(req.procedure_code)
            }
    if _clean(req.about_agency):
        found["about_agency"] = Agency.objects.filter(identifier=_clean(req.about_agency)).first()
        if found["about_agency"] is None:
            errors["about_agency"] = _("Không có cơ quan này.")
    if len(_clean(req.dossier_code)) > 40:
        errors["dossier_code"] = _("Mã hồ sơ không hợp lệ.")
    if len(_clean(req.about_officer)) > 200:
        errors["about_officer"] = _("Tên cán bộ dài quá 200 ký tự.")
    if _clean(req.repeat_of):
        found["repeat_of"] = Feedback.objects.filter(code=_clean(req.repeat_of)).first()
        if found["repeat_of"] is None:
            errors["repeat_of"] = _("Không có phản ánh mã “%(code)s”.") % {"code": _clean(req.repeat_of)}
    if len(req.attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = _("Tối đa %(n)s tệp đính kèm.") % {"n": MAX_ATTACHMENTS}
    return errors, found


def _uploader(account, actor):
    if getattr(account, "pk", None):
        return account
    if getattr(actor, "pk", None):
        return actor
    user, _created = get_user_model().objects.get_or_create(
        username=PORTAL_USER, defaults={"is_active": False}
    )
    return user


def earlier_feedback(phone: str, title: str, dossier_code: str, before: dt.datetime | None = None):
    """The sender's latest earlier PAKN on the same subject (same phone, and the same title without tones or the
    same dossier code): a repeated feedback is linked to it."""
    candidates = Feedback.objects.filter(sender_phone=phone, kind=Kind.PAKN).order_by("-received_at")
    folded = fold(title)
    for earlier in candidates.only("id", "title", "dossier_code")[:20]:
        if fold(earlier.title) == folded or (dossier_code and earlier.dossier_code == dossier_code):
            return earlier
    return None


def submit(req: FeedbackRequest, actor=None, *, account=None, at: dt.datetime | None = None) -> Feedback:
    """Validate and record ``req``; see the module docstring. ``actor``: the officer recording it (None on the
    portal); ``account``: the sender's account if signed in."""
    errors, found = validate(req)
    if errors:
        raise FeedbackError("invalid_input", next(iter(errors.values())), errors=errors)
    now = at or timezone.now()
    agency = found["agency"]
    procedure = found.get("procedure")
    feedback = Feedback(
        kind=req.kind,
        channel=req.channel,
        sender_kind=req.sender_kind,
        sender_name=people.normalise_name(req.sender_name),
        sender_address=people.normalise_address(req.sender_address),
        sender_phone=people.normalise_phone(req.sender_phone),
        sender_email=_clean(req.sender_email),
        account=account if getattr(account, "pk", None) else None,
        title=_clean(req.title),
        content=_clean(req.content),
        procedure=procedure,
        field=getattr(procedure.current_version, "field", None)
        if procedure and procedure.current_version
        else None,
        about_agency=found.get("about_agency"),
        about_officer=_clean(req.about_officer),
        dossier_code=_clean(req.dossier_code).upper(),
        national_id=_clean(req.national_id),
        receiving_agency=agency,
        handling_agency=agency,
    )
    if req.kind != Kind.PAKN:  # a complaint or a denunciation (SPEC §6.1): the table's row ``redirect``
        return apply(feedback, "redirect", actor, at=now).feedback
    feedback.repeat_of = found.get("repeat_of") or earlier_feedback(
        feedback.sender_phone, feedback.title, feedback.dossier_code
    )
    try:
        with transaction.atomic(), contextlib.ExitStack() as stack:
            files = []
            uploader = _uploader(account, actor)
            for upload in req.attachments:
                item, client_name = upload if isinstance(upload, tuple) else (upload, None)
                files.append(
                    stack.enter_context(
                        stored_upload(item, uploader, client_name=client_name, field="attachments", at=now)
                    )
                )
            apply(feedback, "receive", actor, at=now)
            FeedbackAttachment.objects.bulk_create(
                FeedbackAttachment(feedback=feedback, file=f) for f in files
            )
    except FilesError as exc:
        raise FeedbackError("invalid_input", exc.message, field="attachments") from None
    return feedback
