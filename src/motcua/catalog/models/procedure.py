"""A procedure (thủ tục hành chính) is an identity — its code — with dated versions that carry all its content."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

PROCEDURE_CODE_RE = re.compile(r"^\d\.\d{6}$")


def validate_procedure_code(value: str) -> None:
    if not PROCEDURE_CODE_RE.match(value or ""):
        raise ValidationError(
            gettext(
                "Mã thủ tục “%(value)s” không đúng định dạng của Cơ sở dữ liệu quốc gia về TTHC (ví dụ 1.004222)."
            ),
            code="procedure_code",
            params={"value": value},
        )


class ProcedureField(models.Model):
    """Lĩnh vực: the field a procedure belongs to (Hộ tịch, Đất đai, …)."""

    code = models.CharField(_("mã lĩnh vực"), max_length=32, blank=True, db_index=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=255, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = pgettext_lazy("plural", "lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    code = models.CharField(_("mã thủ tục"), max_length=16, unique=True, validators=[validate_procedure_code])
    current_version = models.ForeignKey(
        "catalog.ProcedureVersion",
        verbose_name=_("phiên bản đang có hiệu lực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Phiên bản đã công bố có hiệu lực hôm nay; do hệ thống cập nhật khi công bố."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = pgettext_lazy("plural", "thủ tục hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.current_version.name}" if self.current_version_id else self.code
