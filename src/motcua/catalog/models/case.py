"""Cases (trường hợp) of a version: each with its components, and the channel options with limits and fees."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import Channel, FeeKind, LimitUnit, limit_text
from motcua.catalog.models.version import ProcedureVersion, VersionPart


class ProcedureCase(VersionPart):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="cases")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.TextField(
        _("tên trường hợp"), blank=True, help_text=_("Để trống nếu thủ tục chỉ có một trường hợp.")
    )

    class Meta:
        verbose_name = _("trường hợp")
        verbose_name_plural = pgettext_lazy("plural", "trường hợp")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.name or gettext("Trường hợp chung")


class CaseComponent(VersionPart):
    """Thành phần hồ sơ: a document the applicant provides in a case."""

    case = models.ForeignKey(ProcedureCase, on_delete=models.CASCADE, related_name="components")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.TextField(_("tên giấy tờ"))
    code = models.CharField(_("mã thành phần"), max_length=64, blank=True)
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=0)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    count_text = models.CharField(_("số lượng (nguyên văn)"), max_length=200, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=True)
    form_name = models.CharField(_("mẫu đơn, tờ khai"), max_length=500, blank=True)
    form_file = models.FileField(_("tệp mẫu"), upload_to="catalog/forms/%Y/", blank=True)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "thành phần hồ sơ")
        ordering = ["case", "order"]

    def owning_version(self) -> ProcedureVersion:
        return self.case.version

    def __str__(self) -> str:
        return self.name[:80]


class ChannelOption(VersionPart):
    """A way to submit (trực tiếp / trực tuyến / bưu chính) with its time limit; ``case`` empty = every case."""

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="channel_options")
    case = models.ForeignKey(
        ProcedureCase, null=True, blank=True, on_delete=models.CASCADE, related_name="channel_options"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    channel = models.CharField(_("hình thức nộp"), max_length=1, choices=Channel.choices)
    limit_amount = models.DecimalField(
        _("thời hạn giải quyết"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    limit_unit = models.CharField(_("đơn vị thời hạn"), max_length=16, choices=LimitUnit.choices, blank=True)
    limit_text = models.TextField(_("thời hạn (nguyên văn)"), blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("cách thức thực hiện")
        verbose_name_plural = pgettext_lazy("plural", "cách thức thực hiện")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.limit_label()}"

    @property
    def has_limit(self) -> bool:
        return self.limit_amount is not None and bool(self.limit_unit)

    def limit_label(self) -> str:
        if not self.has_limit:
            return self.limit_text or gettext("Không quy định")
        amount = self.limit_amount.normalize()
        return limit_text(f"{amount:f}".replace(".", ","), float(amount), self.limit_unit)


class Fee(VersionPart):
    option = models.ForeignKey(ChannelOption, on_delete=models.CASCADE, related_name="fees")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(_("loại"), max_length=8, choices=FeeKind.choices, default=FeeKind.UNSPECIFIED)
    amount = models.PositiveBigIntegerField(_("mức thu (đồng)"), null=True, blank=True)
    text = models.TextField(_("mức thu (nguyên văn)"), blank=True)
    note = models.TextField(_("ghi chú, miễn giảm"), blank=True)

    class Meta:
        verbose_name = _("phí, lệ phí")
        verbose_name_plural = pgettext_lazy("plural", "phí, lệ phí")
        ordering = ["option", "order"]

    def owning_version(self) -> ProcedureVersion:
        return self.option.version

    def __str__(self) -> str:
        return self.amount_label()

    def amount_label(self) -> str:
        if self.amount is None:
            return self.text or gettext("Không quy định")
        if self.amount == 0:
            return gettext("Miễn phí")
        return gettext("%(amount)s đồng") % {"amount": f"{self.amount:,}".replace(",", ".")}
