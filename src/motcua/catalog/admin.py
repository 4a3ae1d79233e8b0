"""Controller screens in the admin: drafts are edited with all their parts; published versions are read-only.

Access follows the catalogue action (TTHC controllers and administrators), not Django's model permissions.
Publishing and assigning have their own screens (``catalog.views_controller``), which call the services.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import VersionState
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Fee,
    InternalProcess,
    LegalBasis,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureField,
    ProcedureVersion,
    ProcessStep,
    ResultDocument,
)
from motcua.catalog.permissions import MANAGE_CATALOG
from motcua.core.admin import AuditedAdmin
from motcua.org.admin_access import ActionGatedAdmin


class CatalogAccess(ActionGatedAdmin):
    """Gated on the catalogue action; parts of a published version are read-only."""

    required_action = MANAGE_CATALOG.code

    def may_edit(self, request, obj=None) -> bool:
        return _is_draft(obj)


def _is_draft(obj) -> bool:
    if obj is None:
        return True
    version = obj if isinstance(obj, ProcedureVersion) else getattr(obj, "version", None)
    if version is None and hasattr(obj, "owning_version"):
        version = obj.owning_version()
    return version is None or version.state == VersionState.DRAFT


class DraftInline(CatalogAccess):
    extra = 0


class LegalBasisInline(DraftInline, admin.TabularInline):
    model = LegalBasis


class ResultInline(DraftInline, admin.TabularInline):
    model = ResultDocument


class CaseInline(DraftInline, admin.StackedInline):
    model = ProcedureCase
    show_change_link = True


class ChannelOptionInline(DraftInline, admin.TabularInline):
    model = ChannelOption
    show_change_link = True
    fields = ["order", "channel", "case", "limit_amount", "limit_unit", "limit_text", "description"]


class ProcessStepInline(DraftInline, admin.TabularInline):
    model = ProcessStep
    fk_name = "process"

    def may_edit(self, request, obj=None) -> bool:
        return obj is None or obj.state == VersionState.DRAFT

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.may_edit(request, obj)


@admin.register(InternalProcess)
class InternalProcessAdmin(CatalogAccess, AuditedAdmin):
    """Processes are edited and approved on the controllers' screens; here they can be read (and drafts fixed)."""

    list_display = ["version", "level", "number", "state", "decision_number", "valid_from", "valid_to"]
    list_filter = ["state", "level"]
    search_fields = ["version__procedure__code", "code", "decision_number"]
    list_select_related = ["version__procedure"]
    readonly_fields = [
        "version",
        "number",
        "state",
        "valid_from",
        "valid_to",
        "published_at",
        "published_by",
        "created_by",
    ]
    inlines = [ProcessStepInline]

    def may_edit(self, request, obj=None) -> bool:
        return obj is None or obj.state == VersionState.DRAFT

    def has_add_permission(self, request):
        return False


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(CatalogAccess, AuditedAdmin):
    list_display = ["procedure", "number", "name", "state", "valid_from", "valid_to", "needs_review_flag"]
    list_filter = ["state", "field", "online_level"]
    search_fields = ["procedure__code", "name"]
    list_select_related = ["procedure"]
    readonly_fields = [
        "procedure",
        "number",
        "state",
        "valid_from",
        "valid_to",
        "decision_number",
        "decision_date",
        "published_at",
        "published_by",
        "source",
        "source_url",
        "content_hash",
        "created_by",
    ]
    exclude = ["raw"]
    inlines = [CaseInline, ChannelOptionInline, LegalBasisInline, ResultInline]

    @admin.display(description=_("cần rà soát"), boolean=True)
    def needs_review_flag(self, obj):
        return obj.needs_review

    def has_add_permission(self, request, obj=None):
        return False  # new versions are drafts made from the controller screen (copy of the current one)


class ComponentInline(DraftInline, admin.TabularInline):
    model = CaseComponent
    fields = ["order", "name", "code", "originals", "copies", "required", "form_name", "form_file"]


@admin.register(ProcedureCase)
class ProcedureCaseAdmin(CatalogAccess, AuditedAdmin):
    list_display = ["version", "order", "__str__"]
    search_fields = ["version__procedure__code", "name"]
    inlines = [ComponentInline]

    def has_module_permission(self, request):
        return False  # reached from the version page


class FeeInline(DraftInline, admin.TabularInline):
    model = Fee


@admin.register(ChannelOption)
class ChannelOptionAdmin(CatalogAccess, AuditedAdmin):
    inlines = [FeeInline]

    def has_module_permission(self, request):
        return False  # reached from the version page


@admin.register(Procedure)
class ProcedureAdmin(CatalogAccess, AuditedAdmin):
    list_display = ["code", "current_name", "controller_page"]
    search_fields = ["code", "current_version__name"]
    list_select_related = ["current_version"]
    readonly_fields = ["current_version"]

    @admin.display(description=_("tên"))
    def current_name(self, obj):
        return obj.current_version.name if obj.current_version_id else "—"

    @admin.display(description=_("quản lý phiên bản"))
    def controller_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("catalog:controller-procedure", args=[obj.code]),
            gettext("Phiên bản, công bố, giao thực hiện"),
        )

    def may_edit(self, request, obj=None) -> bool:
        return True

    def has_delete_permission(self, request, obj=None):
        return False  # history is never deleted


@admin.register(ProcedureField)
class ProcedureFieldAdmin(CatalogAccess, AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}

    def may_edit(self, request, obj=None) -> bool:
        return True


@admin.register(ProcedureAssignment)
class ProcedureAssignmentAdmin(CatalogAccess, AuditedAdmin):
    list_display = ["procedure", "agency", "role", "valid_from", "valid_to", "decision"]
    list_filter = ["role"]
    search_fields = ["procedure__code", "agency__name", "agency__identifier"]
    autocomplete_fields = ["agency"]
    raw_id_fields = ["procedure"]
    list_select_related = ["procedure", "agency"]

    def may_edit(self, request, obj=None) -> bool:
        return True
