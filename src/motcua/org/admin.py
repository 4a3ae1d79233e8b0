from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin
from motcua.core.dated import today
from motcua.org.models import (
    AdministrativeUnit,
    AdministrativeUnitSuccession,
    Agency,
    AgencySuccession,
    PersonalDataRead,
    RoleAssignment,
    WorkingHours,
)


class ValidOnFilter(admin.SimpleListFilter):
    title = _("hiệu lực")
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return [("con", _("Còn hiệu lực hôm nay")), ("het", _("Đã hết hiệu lực"))]

    def queryset(self, request, queryset):
        if self.value() == "con":
            return queryset.valid_on(today())
        if self.value() == "het":
            return queryset.filter(valid_to__lt=today())
        return queryset


class WorkingHoursInline(admin.TabularInline):
    model = WorkingHours
    extra = 0


class SuccessionOutInline(admin.TabularInline):
    model = AgencySuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]
    verbose_name = _("cơ quan kế thừa")
    verbose_name_plural = pgettext_lazy("plural", "cơ quan kế thừa")


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["identifier", "name", "kind", "level", "parent", "valid_from", "valid_to"]
    list_filter = [ValidOnFilter, "level", "kind"]
    search_fields = ["identifier", "name", "short_name"]
    autocomplete_fields = ["parent", "admin_unit"]
    inlines = [WorkingHoursInline, SuccessionOutInline]
    fieldsets = [
        (None, {"fields": ["identifier", "name", "short_name", "kind", "level", "parent", "admin_unit"]}),
        (_("Hiệu lực"), {"fields": ["valid_from", "valid_to"]}),
        (_("Liên hệ"), {"fields": ["address", "phone", "email"]}),
    ]


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(AuditedAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = [ValidOnFilter, "kind"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent"]


@admin.register(AdministrativeUnitSuccession)
class AdministrativeUnitSuccessionAdmin(AuditedAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_date", "legal_basis"]
    list_filter = ["kind"]
    autocomplete_fields = ["predecessor", "successor"]


@admin.register(AgencySuccession)
class AgencySuccessionAdmin(AuditedAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_date", "legal_basis"]
    list_filter = ["kind"]
    autocomplete_fields = ["predecessor", "successor"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedAdmin):
    list_display = ["user", "role", "agency", "includes_subunits", "valid_from", "valid_to"]
    list_filter = [ValidOnFilter, "role"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "agency__name",
        "agency__identifier",
    ]
    autocomplete_fields = ["user", "agency"]
    list_select_related = ["user", "agency"]


@admin.register(PersonalDataRead)
class PersonalDataReadAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The personal-data access log: append-only, so read-only here (no add, change or delete)."""

    list_display = ["at", "user", "acting_agency", "record_kind", "label", "purpose", "via"]
    list_filter = ["record_kind", "purpose"]
    search_fields = ["label", "user__username"]
    date_hierarchy = "at"
    list_select_related = ["user", "acting_agency"]
