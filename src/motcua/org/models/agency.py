"""Agencies (cơ quan, đơn vị) with their electronic identifier (mã định danh), dated and linked to successors."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import DatedModel
from motcua.org.models.admin_unit import AdministrativeUnit
from motcua.org.models.succession import Succession, check_no_overlap, check_parent


class AgencyKind(models.TextChoices):
    PROVINCIAL_COMMITTEE = "ubnd_tinh", _("UBND tỉnh")
    PROVINCIAL_OFFICE = "van_phong_ubnd_tinh", _("Văn phòng UBND tỉnh")
    DEPARTMENT = "so_ban_nganh", _("Sở, ban, ngành")
    DIVISION = "phong_chuyen_mon", _("Phòng chuyên môn")
    PROVINCIAL_CENTRE = "ttpvhcc_tinh", _("Trung tâm Phục vụ hành chính công cấp tỉnh")
    COMMUNE_CENTRE = "ttpvhcc_xa", _("Trung tâm Phục vụ hành chính công cấp xã")
    SERVICE_POINT = "diem_tiep_nhan", _("Điểm tiếp nhận và trả kết quả")
    COMMUNE_COMMITTEE = "ubnd_xa", _("UBND xã, phường, đặc khu")
    DISTRICT_COMMITTEE = "ubnd_huyen", _("UBND huyện (đến 30/6/2025)")
    DISTRICT_ONE_STOP = "bp_mot_cua_huyen", _("Bộ phận Tiếp nhận và Trả kết quả cấp huyện (đến 30/6/2025)")
    COMMUNE_ONE_STOP = "bp_mot_cua_xa", _("Bộ phận Tiếp nhận và Trả kết quả cấp xã (đến 30/6/2025)")
    LAND_REGISTRY = "vp_dang_ky_dat_dai", _("Văn phòng đăng ký đất đai")
    LAND_REGISTRY_BRANCH = "cn_vp_dang_ky_dat_dai", _("Chi nhánh Văn phòng đăng ký đất đai")
    VERTICAL = "nganh_doc", _("Cơ quan ngành dọc (Thuế, Công an, BHXH…)")
    OTHER = "khac", _("Khác")


# Agencies whose counters receive and return dossiers (Bộ phận Một cửa).
ONE_STOP_KINDS = frozenset(
    {
        AgencyKind.PROVINCIAL_CENTRE,
        AgencyKind.COMMUNE_CENTRE,
        AgencyKind.SERVICE_POINT,
        AgencyKind.DISTRICT_ONE_STOP,
        AgencyKind.COMMUNE_ONE_STOP,
    }
)


class AgencyLevel(models.TextChoices):
    CENTRAL = "central", _("Trung ương, ngành dọc")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện (đến 30/6/2025)")
    COMMUNE = "commune", _("Cấp xã")


def validate_identifier(value: str) -> None:
    if not re.fullmatch(settings.MOTCUA_AGENCY_IDENTIFIER_PATTERN, value or ""):
        raise ValidationError(
            gettext("Mã định danh “%(value)s” không đúng định dạng (ví dụ hợp lệ: 000.00.06.H56)."),
            code="identifier_format",
            params={"value": value},
        )


class Agency(DatedModel):
    identifier = models.CharField(
        _("mã định danh"),
        max_length=32,
        db_index=True,
        validators=[validate_identifier],
        help_text=_(
            "Mã định danh điện tử theo QĐ 20/2020/QĐ-TTg (sửa đổi bởi QĐ 09/2025/QĐ-TTg), ví dụ 000.00.06.H56."
        ),
    )
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    kind = models.CharField(_("loại cơ quan"), max_length=32, choices=AgencyKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    admin_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại cơ quan"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử cơ quan"), blank=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)  # lets process caches see changes

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "cơ quan, đơn vị")
        ordering = ["identifier", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "valid_from"],
                name="agency_identifier_valid_from_unique",
                violation_error_message=_("Mã định danh đã có bản ghi bắt đầu hiệu lực cùng ngày."),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="agency_validity_ordered",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]
        indexes = [models.Index(fields=["parent", "valid_from"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_one_stop(self) -> bool:
        return self.kind in ONE_STOP_KINDS

    def clean(self) -> None:
        self.clean_validity()
        check_no_overlap(self, "identifier", gettext("Mã định danh"))
        check_parent(self)


class AgencySuccession(Succession):
    predecessor = models.ForeignKey(
        Agency, verbose_name=_("cơ quan cũ"), on_delete=models.PROTECT, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Agency, verbose_name=_("cơ quan kế thừa"), on_delete=models.PROTECT, related_name="successions_in"
    )

    class Meta:
        verbose_name = _("kế thừa cơ quan")
        verbose_name_plural = pgettext_lazy("plural", "kế thừa cơ quan")
        ordering = ["effective_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="agency_succession_unique",
                violation_error_message=_("Quan hệ kế thừa này đã được ghi nhận."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%d/%m/%Y})"
