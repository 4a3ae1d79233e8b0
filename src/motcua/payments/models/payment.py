from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.payments.choices import PaymentStatus


class Payment(models.Model):
    """One attempt to pay a dossier's fees through a gateway. Written only by ``payments.services.payments``."""

    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="payments"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản thanh toán"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    items = models.JSONField(
        _("các khoản phải nộp (bản chụp)"),
        default=dict,
        help_text=_(
            "Các khoản phí, lệ phí, thủ tục và mã hồ sơ tại lúc bắt đầu thanh toán; in trên biên lai."
        ),
    )
    gateway = models.CharField(_("cổng thanh toán"), max_length=32)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    order_id = models.CharField(_("mã đơn hàng"), max_length=40, unique=True)
    transaction_id = models.CharField(_("mã giao dịch của cổng"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("bắt đầu lúc"), db_index=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    receipt_number = models.CharField(_("số biên lai"), max_length=40, unique=True, null=True, blank=True)
    recorded_at = models.DateTimeField(
        _("ghi vào hồ sơ lúc"),
        null=True,
        blank=True,
        help_text=_("Thời điểm thao tác “Thanh toán phí, lệ phí trực tuyến” được ghi vào hồ sơ (một lần)."),
    )
    refund_required = models.BooleanField(
        _("cần hoàn tiền"),
        default=False,
        help_text=_(
            "Tiền đã thu nhưng hồ sơ đã kết thúc trước khi cổng báo thành công: bộ phận một cửa hoàn trả."
        ),
    )
    refund_reason = models.CharField(_("lý do hoàn tiền"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("giao dịch thanh toán")
        verbose_name_plural = pgettext_lazy("plural", "giao dịch thanh toán")
        ordering = ["-created_at", "-id"]
        constraints = [
            # one pending payment per dossier at a time (a second click or a second tab cannot open another)
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="pending"), name="payment_one_pending_per_dossier"
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="payment_status_created")]

    def __str__(self) -> str:
        return self.order_id

    @property
    def is_pending(self) -> bool:
        return self.status == PaymentStatus.PENDING

    @property
    def succeeded(self) -> bool:
        return self.status == PaymentStatus.SUCCEEDED
