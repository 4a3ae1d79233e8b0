"""A unit's official working sessions, dated: a timetable is in force from ``valid_from`` until the next one."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.org.models.agency import Agency


class WorkingHours(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="working_hours"
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    morning_start = models.TimeField(_("sáng từ"), default=dt.time(7, 30))
    morning_end = models.TimeField(_("sáng đến"), default=dt.time(11, 30))
    afternoon_start = models.TimeField(_("chiều từ"), default=dt.time(13, 30))
    afternoon_end = models.TimeField(_("chiều đến"), default=dt.time(17, 0))
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)  # lets process caches see changes

    class Meta:
        verbose_name = _("giờ làm việc")
        verbose_name_plural = _("giờ làm việc")
        ordering = ["agency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "valid_from"],
                name="working_hours_agency_from_unique",
                violation_error_message=_("Cơ quan đã có lịch làm việc áp dụng từ ngày này."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(sessions)s (từ %(day)s)") % {
            "sessions": self.sessions_label(),
            "day": f"{self.valid_from:%d/%m/%Y}",
        }

    @property
    def sessions(self) -> tuple[tuple[dt.time, dt.time], tuple[dt.time, dt.time]]:
        return (self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end)

    def sessions_label(self) -> str:
        return ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in self.sessions)

    def clean(self) -> None:
        errors = {}
        if None in (self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end):
            return
        if self.morning_end <= self.morning_start:
            errors["morning_end"] = gettext("Buổi sáng phải kết thúc sau khi bắt đầu.")
        if self.afternoon_end <= self.afternoon_start:
            errors["afternoon_end"] = gettext("Buổi chiều phải kết thúc sau khi bắt đầu.")
        if not errors and self.afternoon_start < self.morning_end:
            errors["afternoon_start"] = gettext("Buổi chiều phải bắt đầu sau khi buổi sáng kết thúc.")
        if errors:
            raise ValidationError(errors)
