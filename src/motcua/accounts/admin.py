from django.contrib import admin

from motcua.accounts.models import Citizen, SignInThrottle


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    list_display = ("full_name", "kind", "id_verified", "email", "created_at")
    list_filter = ("kind", "id_verified")
    search_fields = ("full_name", "email", "user__username")
    readonly_fields = ("oidc_issuer", "oidc_subject", "created_at", "updated_at")
    raw_id_fields = ("user",)


@admin.register(SignInThrottle)
class SignInThrottleAdmin(admin.ModelAdmin):
    """Failed sign-in counts; deleting a row lifts its lock at once (an account's owner who called the helpdesk)."""

    list_display = ("key", "failures", "window_started_at", "locked_until")
    search_fields = ("key",)
    readonly_fields = ("key", "failures", "window_started_at", "locked_until")

    def has_add_permission(self, request):
        return False


from motcua.accounts import admin_second_factor  # noqa: E402,F401  the admin site needs the second factor
