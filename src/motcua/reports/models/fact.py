"""What the statistics count of each dossier, in local dates: one row per dossier that was accepted (or refused at
reception), and one per clock pause. Derived data, written only by ``motcua.reports.services.rollup`` from the
dossier tables (one SQL definition, :mod:`motcua.reports.services.sql`); never edited by hand."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Outcome(models.TextChoices):
    """How processing ended (SPEC §4.1, columns 7–10): by date against the original appointment (date(end) vs
    date(original_due_at)); withdrawn, stopped and refused are kept apart."""

    OPEN = "", _("Đang giải quyết")
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Quá hạn")
    WITHDRAWN = "withdrawn", _("Công dân rút hồ sơ")
    STOPPED = "stopped", _("Dừng xử lý")
    REFUSED = "refused", _("Bị từ chối tiếp nhận")


class DossierFact(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # derived data: rebuilt in bulk, never the source of truth
        related_name="+",
        verbose_name=_("hồ sơ"),
    )
    handling_id = models.BigIntegerField(_("cơ quan giải quyết"))
    receiving_id = models.BigIntegerField(_("đơn vị tiếp nhận"))
    field_id = models.BigIntegerField(_("lĩnh vực"), help_text=_("0: thủ tục chưa gắn lĩnh vực."))
    channel = models.CharField(_("kênh nộp"), max_length=1)
    received_on = models.DateField(_("ngày tiếp nhận"), null=True)
    ended_on = models.DateField(
        _("ngày kết thúc xử lý"),
        null=True,
        help_text=_("Xử lý xong, rút, dừng hoặc từ chối; trống: đang giải quyết."),
    )
    outcome = models.CharField(_("kết quả"), max_length=10, choices=Outcome.choices, blank=True)
    due_on = models.DateField(_("ngày hẹn trả ban đầu"), null=True)
    overdue_from = models.DateField(
        _("quá hạn từ ngày"),
        null=True,
        help_text=_(
            "Ngày đầu tiên mà cuối ngày hồ sơ còn đang giải quyết và đã qua ngày hẹn trả; trống nếu không."
        ),
    )
    apologised = models.BooleanField(_("có phiếu xin lỗi"), default=False)
    digitised = models.BooleanField(_("có thành phần được số hóa"), default=False)

    class Meta:
        verbose_name = _("số liệu thống kê của hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "số liệu thống kê của hồ sơ")
        indexes = [
            models.Index(fields=["outcome", "ended_on"], name="report_fact_outcome"),
            models.Index(fields=["overdue_from"], name="report_fact_overdue"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.received_on} → {self.ended_on or '…'} {self.outcome}"


class PauseFact(models.Model):
    """A clock pause in local dates, clipped to the days the dossier was open: it is paused at the end of day
    ``e`` when ``started_on ≤ e < ended_on`` (``ended_on`` empty: still paused)."""

    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("hồ sơ"),
    )
    started_on = models.DateField(_("bắt đầu"))
    ended_on = models.DateField(_("kết thúc"), null=True)

    class Meta:
        verbose_name = _("tạm dừng (thống kê)")
        verbose_name_plural = pgettext_lazy("plural", "tạm dừng (thống kê)")

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.started_on} → {self.ended_on or '…'}"
