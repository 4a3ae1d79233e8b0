from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks_db.models import DBTaskResult


class AuditEntry(models.Model):
    """Append-only record of who changed what in reference data (catalogue, calendar, organisation)."""

    class Action(models.TextChoices):
        CREATE = "create", _("Tạo mới")
        UPDATE = "update", _("Sửa")
        DELETE = "delete", _("Xóa")
        PUBLISH = "publish", _("Công bố")
        OTHER = "other", _("Khác")

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    action = models.CharField(_("thao tác"), max_length=16, choices=Action.choices)
    object_type = models.CharField(_("loại đối tượng"), max_length=100)
    object_id = models.CharField(_("mã đối tượng"), max_length=100)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"


class ApiToken(models.Model):
    """A bearer token for an integrator, acting as ``user``. Only the SHA-256 hash of the key is stored; the key
    itself is shown once, when the token is created (``motcua create_api_token``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("tên"), max_length=100, blank=True)
    prefix = models.CharField(_("tiền tố"), max_length=8, db_index=True)
    key_hash = models.CharField(_("mã băm SHA-256 của khóa"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("lần dùng cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = pgettext_lazy("plural", "mã truy cập API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name or self.user_id})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ScheduledRun(models.Model):
    """The state of one periodic job (``motcua.core.schedule``): which period it last ran for, when the next one
    is due, and the job that ran it. The row is the lock: a scheduler enqueues a period's job only if it moves
    ``period`` forward (a compare-and-set), so with several schedulers each period runs once."""

    name = models.CharField(_("việc định kỳ"), max_length=200, unique=True)
    period = models.DateTimeField(_("kỳ đã chạy"), null=True, blank=True)
    next_run_at = models.DateTimeField(_("lần chạy tới"), null=True, blank=True)
    enqueued_at = models.DateTimeField(_("lần chạy gần nhất"), null=True, blank=True)
    job_id = models.CharField(_("mã việc chạy nền"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("việc định kỳ")
        verbose_name_plural = pgettext_lazy("plural", "việc định kỳ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Job(DBTaskResult):
    """A background job (``motcua.core.jobs``) as the administrators see it: django-tasks-db's row, in Vietnamese."""

    class Meta:
        proxy = True
        verbose_name = _("việc chạy nền")
        verbose_name_plural = pgettext_lazy("plural", "việc chạy nền")
