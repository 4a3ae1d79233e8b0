"""A version of a procedure: everything ND 63/2010 Art. 8 requires to be published, valid between two dates.

A published version is never edited: a change is a new version (``services.new_draft`` copies the current one),
and a dossier keeps the version it was received under.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import NonBoundary, OnlineLevel, PauseMode, ProcedureKind, VersionState
from motcua.catalog.models.procedure import Procedure, ProcedureField

# Fields a published version may still change: closing its validity when a successor is published.
MUTABLE_AFTER_PUBLISH = frozenset({"valid_to", "state"})


class PublishedVersionError(ValidationError):
    pass


class ProcedureVersion(models.Model):
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản số"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=VersionState.choices, default=VersionState.DRAFT
    )
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến hết ngày"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định công bố"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định công bố"), null=True, blank=True)

    name = models.CharField(_("tên thủ tục"), max_length=1000)
    field = models.ForeignKey(
        ProcedureField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
    )
    levels = models.JSONField(
        _("cấp thực hiện"),
        default=list,
        blank=True,
        help_text=_("Danh sách mã cấp: ministry, province, district, commune, other."),
    )
    kind = models.CharField(
        _("loại thủ tục"), max_length=16, choices=ProcedureKind.choices, default=ProcedureKind.STANDARD
    )
    subjects = models.TextField(_("đối tượng thực hiện"), blank=True)
    competent_agency = models.TextField(_("cơ quan có thẩm quyền"), blank=True)
    implementing_agency = models.TextField(_("cơ quan thực hiện"), blank=True)
    authorized_agency = models.TextField(_("cơ quan được ủy quyền"), blank=True)
    coordinating_agency = models.TextField(_("cơ quan phối hợp"), blank=True)
    receiving_place = models.TextField(_("địa chỉ tiếp nhận hồ sơ"), blank=True)
    steps = models.TextField(_("trình tự thực hiện"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện thực hiện"), blank=True)
    related_procedures = models.TextField(_("thủ tục liên quan"), blank=True)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=16,
        choices=OnlineLevel.choices,
        default=OnlineLevel.INFORMATION,
    )
    non_boundary = models.CharField(
        _("tiếp nhận không phụ thuộc địa giới"),
        max_length=16,
        choices=NonBoundary.choices,
        default=NonBoundary.NONE,
    )

    supplement_clock = models.CharField(
        _("tính thời gian khi bổ sung hồ sơ"),
        max_length=8,
        choices=PauseMode.choices,
        default=PauseMode.PAUSE,
        help_text=_("Theo quy định của thủ tục (SPEC §8.5): mặc định tạm dừng."),
    )
    source = models.CharField(
        _("nguồn"), max_length=32, blank=True, help_text=_("dvcqg_jsonl, dvcqg_json hoặc manual.")
    )
    source_url = models.URLField(_("địa chỉ nguồn"), max_length=500, blank=True)
    content_hash = models.CharField(_("dấu vân tay nội dung"), max_length=64, blank=True, db_index=True)
    raw = models.JSONField(_("bản ghi gốc"), default=dict, blank=True)
    review_notes = models.JSONField(
        _("nội dung cần rà soát"),
        default=list,
        blank=True,
        help_text=_(
            "Các trường không đọc được tự động: giữ nguyên văn bản gốc để công chức kiểm soát TTHC rà soát."
        ),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("ngày công bố trên hệ thống"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = pgettext_lazy("plural", "phiên bản thủ tục")
        ordering = ["procedure", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"], name="procedure_version_number_unique"),
        ]
        indexes = [models.Index(fields=["procedure", "state", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.procedure.code} v{self.number} — {self.name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("state", flat=True).first()
            update_fields = kwargs.get("update_fields")
            if (
                stored
                and stored != VersionState.DRAFT
                and (update_fields is None or not set(update_fields) <= MUTABLE_AFTER_PUBLISH)
            ):
                raise PublishedVersionError(
                    gettext(
                        "Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới (dự thảo) từ phiên bản này."
                    )
                )
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == VersionState.PUBLISHED

    @property
    def needs_review(self) -> bool:
        return bool(self.review_notes)

    def is_valid_on(self, on) -> bool:
        return (
            self.is_published
            and self.valid_from is not None
            and self.valid_from <= on
            and (self.valid_to is None or self.valid_to >= on)
        )

    def level_labels(self) -> list[str]:
        from motcua.catalog.choices import Level

        return [Level(code).label for code in self.levels if code in Level.values]

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": gettext("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})


class VersionPart(models.Model):
    """A row that belongs to a version; it can change only while the version is a draft."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        _ensure_draft(self.owning_version())
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _ensure_draft(self.owning_version())
        return super().delete(*args, **kwargs)

    def owning_version(self) -> ProcedureVersion:
        return self.version


def _ensure_draft(version: ProcedureVersion) -> None:
    state = ProcedureVersion.objects.filter(pk=version.pk).values_list("state", flat=True).first()
    if state is not None and state != VersionState.DRAFT:
        raise PublishedVersionError(
            gettext("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới (dự thảo).")
        )


class LegalBasis(VersionPart):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.TextField(_("tên văn bản"))
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = pgettext_lazy("plural", "căn cứ pháp lý")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.number or self.title[:80]


class ResultDocument(VersionPart):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="results")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.TextField(_("tên kết quả"))
    code = models.CharField(_("mã kết quả"), max_length=32, blank=True, help_text=_("Ví dụ KQ.G01.000064."))

    class Meta:
        verbose_name = _("kết quả thực hiện")
        verbose_name_plural = pgettext_lazy("plural", "kết quả thực hiện")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.name[:80]
