"""Agencies (cơ quan, đơn vị) with their electronic identifier (mã định danh), dated and linked to successors."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from motcua.core.dated import DatedModel
from motcua.org.models.admin_unit import AdministrativeUnit
from motcua.org.models.succession import Succession, check_no_overlap, check_parent


class AgencyKind(models.TextChoices):
    PROVINCIAL_COMMITTEE = "ubnd_tinh", "UBND tỉnh"
    PROVINCIAL_OFFICE = "van_phong_ubnd_tinh", "Văn phòng UBND tỉnh"
    DEPARTMENT = "so_ban_nganh", "Sở, ban, ngành"
    DIVISION = "phong_chuyen_mon", "Phòng chuyên môn"
    PROVINCIAL_CENTRE = "ttpvhcc_tinh", "Trung tâm Phục vụ hành chính công cấp tỉnh"
    COMMUNE_CENTRE = "ttpvhcc_xa", "Trung tâm Phục vụ hành chính công cấp xã"
    SERVICE_POINT = "diem_tiep_nhan", "Điểm tiếp nhận và trả kết quả"
    COMMUNE_COMMITTEE = "ubnd_xa", "UBND xã, phường, đặc khu"
    DISTRICT_COMMITTEE = "ubnd_huyen", "UBND huyện (đến 30/6/2025)"
    DISTRICT_ONE_STOP = "bp_mot_cua_huyen", "Bộ phận Tiếp nhận và Trả kết quả cấp huyện (đến 30/6/2025)"
    COMMUNE_ONE_STOP = "bp_mot_cua_xa", "Bộ phận Tiếp nhận và Trả kết quả cấp xã (đến 30/6/2025)"
    LAND_REGISTRY = "vp_dang_ky_dat_dai", "Văn phòng đăng ký đất đai"
    LAND_REGISTRY_BRANCH = "cn_vp_dang_ky_dat_dai", "Chi nhánh Văn phòng đăng ký đất đai"
    VERTICAL = "nganh_doc", "Cơ quan ngành dọc (Thuế, Công an, BHXH…)"
    OTHER = "khac", "Khác"


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
    CENTRAL = "central", "Trung ương, ngành dọc"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện (đến 30/6/2025)"
    COMMUNE = "commune", "Cấp xã"


def validate_identifier(value: str) -> None:
    if not re.fullmatch(settings.MOTCUA_AGENCY_IDENTIFIER_PATTERN, value or ""):
        raise ValidationError(
            "Mã định danh “%(value)s” không đúng định dạng (ví dụ hợp lệ: 000.00.06.H56).",
            code="identifier_format",
            params={"value": value},
        )


class Agency(DatedModel):
    identifier = models.CharField(
        "mã định danh",
        max_length=32,
        db_index=True,
        validators=[validate_identifier],
        help_text="Mã định danh điện tử theo QĐ 20/2020/QĐ-TTg (sửa đổi bởi QĐ 09/2025/QĐ-TTg), ví dụ 000.00.06.H56.",
    )
    name = models.CharField("tên", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    kind = models.CharField("loại cơ quan", max_length=32, choices=AgencyKind.choices)
    level = models.CharField("cấp", max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    admin_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name="địa bàn",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại cơ quan", max_length=50, blank=True)
    email = models.EmailField("thư điện tử cơ quan", blank=True)

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["identifier", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier", "valid_from"],
                name="agency_identifier_valid_from_unique",
                violation_error_message="Mã định danh đã có bản ghi bắt đầu hiệu lực cùng ngày.",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="agency_validity_ordered",
                violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
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
        check_no_overlap(self, "identifier", "Mã định danh")
        check_parent(self)


class AgencySuccession(Succession):
    predecessor = models.ForeignKey(
        Agency, verbose_name="cơ quan cũ", on_delete=models.PROTECT, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Agency, verbose_name="cơ quan kế thừa", on_delete=models.PROTECT, related_name="successions_in"
    )

    class Meta:
        verbose_name = "kế thừa cơ quan"
        verbose_name_plural = "kế thừa cơ quan"
        ordering = ["effective_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="agency_succession_unique",
                violation_error_message="Quan hệ kế thừa này đã được ghi nhận.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%d/%m/%Y})"
