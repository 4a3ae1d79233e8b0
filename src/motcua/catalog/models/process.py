"""The approved internal process (quy trình nội bộ giải quyết TTHC) of a procedure: ordered steps, who does each
(by role and by the unit that performs it), in how long, whether it is signed, whether the citizen is told.

A province approves each process by a decision (number, date, signer). A process belongs to a procedure version
and to a level of government (provincial or commune; empty for every level). Like a procedure version it is a draft
until published, then never edited: a change is a new process (``services.processes.new_draft``) valid from a day,
and the process it replaces ends the day before. A dossier keeps the process it was received under
(``Dossier.process``), so its steps, their deadlines and the Phiếu kiểm soát never change afterwards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import Level, LimitUnit, VersionState
from motcua.catalog.models.version import ProcedureVersion, PublishedVersionError
from motcua.org.roles import Role


class Performer(models.TextChoices):
    """The unit that performs a step, resolved for each dossier when the step starts."""

    RECEIVING = "receiving", _("Bộ phận một cửa tiếp nhận hồ sơ")
    COMPETENT = "competent", _("Cơ quan có thẩm quyền giải quyết")
    DIVISION = "division", _("Phòng chuyên môn của cơ quan giải quyết")
    LEADER = "leader", _("Lãnh đạo cơ quan giải quyết")
    PARTNER = "partner", _("Cơ quan phối hợp (liên thông)")
    COMMUNE = "commune", _("Ủy ban nhân dân cấp xã")


class ProcessLevel(models.TextChoices):
    ANY = "", _("Mọi cấp")
    PROVINCE = Level.PROVINCE.value, Level.PROVINCE.label
    COMMUNE = Level.COMMUNE.value, Level.COMMUNE.label


class InternalProcess(models.Model):
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name=_("phiên bản thủ tục"),
        on_delete=models.CASCADE,
        related_name="processes",
    )
    level = models.CharField(
        _("cấp thực hiện"), max_length=16, choices=ProcessLevel.choices, blank=True, default=""
    )
    number = models.PositiveIntegerField(_("phiên bản quy trình"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=VersionState.choices, default=VersionState.DRAFT
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến hết ngày"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định phê duyệt"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định phê duyệt"), null=True, blank=True)
    decision_signer = models.CharField(_("người ký quyết định"), max_length=200, blank=True)
    code = models.CharField(
        _("mã hiệu quy trình"),
        max_length=64,
        blank=True,
        help_text=_("Mã trong hệ thống ISO, ví dụ QT-STP-01."),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("ngày công bố trên hệ thống"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("quy trình nội bộ")
        verbose_name_plural = pgettext_lazy("plural", "quy trình nội bộ")
        ordering = ["version", "level", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "level", "number"], name="internal_process_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["version", "state", "valid_from"], name="internal_process_on")]

    def __str__(self) -> str:
        return gettext("Quy trình nội bộ %(code)s (phiên bản %(number)s)") % {
            "code": self.code or self.version.procedure.code,
            "number": self.number,
        }

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("state", flat=True).first()
            update_fields = kwargs.get("update_fields")
            if (
                stored
                and stored != VersionState.DRAFT
                and (update_fields is None or not set(update_fields) <= {"valid_to", "state"})
            ):
                raise PublishedVersionError(
                    gettext("Quy trình đã công bố không được sửa; hãy tạo phiên bản quy trình mới (dự thảo).")
                )
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == VersionState.PUBLISHED


class ProcessStep(models.Model):
    """A step of an approved internal process: who does it, where, in how long, and what it produces."""

    process = models.ForeignKey(InternalProcess, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("bước"))
    name = models.CharField(_("nội dung công việc"), max_length=500)
    role = models.CharField(_("vai trò thực hiện"), max_length=32, choices=Role.choices)
    performer = models.CharField(
        _("đơn vị thực hiện"), max_length=16, choices=Performer.choices, default=Performer.COMPETENT
    )
    unit = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị cụ thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Bắt buộc với cơ quan phối hợp; với phòng chuyên môn, để trống thì chọn theo phân công thủ tục."
        ),
    )
    limit_amount = models.DecimalField(_("thời gian"), max_digits=8, decimal_places=2)
    limit_unit = models.CharField(
        _("đơn vị thời gian"), max_length=16, choices=LimitUnit.choices, default=LimitUnit.WORKING_HOURS
    )
    needs_signature = models.BooleanField(_("ký duyệt kết quả"), default=False)
    notify_citizen = models.BooleanField(_("thông báo cho người nộp"), default=False)
    send_back_to = models.JSONField(
        _("được trả lại về bước"),
        default=list,
        blank=True,
        help_text=_("Số thứ tự các bước trước mà bước này được trả lại; để trống là bước liền trước."),
    )
    output = models.CharField(_("kết quả, biểu mẫu của bước"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("bước quy trình nội bộ")
        verbose_name_plural = pgettext_lazy("plural", "bước quy trình nội bộ")
        ordering = ["process", "order"]
        constraints = [models.UniqueConstraint(fields=["process", "order"], name="process_step_order_unique")]

    def __str__(self) -> str:
        return gettext("Bước %(order)s: %(name)s") % {"order": self.order, "name": self.name}

    def save(self, *args, **kwargs):
        _ensure_draft(self.process_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _ensure_draft(self.process_id)
        return super().delete(*args, **kwargs)


def _ensure_draft(process_id: int | None) -> None:
    state = InternalProcess.objects.filter(pk=process_id).values_list("state", flat=True).first()
    if state is not None and state != VersionState.DRAFT:
        raise PublishedVersionError(
            gettext("Quy trình đã công bố không được sửa; hãy tạo phiên bản quy trình mới (dự thảo).")
        )
