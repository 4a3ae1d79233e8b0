"""Administrative units (đơn vị hành chính): tỉnh, xã/phường/đặc khu and the historical huyện (SPEC §9.2)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import DatedModel
from motcua.org.models.succession import Succession, check_no_overlap, check_parent

ADMIN_UNIT_CODE_RE = re.compile(r"^\d{2,5}$")


class AdminLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện (đến 30/6/2025)")
    COMMUNE = "commune", _("Cấp xã")


class AdminUnitKind(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    CENTRAL_CITY = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
    DISTRICT = "huyen", _("Huyện")
    URBAN_DISTRICT = "quan", _("Quận")
    TOWN = "thi_xa", _("Thị xã")
    PROVINCIAL_CITY = "thanh_pho", _("Thành phố thuộc tỉnh")
    COMMUNE = "xa", _("Xã")
    WARD = "phuong", _("Phường")
    TOWNSHIP = "thi_tran", _("Thị trấn")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")


LEVEL_OF_KIND = {
    AdminUnitKind.PROVINCE: AdminLevel.PROVINCE,
    AdminUnitKind.CENTRAL_CITY: AdminLevel.PROVINCE,
    AdminUnitKind.DISTRICT: AdminLevel.DISTRICT,
    AdminUnitKind.URBAN_DISTRICT: AdminLevel.DISTRICT,
    AdminUnitKind.TOWN: AdminLevel.DISTRICT,
    AdminUnitKind.PROVINCIAL_CITY: AdminLevel.DISTRICT,
    AdminUnitKind.COMMUNE: AdminLevel.COMMUNE,
    AdminUnitKind.WARD: AdminLevel.COMMUNE,
    AdminUnitKind.TOWNSHIP: AdminLevel.COMMUNE,
    AdminUnitKind.SPECIAL_ZONE: AdminLevel.COMMUNE,
}
LEVEL_RANK = {AdminLevel.PROVINCE: 1, AdminLevel.DISTRICT: 2, AdminLevel.COMMUNE: 3}


class AdministrativeUnit(DatedModel):
    code = models.CharField(_("mã đơn vị hành chính"), max_length=5, db_index=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=16, choices=AdminUnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = pgettext_lazy("plural", "đơn vị hành chính")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="admin_unit_code_valid_from_unique",
                violation_error_message=_("Mã đơn vị hành chính đã có bản ghi bắt đầu cùng ngày."),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="admin_unit_validity_ordered",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> str:
        return LEVEL_OF_KIND[AdminUnitKind(self.kind)]

    def clean(self) -> None:
        self.clean_validity()
        if self.code and not ADMIN_UNIT_CODE_RE.match(self.code):
            raise ValidationError(
                {"code": gettext("Mã đơn vị hành chính chỉ gồm 2 đến 5 chữ số (ví dụ 38, 14845).")}
            )
        check_no_overlap(self, "code", gettext("Mã đơn vị hành chính"))
        check_parent(self)
        if self.parent is not None and self.kind and LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level]:
            raise ValidationError({"parent": gettext("Đơn vị cấp trên phải ở cấp cao hơn đơn vị này.")})


class AdministrativeUnitSuccession(Succession):
    predecessor = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị cũ"),
        on_delete=models.PROTECT,
        related_name="successions_out",
    )
    successor = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.PROTECT,
        related_name="successions_in",
    )

    class Meta:
        verbose_name = _("sắp xếp đơn vị hành chính")
        verbose_name_plural = pgettext_lazy("plural", "sắp xếp đơn vị hành chính")
        ordering = ["effective_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="admin_unit_succession_unique",
                violation_error_message=_("Quan hệ kế thừa này đã được ghi nhận."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%d/%m/%Y})"
