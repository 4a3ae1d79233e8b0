"""The search index: one row per procedure with the folded text of its current version.

The row is plain Django; each backend adds its own full-text machinery in migration ``0002_search_index``:
SQLite an FTS5 table kept in sync by triggers, PostgreSQL pg_trgm and full-text GIN indexes. The text is folded
in Python (``motcua.catalog.search.index_text``) so that both backends index exactly the same tokens.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.models.procedure import Procedure


class ProcedureSearchEntry(models.Model):
    procedure = models.OneToOneField(
        Procedure,
        verbose_name=_("thủ tục"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    version = models.ForeignKey(
        "catalog.ProcedureVersion",
        verbose_name=_("phiên bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code = models.CharField(_("mã thủ tục"), max_length=16, db_index=True)
    name = models.CharField(_("tên thủ tục"), max_length=1000)
    field_name = models.CharField(_("lĩnh vực"), max_length=255, blank=True)
    # Folded text: tokens of [a-z0-9] separated by single spaces; name_text and field_text padded with a space at
    # both ends so that “whole token” is LIKE '% tok %' on PostgreSQL.
    name_text = models.TextField(_("tên (đã chuẩn hóa)"))
    field_text = models.TextField(_("lĩnh vực (đã chuẩn hóa)"), blank=True)
    body_text = models.TextField(_("nội dung (đã chuẩn hóa)"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("chỉ mục tìm kiếm thủ tục")
        verbose_name_plural = pgettext_lazy("plural", "chỉ mục tìm kiếm thủ tục")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code
