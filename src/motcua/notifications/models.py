from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Notification(models.Model):
    """An in-app message to one officer. ``key`` makes a warning idempotent (one per user, dossier and deadline)."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")
        STEP_DUE_SOON = "step_due_soon", _("Bước xử lý sắp đến hạn")
        STEP_OVERDUE = "step_overdue", _("Bước xử lý quá hạn")
        ASSIGNED = "assigned", _("Được phân công")
        SUPPLEMENT_RECEIVED = "supplement_received", _("Công dân đã bổ sung hồ sơ")
        RETURNED_FROM_PARTNER = "partner_returned", _("Cơ quan phối hợp đã trả kết quả")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(_("nội dung"), max_length=500)
    key = models.CharField(max_length=120)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = pgettext_lazy("plural", "thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_user_key_unique")]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"], name="notification_inbox")]

    def __str__(self) -> str:
        return self.message
