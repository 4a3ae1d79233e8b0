"""Admin of the form templates (audited; a change is a new version, never an overwrite; a PDF preview with sample
values) and a read-only list of the issued forms."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin
from motcua.core.dated import today
from motcua.documents import official_forms
from motcua.documents.layout import LayoutError, build
from motcua.documents.models import FormTemplate, IssuedForm
from motcua.documents.render.pdf import Codes, render_pdf
from motcua.documents.services import samples, templates


@admin.register(FormTemplate)
class FormTemplateAdmin(AuditedAdmin):
    list_display = ["form_set", "code", "title", "version", "valid_from", "valid_to", "preview_link"]
    list_filter = ["form_set", "code"]
    search_fields = ["title", "layout"]
    fields = [
        "form_set",
        "code",
        "title",
        "layout",
        "valid_from",
        "valid_to",
        "note",
        "version",
        "created_by",
    ]
    readonly_fields = ["form_set", "code", "version", "valid_to", "created_by"]

    def has_add_permission(self, request):
        return False  # the forms are fixed by law: their versions are made by editing

    def has_delete_permission(self, request, obj=None):
        return False  # issued forms keep pointing at the version they were printed with

    @admin.display(description=gettext_lazy("Xem thử"))
    def preview_link(self, obj):
        url = reverse("admin:documents_formtemplate_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">PDF</a>', url)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)

        class VersionForm(base):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if not self.is_bound:
                    self.initial["valid_from"] = (
                        today()
                    )  # the new version starts today unless chosen otherwise
                    self.initial["note"] = ""

        form = VersionForm
        form.base_fields["note"].help_text = _(
            "Lưu thay đổi sẽ tạo phiên bản mới có hiệu lực từ ngày đã chọn; phiên bản cũ vẫn được dùng để in lại "
            "các giấy tờ đã lập."
        )
        return form

    def save_model(self, request, obj, form, change):
        current = FormTemplate.objects.get(pk=obj.pk)
        fresh = templates.new_version(
            current,
            layout=form.cleaned_data["layout"],
            title=form.cleaned_data["title"],
            valid_from=form.cleaned_data["valid_from"],
            note=form.cleaned_data.get("note", ""),
            actor=request.user,
        )
        obj.pk, obj.version = fresh.pk, fresh.version  # the admin continues with the new version
        messages.info(
            request,
            _("Đã tạo phiên bản %(version)s; phiên bản cũ được giữ nguyên.") % {"version": fresh.version},
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview.pdf",
                self.admin_site.admin_view(self.preview),
                name="documents_formtemplate_preview",
            ),
            *super().get_urls(),
        ]

    def preview(self, request, pk: int):
        """The template rendered with sample values (no real dossier), as a PDF."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        template = get_object_or_404(FormTemplate, pk=pk)
        spec = official_forms.spec(template.form_set, template.code)
        data = samples.sample(spec)
        try:
            blocks = build(template.layout, data)
        except LayoutError as exc:
            return HttpResponse(exc.message, content_type="text/plain; charset=utf-8", status=422)
        content = render_pdf(
            blocks, title=template.title, codes=Codes(samples.SAMPLE_CODE, data["tracking_url"])
        )
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="mau-{template.code}-v{template.version}.pdf"'
        return response


@admin.register(IssuedForm)
class IssuedFormAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["dossier", "code", "title", "form_set", "issued_at", "issued_by", "template"]
    list_filter = ["form_set", "code"]
    search_fields = ["dossier__code", "dossier__reference"]
    date_hierarchy = "issued_at"
    list_select_related = ["dossier", "issued_by", "template"]
    raw_id_fields = ["dossier", "entry", "issued_by", "template"]
