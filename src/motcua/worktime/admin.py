"""Admin of the calendar overrides (Vietnamese, English through i18n), with an audit entry for every create, change and delete."""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.core.admin import AuditedAdmin
from motcua.org.admin_access import ActionGatedAdmin
from motcua.worktime.models import CalendarOverride
from motcua.worktime.permissions import MANAGE_CALENDAR

# The engine's ``formatting.WEEKDAYS``, translatable (the engine does not import Django).
WEEKDAYS = (
    _("Thứ Hai"),
    _("Thứ Ba"),
    _("Thứ Tư"),
    _("Thứ Năm"),
    _("Thứ Sáu"),
    _("Thứ Bảy"),
    _("Chủ nhật"),
)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ActionGatedAdmin, AuditedAdmin):
    required_action = MANAGE_CALENDAR.code
    list_display = ["date", "weekday", "kind", "name", "agency", "source_doc", "updated_by", "updated_at"]
    list_filter = ["kind", "agency"]
    search_fields = ["name", "source_doc", "note"]
    date_hierarchy = "date"
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    fields = ["date", "kind", "name", "source_doc", "agency", "note", *readonly_fields]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "date":  # typed dd/mm/yyyy (settings.FORMAT_MODULE_PATH)
            field.help_text = gettext("Dạng dd/mm/yyyy, ví dụ 02/09/2026.")
        return field

    @admin.display(description=_("thứ"))
    def weekday(self, obj: CalendarOverride) -> str:
        return str(WEEKDAYS[obj.date.weekday()])

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        messages.info(
            request,
            gettext(
                "Lịch làm việc đã thay đổi cho các lần tính hạn từ nay. "
                "Ngày hẹn trả đã cấp cho hồ sơ không tự thay đổi."
            ),
        )
