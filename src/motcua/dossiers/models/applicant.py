"""The applicant (chủ hồ sơ) and the representative (người được ủy quyền): people and organisations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core import people
from motcua.dossiers.choices import ApplicantKind


class Verification(models.TextChoices):
    """How the identity (name, number, birth date) of an applicant record was verified; only a verified record's
    identity may be reused for another dossier (``dossiers.services.registry``)."""

    DECLARED = "", _("Tự khai, chưa xác thực")
    VNEID = "vneid", _("Xác thực qua VNeID")
    COUNTER = "counter", _("Công chức đối chiếu giấy tờ tại Bộ phận Một cửa")


class Applicant(models.Model):
    kind = models.CharField(
        _("loại đối tượng"), max_length=1, choices=ApplicantKind.choices, default=ApplicantKind.CITIZEN
    )
    name = models.CharField(_("họ tên / tên tổ chức"), max_length=255)
    id_number = models.CharField(
        _("số định danh / mã số"),
        max_length=20,
        help_text=_("Công dân: số định danh cá nhân 12 chữ số; tổ chức: mã số doanh nghiệp hoặc mã số thuế."),
    )
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    verified_via = models.CharField(
        _("xác thực danh tính"),
        max_length=8,
        choices=Verification.choices,
        default="",
        db_default="",  # rows written by bulk SQL (the generator, imports) are declared unless they say otherwise
        blank=True,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác thực"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Công chức đã đối chiếu giấy tờ, hoặc tài khoản VNeID của chính người nộp."),
    )
    verified_at = models.DateTimeField(_("thời điểm xác thực"), null=True, blank=True)

    class Meta:
        verbose_name = _("người nộp hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "người nộp hồ sơ")
        # Looked up by the exact number only. A Meta index, not db_index: on PostgreSQL db_index adds a second,
        # pattern-ops index for LIKE that nothing uses, and every new applicant lands at a random place in both.
        indexes = [models.Index(fields=["id_number"], name="applicant_id_number")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The rules of ``core.people`` (ID number by kind, name, birth date and its year against the ID number,
        phone, address), every problem at once keyed by field; the normalised values replace what was given."""
        values = people.check_person(
            kind=self.kind,
            name=self.name,
            id_number=self.id_number,
            birth_date=self.birth_date,
            phone=self.phone,
            address=self.address,
        )
        for name, value in values.items():
            setattr(self, name, value)

    @property
    def is_verified(self) -> bool:
        return self.verified_via != Verification.DECLARED

    @property
    def masked_name(self) -> str:
        """“Nguyễn V. A.”: the form shown on public pages (no personal data beyond this)."""
        parts = self.name.split()
        if len(parts) <= 1 or self.kind != ApplicantKind.CITIZEN:
            return self.name
        return " ".join([parts[0], *[p[0] + "." for p in parts[1:]]])
