"""The admin site and the second factor (``accounts.second_factor``).

* ``/admin/login/`` sends to the one sign-in page (``/dang-nhap/``): its lockout and its second step apply to the
  administrators too.
* The admin site needs a session that passed the second factor, for staff who must use it.
* The administrators' way to help an officer who lost their phone: the action “Xóa thiết bị xác thực hai bước” on
  users, recorded in the admin's history of each user (and logged). The devices themselves (their secrets) are not
  shown in the admin.
"""

from __future__ import annotations

import logging

from django.contrib import admin, messages
from django.contrib.admin import AdminSite
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts import second_factor

log = logging.getLogger("motcua.accounts")


def admin_login(request, extra_context=None):
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("admin:index")
    if request.user.is_authenticated and second_factor.session_blocked(request.user):
        return redirect(reverse("accounts:second-factor") + "?" + urlencode({"next": target}))
    if request.user.is_authenticated and request.user.is_active and request.user.is_staff:
        return redirect(target)
    return redirect(reverse("login") + "?" + urlencode({"next": target}))


def has_permission(request) -> bool:
    return AdminSite.has_permission(admin.site, request) and not second_factor.session_blocked(
        request.user, roles=()
    )


admin.site.login = admin_login
admin.site.has_permission = has_permission

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.action(
    description=gettext_lazy("Xóa thiết bị xác thực hai bước (mất điện thoại)"), permissions=["change"]
)
def reset_second_factor(modeladmin, request, queryset):
    reset = 0
    for user in queryset:
        if second_factor.remove_devices(user):
            reset += 1
            modeladmin.log_change(
                request,
                user,
                _("Xóa thiết bị xác thực hai bước: người dùng cài đặt lại ở lần đăng nhập tới."),
            )
            log.warning("Second factor of %s reset by %s", user.get_username(), request.user.get_username())
    modeladmin.message_user(
        request,
        _("Đã xóa thiết bị xác thực hai bước của %(count)s tài khoản.") % {"count": reset},
        messages.SUCCESS,
    )


User = get_user_model()
if admin.site.is_registered(User):
    _UserAdmin = type(admin.site._registry[User])
    admin.site.unregister(User)

    @admin.register(User)
    class UserAdmin(_UserAdmin):
        actions = [*(_UserAdmin.actions or []), reset_second_factor]
