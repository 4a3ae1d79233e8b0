from django.contrib import admin

from motcua.core import audit
from motcua.core.models import AuditEntry


class AuditedAdmin(admin.ModelAdmin):
    """Admin that writes every create, change and delete to the audit log (AuditEntry)."""

    def save_model(self, request, obj, form, change):
        before = None
        if change and obj.pk:
            old = type(obj).objects.filter(pk=obj.pk).first()
            before = audit.snapshot(old) if old else None
        super().save_model(request, obj, form, change)
        action = AuditEntry.Action.UPDATE if change else AuditEntry.Action.CREATE
        audit.record(request.user, action, obj, audit.diff(before, audit.snapshot(obj)))

    def delete_model(self, request, obj):
        audit.record(request.user, AuditEntry.Action.DELETE, obj, audit.snapshot(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(request.user, AuditEntry.Action.DELETE, obj, audit.snapshot(obj))
        super().delete_queryset(request, queryset)


class ReadOnlyAdmin:
    """For an admin (or inline) that only shows records written elsewhere: nothing may be added, changed or
    deleted through it. Put it first among the bases: ``class XAdmin(ReadOnlyAdmin, admin.ModelAdmin)``."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "object_id", "note"]
    date_hierarchy = "at"


# --- background jobs and the schedule (motcua.core.jobs, motcua.core.schedule) ------------------------------------


def _register_jobs_admin() -> None:
    from django.contrib import messages
    from django.utils.html import format_html
    from django.utils.translation import gettext_lazy as _
    from django.utils.translation import ngettext
    from django_tasks_db.admin import DBTaskResultAdmin
    from django_tasks_db.models import DBTaskResult

    from motcua.core import jobs, schedule
    from motcua.core.models import Job, ScheduledRun

    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)

    @admin.register(Job)
    class JobAdmin(DBTaskResultAdmin):
        """Every background job: what it is, its state, its attempts and its last error; a failed job (after its
        last retry) is run again with “Chạy lại”."""

        list_display = (
            "task_name",
            "status",
            "attempts",
            "enqueued_at",
            "run_after_shown",
            "finished_at",
            "error",
        )
        list_filter = ("status", "queue_name", "task_path")
        search_fields = ("task_path", "exception_class_path")
        actions = ["retry"]

        @admin.display(description=_("số lần chạy"))
        def attempts(self, obj) -> int:
            return len(obj.worker_ids)

        @admin.display(description=_("chạy sau"))
        def run_after_shown(self, obj):
            return self.display_run_after(obj)

        @admin.display(description=_("lỗi gần nhất"))
        def error(self, obj) -> str:
            if not obj.exception_class_path:
                return "–"
            last = obj.traceback.strip().splitlines()[-1:] or [obj.exception_class_path]
            return format_html("<code>{}</code>", last[0][:200])

        @admin.action(description=_("Chạy lại các việc đã thất bại"))
        def retry(self, request, queryset):
            count = jobs.retry_now(queryset.values_list("pk", flat=True))
            self.message_user(
                request,
                ngettext("Đã xếp lại %(n)d việc để chạy.", "Đã xếp lại %(n)d việc để chạy.", count)
                % {"n": count},
                messages.SUCCESS if count else messages.WARNING,
            )

        def has_change_permission(self, request, obj=None) -> bool:
            return False

        def get_actions(self, request):
            actions = super().get_actions(request)
            if not request.user.is_superuser:
                actions.pop("retry", None)
            return actions

    @admin.register(ScheduledRun)
    class ScheduledRunAdmin(ReadOnlyAdmin, admin.ModelAdmin):
        """The periodic jobs: the last period run, when, its outcome, and the next run."""

        list_display = ("label", "every", "enqueued_at", "outcome", "next_run_at")

        @admin.display(description=_("việc định kỳ"))
        def label(self, obj) -> str:
            entry = schedule.SCHEDULE.get(obj.name)
            return str(entry.label) if entry else obj.name

        @admin.display(description=_("chu kỳ"))
        def every(self, obj) -> str:
            entry = schedule.SCHEDULE.get(obj.name)
            if entry is None:
                return _("không còn trong lịch")
            if entry.at is not None:
                return _("hằng ngày lúc %(at)s") % {"at": entry.at.strftime("%H:%M")}
            minutes = int(entry.every.total_seconds() // 60)
            return _("%(n)d phút một lần") % {"n": minutes}

        @admin.display(description=_("kết quả"))
        def outcome(self, obj) -> str:
            if not obj.job_id:
                return "–"
            row = DBTaskResult.objects.filter(pk=obj.job_id).only("status", "exception_class_path").first()
            if row is None:
                return _("(đã dọn)")
            return row.get_status_display() + (
                f" — {row.exception_class_path}" if row.exception_class_path else ""
            )


_register_jobs_admin()
