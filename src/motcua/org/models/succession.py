"""What the dated registries share: successions between records, and the checks on a record's place in time."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import overlaps_q


class SuccessionKind(models.TextChoices):
    RENAME = "rename", _("Đổi tên")
    MERGE = "merge", _("Hợp nhất, sáp nhập")
    SPLIT = "split", _("Chia tách")
    ABOLISH = "abolish", _("Giải thể, kết thúc hoạt động (chuyển giao nhiệm vụ)")


class Succession(models.Model):
    """``predecessor`` ceased and ``successor`` took over on ``effective_date``.

    A merge is several rows with the same successor; a split, several rows with the same predecessor.
    """

    kind = models.CharField(_("hình thức"), max_length=16, choices=SuccessionKind.choices)
    effective_date = models.DateField(_("ngày có hiệu lực"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=500)

    class Meta:
        abstract = True

    def clean(self) -> None:
        errors = {}
        pred, succ = getattr(self, "predecessor", None), getattr(self, "successor", None)
        if pred is None or succ is None:
            return
        if pred.pk == succ.pk:
            errors["successor"] = gettext("Đơn vị kế thừa phải khác đơn vị cũ.")
        if self.effective_date:
            if self.effective_date <= pred.valid_from:
                errors["effective_date"] = gettext(
                    "Ngày hiệu lực phải sau ngày đơn vị cũ bắt đầu hoạt động (%(day)s)."
                ) % {"day": pred.valid_from.strftime("%d/%m/%Y")}
            elif pred.valid_to is not None and pred.valid_to >= self.effective_date:
                errors["effective_date"] = gettext(
                    "Đơn vị cũ còn hiệu lực đến %(end)s, sau ngày kế thừa %(day)s."
                ) % {
                    "end": pred.valid_to.strftime("%d/%m/%Y"),
                    "day": self.effective_date.strftime("%d/%m/%Y"),
                }
            if not succ.is_valid_on(self.effective_date):
                errors["successor"] = gettext("Đơn vị kế thừa không có hiệu lực vào ngày %(day)s.") % {
                    "day": self.effective_date.strftime("%d/%m/%Y")
                }
        if errors:
            raise ValidationError(errors)


def check_no_overlap(record, key_field: str, label: str) -> None:
    """Raise if another record with the same key is valid on any day of ``record``'s validity."""
    key = getattr(record, key_field)
    if not key or not record.valid_from:
        return
    clash = (
        type(record)
        .objects.filter(**{key_field: key})
        .filter(overlaps_q(record.valid_from, record.valid_to))
        .exclude(pk=record.pk)
        .first()
    )
    if clash:
        raise ValidationError(
            {
                key_field: gettext(
                    "%(label)s %(key)s đã được dùng cho “%(name)s” trong thời gian %(period)s, "
                    "trùng với thời gian hiệu lực này."
                )
                % {"label": label, "key": key, "name": clash.name, "period": clash.validity_label()}
            }
        )


def check_parent(record, parent_field: str = "parent") -> None:
    """A record may not be its own ancestor (a cycle would make every tree walk loop forever)."""
    parent = getattr(record, parent_field)
    seen = set()
    while parent is not None:
        if record.pk is not None and parent.pk == record.pk:
            raise ValidationError(
                {
                    parent_field: gettext(
                        "Đơn vị cấp trên tạo thành vòng lặp (đơn vị là cấp trên của chính nó)."
                    )
                }
            )
        if parent.pk in seen:  # a cycle already stored further up: refuse rather than loop
            raise ValidationError({parent_field: gettext("Chuỗi đơn vị cấp trên có vòng lặp.")})
        seen.add(parent.pk)
        parent = getattr(parent, parent_field)
