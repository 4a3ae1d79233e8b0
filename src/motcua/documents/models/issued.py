"""A form issued to a dossier by a transition: the values it prints, frozen at issuance, and its files."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.dossiers.choices import FormSet


def form_file_path(instance, filename: str) -> str:
    """``forms/<yyyy>/<mm>/<uuid>.<ext>``: never a name given by a user."""
    extension = filename.rpartition(".")[2].lower() if "." in filename else "bin"
    now = timezone.localtime()
    return f"forms/{now:%Y}/{now:%m}/{uuid.uuid4().hex}.{extension}"


class IssuedForm(models.Model):
    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="issued_forms"
    )
    form_set = models.CharField(_("bộ biểu mẫu"), max_length=16, choices=FormSet.choices)
    code = models.CharField(_("số hiệu mẫu"), max_length=8)
    kind = models.CharField(_("loại giấy tờ"), max_length=16)
    title = models.CharField(_("tên mẫu"), max_length=200)
    entry = models.ForeignKey(
        "dossiers.ProcessLogEntry",
        verbose_name=_("thao tác đã lập"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("thời điểm lập"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    template = models.ForeignKey(
        "documents.FormTemplate",
        verbose_name=_("mẫu in (phiên bản)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(
        _("nội dung in"), default=dict, help_text=_("Mọi giá trị in trên giấy, lấy lúc lập.")
    )
    pdf = models.FileField(_("bản PDF"), upload_to=form_file_path, max_length=200, blank=True)
    docx = models.FileField(_("bản Word"), upload_to=form_file_path, max_length=200, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("giấy tờ đã lập")
        verbose_name_plural = pgettext_lazy("plural", "giấy tờ đã lập")
        ordering = ["dossier_id", "issued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "form_set", "code"], name="issued_form_once_per_entry")
        ]
        indexes = [models.Index(fields=["dossier", "issued_at"], name="issued_form_dossier")]

    def __str__(self) -> str:
        return f"Mẫu {self.code} — {self.title} ({self.dossier_id})"

    @property
    def is_live(self) -> bool:
        """The control sheet grows with the process log: it is rendered at each print, never stored."""
        from motcua.documents.official_forms import Kind

        return self.kind == Kind.CONTROL
