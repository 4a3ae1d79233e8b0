"""A form's layout as versioned data (the layout language: ``motcua.documents.layout``).

A template is never overwritten: a change is a new row (``version`` + 1) valid from a date, and the previous one gets
its last day (``services.templates.new_version``). Forms issued earlier keep the version they were printed with, so
they re-print identically; new issuances take the version valid on their day.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from motcua.core.versions import Versioned, VersionLocked
from motcua.dossiers.choices import FormSet

TemplateLocked = VersionLocked


class FormTemplate(Versioned):
    KEY = ("form_set", "code")
    LOCKED = "Mẫu in không được sửa: mỗi thay đổi là một phiên bản mới."
    UNDELETABLE = "Mẫu in không được xóa: các giấy tờ đã in vẫn dùng phiên bản này."

    form_set = models.CharField(gettext_lazy("bộ biểu mẫu"), max_length=16, choices=FormSet.choices)
    code = models.CharField(gettext_lazy("số hiệu mẫu"), max_length=8, help_text=gettext_lazy("Ví dụ: 01."))
    title = models.CharField(gettext_lazy("tên mẫu"), max_length=200)
    layout = models.TextField(
        gettext_lazy("nội dung mẫu"),
        help_text=gettext_lazy(
            "Ngôn ngữ trình bày của biểu mẫu: mỗi dòng là một khối (@title, @kv, @item, @table, @sign…); giá trị "
            "của hồ sơ được chèn bằng {{ … }}. Xem hướng dẫn trong motcua/documents/layout.py."
        ),
    )

    class Meta:
        verbose_name = gettext_lazy("mẫu in")
        verbose_name_plural = pgettext_lazy("plural", "mẫu in")
        ordering = ["form_set", "code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["form_set", "code", "version"], name="form_template_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Mẫu {self.code} ({self.form_set}) — {self.title} — v{self.version}"

    def clean(self) -> None:
        from motcua.documents import official_forms
        from motcua.documents.layout import LayoutError
        from motcua.documents.services import samples

        self.clean_validity()
        spec = official_forms.spec(self.form_set, self.code)
        if spec is None or spec not in official_forms.TEMPLATED:
            raise ValidationError(
                {
                    "code": _("Bộ biểu mẫu này không có mẫu số “%(code)s” được in theo mẫu.")
                    % {"code": self.code}
                }
            )
        try:
            samples.check_layout(spec, self.layout or "")
        except LayoutError as exc:
            raise ValidationError({"layout": exc.message}) from None
