"""The personal-data access log (Nghị định 13/2023/NĐ-CP): one row per request in which an officer read personal
data — who, when, acting for which unit, which records, why, and through which page or API.

It lives in ``org``, the lowest app that can hold it: a read names the officer and the unit they acted for (an
``Agency``) and is scoped for leaders by units (``org.permissions``); ``core`` knows no units. The records read
belong to apps above ``org`` (dossiers, applicants, PAKN senders, citizen accounts), so they are named by kind and
id (``records``: tokens `` dossier:12 applicant:34 `` — spaces around each, so `` dossier:12 `` finds exactly
one; a book export names its rows by code, ``code:…``), never by foreign keys, and the units that hold them are kept as tokens
(``subject_units``: ``|3|7|``) so that a unit's leaders find the reads of their unit's dossiers. Append-only: the
model refuses updates and deletes; the admin is read-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RecordKind(models.TextChoices):
    APPLICANT = "applicant", _("Người nộp hồ sơ")
    DOSSIER = "dossier", _("Hồ sơ")
    PAKN_SENDER = "pakn_sender", _("Người gửi phản ánh, kiến nghị")
    CITIZEN = "citizen", _("Tài khoản công dân")


class ReadPurpose(models.TextChoices):
    INTAKE_LOOKUP = "intake_lookup", _("Tra cứu người nộp khi tiếp nhận hồ sơ")
    HANDLING = "handling", _("Tiếp nhận, giải quyết hồ sơ")
    PAKN = "pakn", _("Xử lý phản ánh, kiến nghị")
    PRINT = "print", _("In, tải biểu mẫu của hồ sơ")
    REGISTER = "register", _("Xuất sổ theo dõi hồ sơ")


class PersonalDataReadError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    """No bulk update or delete either: a row, once written, stays as it was."""

    def update(self, **kwargs):
        raise PersonalDataReadError(_("Nhật ký xem dữ liệu cá nhân không được sửa."))

    def delete(self):
        raise PersonalDataReadError(_("Nhật ký xem dữ liệu cá nhân không được xóa."))


class PersonalDataRead(models.Model):
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    acting_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Đơn vị mà cán bộ nhân danh khi xem (nơi giữ vai trò cho phép xem)."),
    )
    record_kind = models.CharField(_("loại dữ liệu"), max_length=16, choices=RecordKind.choices)
    records = models.TextField(
        _("bản ghi"), help_text=_("Dạng “ dossier:12 applicant:34 ” (mỗi mục có dấu cách hai bên).")
    )
    label = models.CharField(
        _("nội dung"), max_length=1000, help_text=_("Mã hồ sơ, phản ánh hoặc người được xem.")
    )
    subject_units = models.CharField(_("đơn vị giữ dữ liệu"), max_length=1000, blank=True, default="")
    purpose = models.CharField(_("mục đích"), max_length=16, choices=ReadPurpose.choices)
    via = models.CharField(_("qua trang / API"), max_length=200)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt xem dữ liệu cá nhân")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký xem dữ liệu cá nhân")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["at"], name="pdread_at"),
            models.Index(fields=["user", "at"], name="pdread_user_at"),
            models.Index(fields=["acting_agency", "at"], name="pdread_agency_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PersonalDataReadError(_("Nhật ký xem dữ liệu cá nhân không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PersonalDataReadError(_("Nhật ký xem dữ liệu cá nhân không được xóa."))
