from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IntakeKey(models.Model):
    """An ``Idempotency-Key`` an integrator sent with an intake (``POST /api/v1/dossiers``, ``…/batch``), written in
    the transaction that created the dossiers: a retry with the same key gets the same dossiers back, never new
    ones. Keys are the caller's own (one integrator cannot replay another's) and expire after
    ``MOTCUA_IDEMPOTENCY_HOURS``. Only ids are kept, not the answer's personal data."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    endpoint = models.CharField(_("điểm cuối"), max_length=20)
    key = models.CharField(_("khóa"), max_length=200)
    request_hash = models.CharField(_("mã băm yêu cầu"), max_length=64)
    status_code = models.PositiveSmallIntegerField(_("mã trạng thái"), default=201)
    dossier_ids = models.JSONField(_("hồ sơ"), default=list)
    created_at = models.DateTimeField(_("thời điểm"), db_index=True)

    class Meta:
        verbose_name = _("khóa chống gửi trùng")
        verbose_name_plural = pgettext_lazy("plural", "khóa chống gửi trùng")
        constraints = [
            models.UniqueConstraint(fields=["user", "endpoint", "key"], name="dossier_intake_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.endpoint} {self.key}"
