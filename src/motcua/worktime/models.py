"""Stored corrections of the working calendar, edited by TTHC controllers in the admin.

The ``holidays`` package supplies the national calendar; a :class:`CalendarOverride` row replaces whatever the
package says about its date: it adds a day off (holiday, compensatory day, swap, local day off), makes a day a
working day (a make-up Saturday), or cancels a package day off (kind ``workday``). A row with an agency applies
only to that unit and its subunits (a local day off); rows without an agency apply everywhere.

Appointments already given are stored values: changing the calendar never moves them (SPEC §8.2).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.worktime.engine.vietnam import DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR
from motcua.worktime.engine.work_calendar import DayKind, SpecialDay


class DayKindChoices(models.TextChoices):
    """The engine's day kinds with translatable labels. The Vietnamese texts repeat ``DAY_KIND_LABELS`` of the
    engine (which must not import Django); a test checks that the two stay the same."""

    HOLIDAY = DayKind.HOLIDAY.value, _("Nghỉ lễ, Tết")
    COMPENSATORY = DayKind.COMPENSATORY.value, _("Nghỉ bù")
    SWAP_OFF = DayKind.SWAP_OFF.value, _("Nghỉ hoán đổi")
    MAKEUP_WORKDAY = DayKind.MAKEUP_WORKDAY.value, _("Làm bù")
    LOCAL_OFF = DayKind.LOCAL_OFF.value, _("Nghỉ riêng của địa phương, đơn vị")
    WORKDAY = DayKind.WORKDAY.value, _("Ngày làm việc (điều chỉnh)")


class CalendarOverride(models.Model):
    date = models.DateField(_("ngày"), db_index=True)
    kind = models.CharField(
        _("loại ngày"),
        max_length=20,
        choices=DayKindChoices.choices,
        help_text=_(
            "“Ngày làm việc (điều chỉnh)” hủy một ngày nghỉ do thư viện ngày lễ đưa ra; "
            "“Làm bù” biến một ngày thứ Bảy, Chủ nhật thành ngày làm việc."
        ),
    )
    name = models.CharField(
        _("tên gọi"), max_length=200, help_text=_("Ví dụ: Nghỉ bù Quốc khánh, Làm bù ngày 02/05.")
    )
    source_doc = models.CharField(
        _("căn cứ pháp lý"),
        max_length=300,
        help_text=_("Số, ngày, cơ quan ban hành văn bản (ví dụ: Thông báo số …/TB-BNV ngày …)."),
    )
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("áp dụng riêng cho cơ quan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_overrides",
        help_text=_(
            "Để trống: áp dụng cho toàn tỉnh. Chọn cơ quan: chỉ áp dụng cho cơ quan đó và các đơn vị trực thuộc."
        ),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("điều chỉnh lịch làm việc")
        verbose_name_plural = _("điều chỉnh lịch làm việc (ngày nghỉ, làm bù)")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "agency"],
                name="calendar_override_date_agency_unique",
                violation_error_message=_("Ngày này đã có điều chỉnh cho cùng phạm vi áp dụng."),
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=models.Q(agency__isnull=True),
                name="calendar_override_date_global_unique",
                violation_error_message=_("Ngày này đã có điều chỉnh áp dụng cho toàn tỉnh."),
            ),
        ]

    def __str__(self) -> str:
        scope = f" – {self.agency}" if self.agency_id else ""
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()} – {self.name}{scope}"

    def clean(self) -> None:
        if self.date and self.kind == DayKind.MAKEUP_WORKDAY and self.date.weekday() < 5:
            raise ValidationError(
                {
                    "kind": gettext(
                        "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; để hủy một ngày nghỉ, "
                        "chọn “Ngày làm việc (điều chỉnh)”."
                    )
                }
            )
        if self.date and not (DEFAULT_FIRST_YEAR <= self.date.year <= DEFAULT_LAST_YEAR):
            raise ValidationError(
                {
                    "date": gettext("Lịch làm việc chỉ quản lý các năm %(first)s–%(last)s.")
                    % {"first": DEFAULT_FIRST_YEAR, "last": DEFAULT_LAST_YEAR}
                }
            )

    def to_special_day(self) -> SpecialDay:
        return SpecialDay(self.date, DayKind(self.kind), self.name, self.source_doc)
