from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.accounts import services
from motcua.accounts.models import Citizen, SignInThrottle
from motcua.core.client import client_ip


class AdminSignInForm(AdminAuthenticationForm):
    """The administration's sign-in counts and obeys the same locks as ``/dang-nhap/`` (``services.sign_in``:
    per account and per client address, ``accounts.lockout``), so guessing cannot move to ``/admin/login/``."""

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is not None and password:
            result = services.sign_in(self.request, username, password, client_ip(self.request))
            if result.error == "locked":
                raise ValidationError(
                    _(
                        "Đăng nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút "
                        "hoặc lấy lại mật khẩu."
                    )
                    % {"minutes": result.minutes_left},
                    code="locked",
                )
            if result.user is None:
                raise self.get_invalid_login_error()
            self.user_cache = result.user
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


admin.site.login_form = AdminSignInForm


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
