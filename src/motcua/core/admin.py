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
