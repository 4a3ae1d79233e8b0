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
    import json

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

    status_labels = {
        "READY": _("Chờ chạy"),
        "RUNNING": _("Đang chạy"),
        "FAILED": _("Thất bại"),
        "SUCCESSFUL": _("Thành công"),
    }

    class StatusFilter(admin.SimpleListFilter):
        title = _("trạng thái")
        parameter_name = "status"

        def lookups(self, request, model_admin):
            return list(status_labels.items())

        def queryset(self, request, queryset):
            return queryset.filter(status=self.value()) if self.value() else queryset

    class QueueFilter(admin.SimpleListFilter):
        title = _("hàng đợi")
        parameter_name = "queue"

        def lookups(self, request, model_admin):
            return [(name, name) for name in jobs.QUEUES]

        def queryset(self, request, queryset):
            return queryset.filter(queue_name=self.value()) if self.value() else queryset

    class TaskFilter(admin.SimpleListFilter):
        title = _("việc")
        parameter_name = "task"

        def lookups(self, request, model_admin):
            paths = Job.objects.order_by().values_list("task_path", flat=True).distinct()
            return [(path, path.rsplit(".", 1)[-1]) for path in sorted(paths)]

        def queryset(self, request, queryset):
            return queryset.filter(task_path=self.value()) if self.value() else queryset

    @admin.register(Job)
    class JobAdmin(DBTaskResultAdmin):
        """Every background job: what it is, its state, its attempts and its last error; a failed job (after its
        last retry) is run again with “Chạy lại”. Every label is motcua's (django-tasks ships no Vietnamese)."""

        list_display = (
            "job_name",
            "status_shown",
            "attempts",
            "enqueued",
            "run_after_shown",
            "finished",
            "error",
        )
        list_filter = (StatusFilter, QueueFilter, TaskFilter)
        search_fields = ("task_path", "exception_class_path")
        actions = ["retry"]

        def get_readonly_fields(self, request, obj=None):
            return [
                "job_name",
                "task_path",
                "status_shown",
                "attempts",
                "queue",
                "arguments",
                "enqueued",
                "started",
                "run_after_shown",
                "finished",
                "error_class",
                "formatted_traceback",
            ]

        @admin.display(description=_("việc"))
        def job_name(self, obj) -> str:
            return obj.task_name

        @admin.display(description=_("trạng thái"), ordering="status")
        def status_shown(self, obj) -> str:
            return status_labels.get(obj.status, obj.status)

        @admin.display(description=_("hàng đợi"))
        def queue(self, obj) -> str:
            return obj.queue_name

        @admin.display(description=_("tham số"))
        def arguments(self, obj):
            return format_html("<code>{}</code>", json.dumps(obj.args_kwargs, ensure_ascii=False)[:2000])

        @admin.display(description=_("xếp hàng lúc"), ordering="enqueued_at")
        def enqueued(self, obj):
            return obj.enqueued_at

        @admin.display(description=_("bắt đầu lúc"))
        def started(self, obj):
            return obj.started_at

        @admin.display(description=_("xong lúc"), ordering="finished_at")
        def finished(self, obj):
            return obj.finished_at

        @admin.display(description=_("loại lỗi"))
        def error_class(self, obj) -> str:
            return obj.exception_class_path or "–"

        @admin.display(description=_("chi tiết lỗi"))
        def formatted_traceback(self, obj):
            return format_html("<pre>{}</pre>", obj.traceback) if obj.traceback else "–"

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
            return str(status_labels.get(row.status, row.status)) + (
                f" — {row.exception_class_path}" if row.exception_class_path else ""
            )


_register_jobs_admin()
