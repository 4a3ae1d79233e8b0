from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ kết quả")
    SUCCEEDED = "succeeded", _("Thành công")
    FAILED = "failed", _("Không thành công")
    CANCELLED = "cancelled", _("Đã hủy")
    EXPIRED = "expired", _("Hết thời gian chờ")


FINAL = frozenset(
    {PaymentStatus.SUCCEEDED, PaymentStatus.FAILED, PaymentStatus.CANCELLED, PaymentStatus.EXPIRED}
)


class EventSource(models.TextChoices):
    CALLBACK = "callback", _("Thông báo từ cổng thanh toán (IPN)")
    RETURN = "return", _("Trình duyệt quay về")
    QUERY = "query", _("Tra vấn trạng thái")
