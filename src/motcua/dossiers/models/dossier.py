"""The dossier (hồ sơ) and its components. Status, dates and handlers change only through
``motcua.dossiers.services.transitions.apply`` — the one path that applies the transition table."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.choices import Channel, LimitUnit, PauseMode
from motcua.dossiers.choices import Digitisation, FormSet, LegalRegime, ResultDelivery, Status, Timeliness


class Dossier(models.Model):
    code = models.CharField(
        _("mã hồ sơ"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("{mã định danh cơ quan}-{yyMMdd}-{số thứ tự}; cấp khi tiếp nhận."),
    )
    reference = models.CharField(
        _("mã tham chiếu"),
        max_length=40,
        unique=True,
        help_text=_("Mã tạm khi nộp trực tuyến hoặc khi chưa tiếp nhận."),
    )
    external_code = models.CharField(
        _("mã hồ sơ khác"),
        max_length=60,
        blank=True,
        help_text=_("Mã của hệ thống khác (Cổng DVCQG, hệ thống chuyên ngành)."),
    )
    procedure_version = models.ForeignKey(
        "catalog.ProcedureVersion",
        verbose_name=_("thủ tục (phiên bản)"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    case = models.ForeignKey(
        "catalog.ProcedureCase",
        verbose_name=_("trường hợp"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    receiving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="received_dossiers",
        db_index=False,  # led by the queue indexes below
    )
    handling_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="handled_dossiers",
        db_index=False,  # led by the queue indexes below
    )
    current_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị đang xử lý"),
        on_delete=models.PROTECT,
        related_name="current_dossiers",
        db_index=False,  # led by the queue indexes below
    )
    current_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đang xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # led by the queue indexes below
    )
    process = models.ForeignKey(
        "catalog.InternalProcess",
        verbose_name=_("quy trình nội bộ áp dụng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Phiên bản quy trình nội bộ khi tiếp nhận; hồ sơ giữ quy trình này đến khi kết thúc."),
    )
    current_step = models.ForeignKey(
        "dossiers.DossierStep",
        verbose_name=_("bước hiện tại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("kênh nộp"), max_length=1, choices=Channel.choices)
    result_delivery = models.CharField(
        _("hình thức nhận kết quả"),
        max_length=8,
        choices=ResultDelivery.choices,
        default=ResultDelivery.COUNTER,
    )
    applicant = models.ForeignKey(
        "dossiers.Applicant", verbose_name=_("chủ hồ sơ"), on_delete=models.PROTECT, related_name="dossiers"
    )
    representative = models.ForeignKey(
        "dossiers.Applicant",
        verbose_name=_("người được ủy quyền"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_dossiers",
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản nộp trực tuyến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Tài khoản trên Cổng dịch vụ công đã nộp hồ sơ; người này thao tác với vai trò người nộp."
        ),
    )
    summary = models.CharField(_("trích yếu"), max_length=500, blank=True)
    sets = models.PositiveSmallIntegerField(_("số bộ hồ sơ"), default=1)
    legal_regime = models.CharField(_("chế độ pháp lý"), max_length=16, choices=LegalRegime.choices)
    form_set = models.CharField(_("bộ biểu mẫu"), max_length=16, choices=FormSet.choices)

    status = models.PositiveSmallIntegerField(_("trạng thái"), choices=Status.choices)
    version = models.PositiveIntegerField(
        _("phiên bản bản ghi"),
        default=0,
        help_text=_("Tăng mỗi lần chuyển trạng thái; dùng để từ chối thao tác trên trang đã cũ."),
    )
    log_head = models.CharField(_("mã băm mục nhật ký cuối"), max_length=64, blank=True)
    # "{key id}:{HMAC}" of the legal fields and the log's head (models.log.SEALED_FIELDS), written with each entry
    seal = models.CharField(_("mã xác thực bản ghi"), max_length=80, blank=True, default="", db_default="")
    supplement_state = models.CharField(_("tình trạng bổ sung"), max_length=60, blank=True)

    limit_amount = models.DecimalField(
        _("thời hạn giải quyết"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    limit_unit = models.CharField(_("đơn vị thời hạn"), max_length=16, choices=LimitUnit.choices, blank=True)
    pause_mode = models.CharField(
        _("cách tính khi bổ sung"), max_length=8, choices=PauseMode.choices, default=PauseMode.PAUSE
    )
    submitted_at = models.DateTimeField(_("thời điểm nộp"))
    reception_due_at = models.DateTimeField(_("hạn tiếp nhận"), null=True, blank=True)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), null=True, blank=True, db_index=True)
    original_due_at = models.DateTimeField(_("ngày hẹn trả ban đầu"), null=True, blank=True)
    due_at = models.DateTimeField(_("ngày hẹn trả"), null=True, blank=True)
    deadline_at = models.DateTimeField(
        _("hạn hiện hành"),
        editable=False,
        help_text=_(
            "Hạn mà hồ sơ đang chạy theo: ngày hẹn trả nếu đã tiếp nhận, hạn tiếp nhận nếu đang chờ tiếp nhận, "
            "thời điểm nộp nếu không có hạn. Dùng để sắp xếp các hàng đợi."
        ),
    )
    finished_at = models.DateTimeField(_("thời điểm xử lý xong"), null=True, blank=True)
    returned_at = models.DateTimeField(_("thời điểm trả kết quả"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("thời điểm kết thúc"),
        null=True,
        blank=True,
        help_text=_("Từ chối, rút hồ sơ, dừng xử lý hoặc xử lý xong."),
    )
    timeliness = models.CharField(
        _("kết quả về thời hạn"), max_length=8, choices=Timeliness.choices, blank=True
    )
    paid_online_at = models.DateTimeField(
        _("thanh toán trực tuyến lúc"),
        null=True,
        blank=True,
        help_text=_("Phí, lệ phí đã nộp qua cổng thanh toán (ghi bởi thao tác “pay_online”)."),
    )
    paid_online_amount = models.PositiveBigIntegerField(
        _("số tiền đã thanh toán trực tuyến (đồng)"), default=0, db_default=0
    )
    withdrawal_requested_at = models.DateTimeField(_("công dân đề nghị rút lúc"), null=True, blank=True)
    # Whether the dossier has any pause or apology rows, kept by the transition service (the only writer of both):
    # its page skips reading collections that most dossiers never have.
    has_pauses = models.BooleanField(_("đã từng tạm dừng"), default=False, db_default=False)
    has_apologies = models.BooleanField(_("đã từng xin lỗi, hẹn lại"), default=False, db_default=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "hồ sơ")
        ordering = ["-received_at", "-id"]
        # The queues read one side (receiving, handling, current unit, or the handler) in deadline order and
        # merge the sides in Python (services.queues); each side has its index, with and without the status.
        indexes = [
            models.Index(fields=[side, *rest], name=f"dossier_{short}_{suffix}")
            for side, short in (
                ("receiving_agency", "recv"),
                ("handling_agency", "hand"),
                ("current_agency", "curr"),
                ("current_handler", "user"),
            )
            for rest, suffix in ((("status", "deadline_at", "id"), "queue"), (("deadline_at", "id"), "all"))
        ] + [
            models.Index(fields=["status", "deadline_at", "id"], name="dossier_status_deadline"),
            models.Index(fields=["deadline_at", "id"], name="dossier_deadline"),
            models.Index(fields=["status", "due_at"], name="dossier_status_due"),
            # the unit's Sổ theo dõi hồ sơ: numbered in the order of receipt within the year
            models.Index(fields=["receiving_agency", "received_at", "id"], name="dossier_recv_book"),
        ]

    def __str__(self) -> str:
        return self.code or self.reference

    def save(self, *args, **kwargs):
        self.deadline_at = current_deadline(self.due_at, self.reception_due_at, self.submitted_at)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"due_at", "reception_due_at", "submitted_at"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "deadline_at"}
        super().save(*args, **kwargs)


def current_deadline(due_at, reception_due_at, submitted_at):
    """The deadline a dossier runs against now (``Dossier.deadline_at``): the appointment once received, the
    reception deadline while waiting, else the submission time (no deadline: refused on the spot)."""
    return due_at or reception_due_at or submitted_at


class DossierComponent(models.Model):
    """A document of the dossier, from the checklist of its case (only listed components may be asked for)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="components")
    case_component = models.ForeignKey("catalog.CaseComponent", on_delete=models.PROTECT, related_name="+")
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=0)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    provided = models.BooleanField(_("đã nộp"), default=True)
    # Digitisation (SPEC §1.7, TrangThaiSoHoa), written by motcua.files.services only. A reused component points to
    # the same stored file as its source, and to the source itself.
    digitisation = models.PositiveSmallIntegerField(
        _("trạng thái số hóa"), choices=Digitisation.choices, default=0, db_default=0
    )
    file = models.ForeignKey(
        "dossiers.StoredFile",
        verbose_name=_("tệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reused_component = models.ForeignKey(
        "self",
        verbose_name=_("tái sử dụng từ thành phần"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reused_result = models.ForeignKey(
        "dossiers.DossierResult",
        verbose_name=_("tái sử dụng từ kết quả"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    digitised_at = models.DateTimeField(_("thời điểm số hóa"), null=True, blank=True)
    digitised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người số hóa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "thành phần hồ sơ")
        ordering = ["dossier_id", "id"]

    def __str__(self) -> str:
        return self.name[:80]
