from django.contrib import admin

from motcua.accounts.models import Citizen


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    list_display = ("full_name", "kind", "id_verified", "email", "created_at")
    list_filter = ("kind", "id_verified")
    search_fields = ("full_name", "email", "user__username")
    readonly_fields = ("oidc_issuer", "oidc_subject", "created_at", "updated_at")
    raw_id_fields = ("user",)
