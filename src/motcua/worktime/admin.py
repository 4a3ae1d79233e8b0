"""Admin of the calendar overrides, in Vietnamese, with an audit entry for every create, change and delete."""

from django.contrib import admin, messages

from motcua.core.admin import AuditedAdmin
from motcua.org.permissions import agencies_where
from motcua.worktime.engine.formatting import weekday_name
from motcua.worktime.models import CalendarOverride
from motcua.worktime.permissions import MANAGE_CALENDAR


def _may_manage(request) -> bool:
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or bool(agencies_where(user, MANAGE_CALENDAR.code))


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AuditedAdmin):
    list_display = ["date", "weekday", "kind", "name", "agency", "source_doc", "updated_by", "updated_at"]
    list_filter = ["kind", "agency"]
    search_fields = ["name", "source_doc", "note"]
    date_hierarchy = "date"
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    fields = ["date", "kind", "name", "source_doc", "agency", "note", *readonly_fields]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "date":  # typed dd/mm/yyyy (settings.FORMAT_MODULE_PATH)
            field.help_text = "Dạng dd/mm/yyyy, ví dụ 02/09/2026."
        return field

    @admin.display(description="thứ")
    def weekday(self, obj: CalendarOverride) -> str:
        return weekday_name(obj.date)

    def has_module_permission(self, request) -> bool:
        return _may_manage(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _may_manage(request)

    def has_add_permission(self, request) -> bool:
        return _may_manage(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return _may_manage(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return _may_manage(request)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        messages.info(
            request,
            "Lịch làm việc đã thay đổi cho các lần tính hạn từ nay. Ngày hẹn trả đã cấp cho hồ sơ không tự thay đổi.",
        )
