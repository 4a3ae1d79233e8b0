"""Admin of the criteria (audited; once ratings refer to a version, saving a change makes a new version from the
chosen day instead of overwriting it) and a read-only view of the ratings."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin
from motcua.core.models import AuditEntry
from motcua.satisfaction import services
from motcua.satisfaction.models import Criterion, Rating, RatingAnswer, RatingOfficer


@admin.register(Criterion)
class CriterionAdmin(AuditedAdmin):
    list_display = ["number", "code", "title", "version", "valid_from", "valid_to"]
    list_filter = ["code"]
    search_fields = ["title", "question"]
    fields = [
        "code",
        "number",
        "title",
        "question",
        "answer_2",
        "answer_1",
        "answer_0",
        "valid_from",
        "valid_to",
        "note",
        "version",
    ]

    def get_readonly_fields(self, request, obj=None):
        return ["code", "version", "valid_to"] if obj else ["version"]

    def has_delete_permission(self, request, obj=None):
        return False  # ratings keep pointing at the version they answered

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        if obj is None:
            return base
        used = RatingAnswer.objects.filter(criterion=obj).exists()

        class VersionForm(base):
            def clean(self):
                data = super().clean()
                start = data.get("valid_from")
                if used and start is not None:
                    if obj.valid_to is not None:
                        raise ValidationError(_("Chỉ sửa được phiên bản đang có hiệu lực của tiêu chí."))
                    if start <= obj.valid_from:
                        self.add_error(
                            "valid_from",
                            _(
                                "Tiêu chí này đã được dùng để đánh giá: phiên bản mới phải có hiệu lực sau ngày "
                                "%(day)s."
                            )
                            % {"day": obj.valid_from.strftime("%d/%m/%Y")},
                        )
                return data

            def _post_clean(self):  # the new version is validated by the service, not as an edit of this row
                if not used:
                    super()._post_clean()

        if used:
            VersionForm.base_fields["valid_from"].help_text = _(
                "Tiêu chí này đã được dùng để đánh giá: lưu thay đổi sẽ tạo phiên bản mới có hiệu lực từ ngày này; "
                "các đánh giá cũ vẫn giữ nội dung đã trả lời."
            )
        return VersionForm

    def save_model(self, request, obj, form, change):
        if not change:
            obj.full_clean()
            super().save_model(request, obj, form, change)
            return
        before = audit.snapshot(Criterion.objects.get(pk=obj.pk))
        changes = {name: form.cleaned_data[name] for name in services.EDITABLE if name in form.cleaned_data}
        fresh = services.revise_criterion(obj, changes, form.cleaned_data["valid_from"])
        action = AuditEntry.Action.CREATE if fresh.pk != obj.pk else AuditEntry.Action.UPDATE
        audit.record(request.user, action, fresh, audit.diff(before, audit.snapshot(fresh)))
        obj.pk = fresh.pk  # the change page redirects to the version just made


class AnswerInline(admin.TabularInline):
    model = RatingAnswer
    fields = ["criterion", "score"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class OfficerInline(admin.TabularInline):
    model = RatingOfficer
    fields = ["officer", "officer_name", "role", "agency"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only: ratings come from citizens only (services.rate_result / rate_reception)."""

    list_display = ["dossier", "kind", "level", "score", "classification", "channel", "rated_at"]
    list_filter = ["kind", "level", "channel"]
    search_fields = ["dossier__code", "dossier__reference"]
    date_hierarchy = "rated_at"
    inlines = [AnswerInline, OfficerInline]
    list_select_related = ["dossier"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Rating._meta.fields]
