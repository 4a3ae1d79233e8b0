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
        TRANSFERRED = "transferred", _("Hồ sơ chuyển đến đơn vị")
        FORWARDED = "forwarded", _("Hồ sơ chuyển bước tiếp theo")
        SENT_BACK = "sent_back", _("Hồ sơ trả lại bước trước")
        PARTNER_REQUEST = "partner_request", _("Đề nghị phối hợp liên thông")
        SIGNATURE_NEEDED = "signature_needed", _("Chờ ký duyệt, ban hành kết quả")
        SIGNED = "signed", _("Kết quả đã ký duyệt, chờ phát hành")
        RESULT_READY = "result_ready", _("Có kết quả, chờ trả cho người nộp")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    dossier = models.ForeignKey(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(_("nội dung"), max_length=500)
    key = models.CharField(max_length=120)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = pgettext_lazy("plural", "thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_user_key_unique")]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"], name="notification_inbox")]

    def __str__(self) -> str:
        return self.message


class NotificationPreference(models.Model):
    """What an officer chose to be told by e-mail as well as in the application (no row: nothing by e-mail)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_on_handover = models.BooleanField(
        _("gửi thư khi có hồ sơ chuyển đến"),
        default=False,
        help_text=_("Ngoài thông báo trong hệ thống, gửi thư điện tử khi có hồ sơ chuyển đến để xử lý."),
    )

    class Meta:
        verbose_name = _("lựa chọn nhận thông báo")
        verbose_name_plural = pgettext_lazy("plural", "lựa chọn nhận thông báo")

    def __str__(self) -> str:
        return str(self.user)
