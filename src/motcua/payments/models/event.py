from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.payments.choices import EventSource


class PaymentEvent(models.Model):
    """Every message received from a gateway (server callback, browser return, status query), kept as received with
    whether its signature verified and what was done with it. Append-only: the model refuses updates and deletes."""

    payment = models.ForeignKey(
        "payments.Payment",
        verbose_name=_("giao dịch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    gateway = models.CharField(_("cổng thanh toán"), max_length=32)
    source = models.CharField(_("nguồn"), max_length=10, choices=EventSource.choices)
    order_id = models.CharField(_("mã đơn hàng (như nhận được)"), max_length=100, blank=True)
    payload = models.JSONField(_("nội dung nhận được"), default=dict)
    verified = models.BooleanField(_("chữ ký hợp lệ"), default=False)
    result = models.CharField(_("xử lý"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thông báo từ cổng thanh toán")
        verbose_name_plural = pgettext_lazy("plural", "thông báo từ cổng thanh toán")
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"{self.gateway} {self.order_id} {self.source}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("PaymentEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("PaymentEvent is append-only")
