"""A feedback or petition (phản ánh, kiến nghị, SPEC §6.6), or a complaint redirected at intake.

Written only by ``motcua.feedback.services`` (intake, then ``transitions.apply``). The sender's contact data
(name, address, phone, e-mail) is never shown on a public page: the published page reads ``public_question``
(the officer's wording without personal data) and ``answer`` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.feedback.choices import Channel, Classification, Kind, Reaction, SenderKind, Status


class FeedbackCounter(models.Model):
    """The per-unit, per-day sequence of PAKN codes (one atomic upsert, ``services.codes``)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="feedback_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day}: {self.value}"


class Feedback(models.Model):
    code = models.CharField(_("mã PAKN"), max_length=40, unique=True)
    kind = models.CharField(_("loại đơn"), max_length=12, choices=Kind.choices, default=Kind.PAKN)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, db_index=True)
    classification = models.CharField(
        _("phân loại"), max_length=12, choices=Classification.choices, blank=True
    )
    # sender (personal data: never public)
    sender_kind = models.CharField(_("người gửi là"), max_length=8, choices=SenderKind.choices)
    sender_name = models.CharField(_("họ tên, tên tổ chức"), max_length=200)
    sender_address = models.CharField(_("địa chỉ"), max_length=300)
    sender_phone = models.CharField(_("số điện thoại"), max_length=20)
    sender_email = models.EmailField(_("thư điện tử"), blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedbacks",
    )
    # what it is about
    title = models.CharField(_("tiêu đề"), max_length=250)
    content = models.TextField(_("nội dung"))
    supplement = models.TextField(_("thông tin bổ sung"), blank=True)
    procedure = models.ForeignKey(
        "catalog.Procedure", verbose_name=_("thủ tục"), null=True, blank=True, on_delete=models.PROTECT
    )
    field = models.ForeignKey(
        "catalog.ProcedureField", verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT
    )
    about_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan bị phản ánh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    about_officer = models.CharField(_("cán bộ bị phản ánh"), max_length=200, blank=True)
    dossier_code = models.CharField(_("mã hồ sơ liên quan"), max_length=40, blank=True)
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("phản ánh trước đó (trùng lặp)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
    )
    national_id = models.CharField(_("mã trên Cổng DVCQG"), max_length=64, blank=True, db_index=True)
    # units and time
    receiving_agency = models.ForeignKey(
        "org.Agency", verbose_name=_("đơn vị tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    handling_agency = models.ForeignKey(
        "org.Agency", verbose_name=_("đơn vị xử lý"), on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), db_index=True)
    clock_start = models.DateTimeField(_("tính hạn từ"))  # receipt, the last transfer or the supplement
    answer_due_at = models.DateTimeField(_("hạn trả lời"), null=True, blank=True)
    publish_due_at = models.DateTimeField(_("hạn công khai"), null=True, blank=True)
    deadline_at = models.DateTimeField(_("hạn hiện hành"), null=True, blank=True)
    handled_at = models.DateTimeField(
        _("thời điểm xử lý xong (duyệt trả lời hoặc từ chối)"), null=True, blank=True
    )
    handled_on_time = models.BooleanField(_("xử lý đúng hạn"), null=True)
    published_at = models.DateTimeField(_("thời điểm công khai"), null=True, blank=True)
    published_on_time = models.BooleanField(_("công khai đúng hạn"), null=True)
    closed_at = models.DateTimeField(_("thời điểm kết thúc"), null=True, blank=True)
    # answer and publication
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    public_title = models.CharField(_("tiêu đề công khai"), max_length=250, blank=True)
    public_question = models.TextField(_("nội dung công khai (không có thông tin cá nhân)"), blank=True)
    is_public = models.BooleanField(_("đang công khai"), default=False, db_index=True)
    search_text = models.TextField(blank=True, editable=False)  # folded (no tones) title, question, answer
    reaction = models.CharField(_("ý kiến người gửi"), max_length=16, choices=Reaction.choices, blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)
    redirect_note = models.TextField(_("hướng dẫn chuyển hướng"), blank=True)
    version = models.PositiveIntegerField(default=0)
    # the MAC of the last log entry, and "{key id}:{HMAC}" of the sealed fields (models/log.py SEALED_FIELDS)
    log_head = models.CharField(
        _("mã băm mục nhật ký cuối"), max_length=64, blank=True, default="", db_default=""
    )
    seal = models.CharField(_("mã xác thực bản ghi"), max_length=80, blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = pgettext_lazy("plural", "phản ánh, kiến nghị")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["handling_agency", "status", "deadline_at"], name="feedback_queue_idx"),
            models.Index(fields=["is_public", "published_at"], name="feedback_public_idx"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        from motcua.feedback.lifecycle import OPEN

        return self.status in OPEN


class FeedbackAttachment(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="attachments")
    file = models.ForeignKey("dossiers.StoredFile", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = pgettext_lazy("plural", "tệp đính kèm")

    def __str__(self) -> str:
        return str(self.file_id)
