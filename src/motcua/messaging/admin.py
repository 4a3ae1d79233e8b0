from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin
from motcua.core.dated import today
from motcua.messaging.choices import VARIABLE_LABELS, State
from motcua.messaging.models import Delivery, MessageTemplate, SandboxMessage
from motcua.messaging.services import deliveries, templates


@admin.register(MessageTemplate)
class MessageTemplateAdmin(AuditedAdmin):
    list_display = ["event", "channel", "version", "valid_from", "valid_to"]
    list_filter = ["event", "channel"]
    search_fields = ["subject", "body"]
    fields = [
        "event",
        "channel",
        "variables_help",
        "subject",
        "body",
        "zalo_template_id",
        "valid_from",
        "valid_to",
        "note",
        "version",
        "created_by",
    ]
    readonly_fields = ["event", "channel", "variables_help", "version", "valid_to", "created_by"]

    def has_add_permission(self, request):
        return False  # one template per event and channel: its versions are made by editing

    def has_delete_permission(self, request, obj=None):
        return False  # messages sent keep pointing at the version they used

    @admin.display(description=gettext_lazy("Biến được dùng"))
    def variables_help(self, obj):
        if obj is None:
            return ""
        return format_html_join(
            "",
            "<div><code>{{{}}}</code> — {}</div>",
            ((n, VARIABLE_LABELS.get(n, "")) for n in obj.variables),
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)

        class VersionForm(base):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if not self.is_bound:
                    self.initial["valid_from"] = today()
                    self.initial["note"] = ""

        VersionForm.base_fields["note"].help_text = _(
            "Lưu thay đổi sẽ tạo phiên bản mới có hiệu lực từ ngày đã chọn; các tin đã gửi vẫn giữ phiên bản cũ."
        )
        return VersionForm

    def save_model(self, request, obj, form, change):
        current = MessageTemplate.objects.get(pk=obj.pk)
        fresh = templates.new_version(
            current,
            body=form.cleaned_data["body"],
            subject=form.cleaned_data.get("subject", ""),
            zalo_template_id=form.cleaned_data.get("zalo_template_id", ""),
            valid_from=form.cleaned_data["valid_from"],
            note=form.cleaned_data.get("note", ""),
            actor=request.user,
        )
        obj.pk, obj.version = fresh.pk, fresh.version
        messages.info(
            request,
            _("Đã tạo phiên bản %(version)s; phiên bản cũ được giữ nguyên.") % {"version": fresh.version},
        )


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "channel",
        "dossier",
        "feedback_code",
        "recipient_masked",
        "status",
        "attempts",
        "last_error",
    ]
    list_filter = ["status", "event", "channel"]
    search_fields = ["dossier__code", "feedback_code"]
    date_hierarchy = "created_at"
    list_select_related = ["dossier"]
    raw_id_fields = ["dossier", "template"]
    exclude = ["recipient", "values"]  # the full address and the message's values stay out of the admin
    actions = ["send_again"]

    @admin.action(description=gettext_lazy("Gửi lại các tin gửi không thành công"))
    def send_again(self, request, queryset):
        count = deliveries.resend(queryset.filter(status=State.FAILED).values_list("pk", flat=True))
        messages.info(request, _("Đã xếp %(count)s tin vào hàng đợi gửi lại.") % {"count": count})

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SandboxMessage)
class SandboxMessageAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["created_at", "channel", "phone", "zalo_template_id", "text"]
    list_filter = ["channel"]
    search_fields = ["phone"]
