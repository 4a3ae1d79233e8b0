from django.contrib import admin

from motcua.accounts.models import Citizen, SignInThrottle


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    list_display = ("full_name", "kind", "id_verified", "email", "created_at")
    list_filter = ("kind", "id_verified")
    search_fields = ("full_name", "email", "user__username")
    # id_verified is only ever set by a sign-in through the identity provider (services.citizen_from_identity):
    # nobody, not even a superuser, can mark an account as verified by hand.
    readonly_fields = ("id_verified", "oidc_issuer", "oidc_subject", "created_at", "updated_at")
    raw_id_fields = ("user",)
    # what the provider verified stays as it said: changing it by hand would make a verified identity of it
    VERIFIED_FIELDS = ("kind", "full_name", "id_number", "birth_date")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, *self.VERIFIED_FIELDS) if obj is not None and obj.id_verified else fields


@admin.register(SignInThrottle)
class SignInThrottleAdmin(admin.ModelAdmin):
    """Failed sign-in counts; deleting a row lifts its lock at once (an account's owner who called the helpdesk)."""

    list_display = ("key", "failures", "window_started_at", "locked_until")
    search_fields = ("key",)
    readonly_fields = ("key", "failures", "window_started_at", "locked_until")

    def has_add_permission(self, request):
        return False


from motcua.accounts import admin_second_factor  # noqa: E402,F401  the admin site needs the second factor
