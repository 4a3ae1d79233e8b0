"""The feedback's history (status, actor, start, deadline, on-time flag): append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FeedbackLogEntry(models.Model):
    feedback = models.ForeignKey("feedback.Feedback", on_delete=models.CASCADE, related_name="log")
    seq = models.PositiveIntegerField()
    action = models.CharField(_("thao tác"), max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=32, blank=True)
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm"))
    due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    on_time = models.BooleanField(_("đúng hạn"), null=True)
    note = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký xử lý phản ánh")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký xử lý phản ánh")
        ordering = ["feedback", "seq"]
        constraints = [models.UniqueConstraint(fields=["feedback", "seq"], name="feedback_log_seq_unique")]

    def __str__(self) -> str:
        return f"{self.feedback_id} #{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the feedback log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the feedback log is append-only")
