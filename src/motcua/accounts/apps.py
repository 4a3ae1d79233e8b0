from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản công dân, tổ chức")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from motcua.accounts import second_factor  # noqa: F401  registers the check of MOTCUA_2FA_REQUIRED_ROLES
        from motcua.accounts.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="motcua.accounts.idle_stamp")
