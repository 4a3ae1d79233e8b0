"""The citizen's (or organisation's) account on the portal: a Django user plus the identity the portal knows.

An account is created by signing in through the national e-identity (VNeID, OpenID Connect: the identity is
*verified*, ``id_verified``) or by a local e-mail + password sign-up (the identity is only *declared*). What an account
may see follows from that (``motcua.dossiers.services.ownership``): the dossiers it submitted, and — only for a
verified identity — every dossier whose applicant has the same personal identification number.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core import people
from motcua.dossiers.choices import ApplicantKind


class Citizen(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="citizen",
    )
    kind = models.CharField(
        _("loại đối tượng"), max_length=1, choices=ApplicantKind.choices, default=ApplicantKind.CITIZEN
    )
    full_name = models.CharField(_("họ tên / tên tổ chức"), max_length=255)
    id_number = models.CharField(_("số định danh / mã số"), max_length=20, blank=True, db_index=True)
    id_verified = models.BooleanField(
        _("đã xác thực định danh"),
        default=False,
        help_text=_("Định danh do nhà cung cấp định danh điện tử (VNeID) xác nhận, không phải tự khai."),
    )
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    email_verified_at = models.DateTimeField(_("xác nhận thư điện tử lúc"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    oidc_issuer = models.CharField(_("nhà cung cấp định danh"), max_length=255, blank=True)
    oidc_subject = models.CharField(_("mã định danh tại nhà cung cấp"), max_length=255, blank=True)
    # The channels the citizen is told on of their dossiers' events (motcua.messaging); Zalo needs a phone with Zalo.
    notify_email = models.BooleanField(_("nhận thông báo qua thư điện tử"), default=True, db_default=True)
    notify_sms = models.BooleanField(_("nhận thông báo qua tin nhắn SMS"), default=True, db_default=True)
    notify_zalo = models.BooleanField(_("nhận thông báo qua Zalo"), default=False, db_default=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("tài khoản công dân, tổ chức")
        verbose_name_plural = pgettext_lazy("plural", "tài khoản công dân, tổ chức")
        constraints = [
            models.UniqueConstraint(
                fields=["oidc_issuer", "oidc_subject"],
                condition=~models.Q(oidc_subject=""),
                name="citizen_oidc_identity_unique",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        """The rules of ``core.people``: the name, the number (a verified one is a số định danh cá nhân; a declared
        one may be an old 9-digit CMND, or empty), birth date, phone, address; normalised values are kept."""
        values = people.check_person(
            kind=self.kind,
            name=self.full_name,
            id_number=self.id_number or None,  # blank: no number declared
            birth_date=self.birth_date,
            phone=self.phone,
            address=self.address,
            declared_id=not self.id_verified and self.kind == ApplicantKind.CITIZEN,
        )
        values["full_name"] = values.pop("name")
        for name, value in values.items():
            setattr(self, name, value)
