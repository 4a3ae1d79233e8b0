"""Records that the law versions by validity dates.

A dated record is valid from ``valid_from`` through ``valid_to`` inclusive (``valid_to`` empty: still valid).
History is never overwritten: a change in law is a new record, and the old one gets its last day.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def today() -> dt.date:
    """Today in the project's time zone (Asia/Ho_Chi_Minh), not in UTC."""
    return timezone.localdate()


def parse_day(value: str | None) -> tuple[dt.date, str | None]:
    """A dd/mm/yyyy (or ISO) query value; falls back to today with an error message when malformed."""
    if not value:
        return today(), None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date(), None
        except ValueError:
            continue
    return today(), _(
        "Ngày “%(value)s” không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (ví dụ 01/07/2025)."
    ) % {"value": value}


def valid_on_q(on: dt.date, prefix: str = "") -> Q:
    """Q object selecting records valid on ``on``; ``prefix`` reaches a related record (``"agency__"``)."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def overlaps_q(valid_from: dt.date, valid_to: dt.date | None) -> Q:
    """Q object selecting records whose validity overlaps [valid_from, valid_to]."""
    q = Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from)
    if valid_to is not None:
        q &= Q(valid_from__lte=valid_to)
    return q


class DatedQuerySet(models.QuerySet):
    def valid_on(self, on: dt.date | None = None):
        return self.filter(valid_on_q(on or today()))


class DatedModel(models.Model):
    valid_from = models.DateField(gettext_lazy("hiệu lực từ ngày"))
    valid_to = models.DateField(
        gettext_lazy("hiệu lực đến hết ngày"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Để trống nếu còn hiệu lực."),
    )

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or self.valid_to >= on)

    def clean_validity(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {
                    "valid_to": _("Ngày hết hiệu lực (%(end)s) trước ngày bắt đầu hiệu lực (%(start)s).")
                    % {
                        "end": self.valid_to.strftime("%d/%m/%Y"),
                        "start": self.valid_from.strftime("%d/%m/%Y"),
                    }
                }
            )

    def validity_label(self) -> str:
        start = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else "?"
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else _("nay")
        return f"{start} – {end}"
