"""The daily roll-up the reports read: per local day × handling unit × receiving unit × field × channel, what
happened that day (events, additive over days) and how the stock of open dossiers changed (deltas: the stock at
the end of day ``e`` is the sum of the deltas of the days up to ``e``). It is exactly the sum of the per-dossier
events of :mod:`motcua.reports.services.sql`, kept so by ``services.rollup`` (see ARCHITECTURE.md, Reports)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Events of the day (flows)
FLOWS = (
    "received",  # accepted (tiếp nhận) that day
    "digitised",  # … of which with at least one digitised component
    "early",  # processing finished before the day of the original appointment
    "on_time",  # … on that day
    "late",  # … after it
    "late_apologised",  # … late, with an apology letter (Mẫu 04)
    "withdrawn",  # withdrawn at the citizen's request (status 7)
    "stopped",  # processing stopped (status 8)
    "refused",  # refused at reception (status 3; never counted as received)
)
# Changes of the end-of-day stock (deltas)
DELTAS = (
    "open_delta",  # open (accepted, not yet ended)
    "overdue_delta",  # open and past the original appointment's day
    "paused_delta",  # open and paused (supplement, financial obligation)
    "paused_overdue_delta",  # open, paused and past the appointment's day
)
COUNTERS = FLOWS + DELTAS
CELL = ("handling_id", "receiving_id", "field_id", "channel")


class DailyCount(models.Model):
    day = models.DateField(_("ngày"))
    handling_id = models.BigIntegerField(_("cơ quan giải quyết"))
    receiving_id = models.BigIntegerField(_("đơn vị tiếp nhận"))
    field_id = models.BigIntegerField(_("lĩnh vực"))
    channel = models.CharField(_("kênh nộp"), max_length=1)
    received = models.IntegerField(default=0)
    digitised = models.IntegerField(default=0)
    early = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    late = models.IntegerField(default=0)
    late_apologised = models.IntegerField(default=0)
    withdrawn = models.IntegerField(default=0)
    stopped = models.IntegerField(default=0)
    refused = models.IntegerField(default=0)
    open_delta = models.IntegerField(default=0)
    overdue_delta = models.IntegerField(default=0)
    paused_delta = models.IntegerField(default=0)
    paused_overdue_delta = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tổng hợp theo ngày")
        verbose_name_plural = pgettext_lazy("plural", "số liệu tổng hợp theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["day", *CELL], name="report_daily_cell"),
        ]
        indexes = [models.Index(fields=["handling_id", "day"], name="report_daily_handling")]

    def __str__(self) -> str:
        return f"{self.day} {self.handling_id}/{self.receiving_id}/{self.field_id}/{self.channel}"
