"""What happens to a dossier while it is processed: steps (internal and liên thông), clock pauses, apologies,
the result. Rows are written by the transition service only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.choices import LimitUnit, PauseMode
from motcua.dossiers.choices import PauseReason, StepKind, Timeliness, WorkQueue


class DossierStep(models.Model):
    """One step of the work: an internal-process step, or a liên thông hand-over with its share of the time."""

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại"), max_length=8, choices=StepKind.choices, default=StepKind.INTERNAL)
    name = models.CharField(_("nội dung"), max_length=500)
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("vai trò"), max_length=32, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    limit_amount = models.DecimalField(_("thời gian"), max_digits=8, decimal_places=2, null=True, blank=True)
    limit_unit = models.CharField(_("đơn vị"), max_length=16, choices=LimitUnit.choices, blank=True)
    process_step = models.ForeignKey(
        "catalog.ProcessStep",
        verbose_name=_("bước của quy trình"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs_signature = models.BooleanField(_("ký duyệt kết quả"), default=False)
    queue = models.CharField(_("hàng đợi"), max_length=8, choices=WorkQueue.choices, default=WorkQueue.WORK)
    sent_back = models.BooleanField(_("bị trả lại"), default=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký duyệt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("thời điểm ký duyệt"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    timeliness = models.CharField(
        _("kết quả về thời hạn"), max_length=8, choices=Timeliness.choices, blank=True
    )

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = pgettext_lazy("plural", "bước xử lý")
        ordering = ["dossier_id", "order", "id"]
        indexes = [
            models.Index(fields=["handler", "finished_at", "due_at"], name="dossier_step_handler"),
            # the role queues (Chờ phân công, Chờ ký duyệt, Chờ phát hành): the open steps of a unit by role
            models.Index(
                fields=["agency", "queue", "due_at"],
                name="dossier_step_open",
                condition=models.Q(finished_at__isnull=True, started_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class DossierPause(models.Model):
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField(_("lý do"), max_length=24, choices=PauseReason.choices)
    mode = models.CharField(_("cách tính"), max_length=8, choices=PauseMode.choices)
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan yêu cầu"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("bắt đầu"))
    ended_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    note = models.TextField(_("nội dung yêu cầu"), blank=True)

    class Meta:
        verbose_name = _("tạm dừng tính thời gian")
        verbose_name_plural = pgettext_lazy("plural", "tạm dừng tính thời gian")
        ordering = ["dossier_id", "started_at"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.started_at:%d/%m/%Y}"


class Apology(models.Model):
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): a new appointment; the original is kept."""

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.CASCADE, related_name="apologies")
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan xin lỗi"), on_delete=models.PROTECT, related_name="+"
    )
    previous_due_at = models.DateTimeField(_("ngày hẹn trước đó"))
    new_due_at = models.DateTimeField(_("ngày hẹn mới"))
    reason = models.TextField(_("lý do"))
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("ngày lập"))

    class Meta:
        verbose_name = _("phiếu xin lỗi, hẹn lại")
        verbose_name_plural = pgettext_lazy("plural", "phiếu xin lỗi, hẹn lại")
        ordering = ["dossier_id", "created_at"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.new_due_at:%d/%m/%Y}"


class DossierResult(models.Model):
    dossier = models.OneToOneField("dossiers.Dossier", on_delete=models.CASCADE, related_name="result")
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    summary = models.TextField(_("trích yếu"))
    signer = models.CharField(_("người ký"), max_length=200)
    signed_on = models.DateField(_("ngày ký"))
    result_code = models.CharField(_("mã kết quả"), max_length=32, blank=True)
    issuing_agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    # the signed electronic result (SPEC §7.3), attached by motcua.files.services.attach_result_file
    file = models.ForeignKey(
        "dossiers.StoredFile",
        verbose_name=_("tệp kết quả điện tử"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kết quả giải quyết")
        verbose_name_plural = pgettext_lazy("plural", "kết quả giải quyết")

    def __str__(self) -> str:
        return self.number


class AssignmentMode(models.TextChoices):
    MANUAL = "manual", _("Lãnh đạo phân công")
    LEAST_LOADED = "least_loaded", _("Tự động: chuyên viên đang có ít việc nhất")
    ROUND_ROBIN = "round_robin", _("Tự động: lần lượt theo vòng")


class AssignmentRule(models.Model):
    """How a unit's new work is assigned, set by the unit's leader: by hand from "Chờ phân công", or automatically
    to one of the unit's specialists when the step starts."""

    unit = models.OneToOneField(
        "org.Agency", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assignment_rule"
    )
    mode = models.CharField(
        _("cách phân công"), max_length=16, choices=AssignmentMode.choices, default=AssignmentMode.MANUAL
    )
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được phân công gần nhất"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cập nhật"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("quy tắc phân công")
        verbose_name_plural = pgettext_lazy("plural", "quy tắc phân công")

    def __str__(self) -> str:
        return f"{self.unit}: {self.get_mode_display()}"
