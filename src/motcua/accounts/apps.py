from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản công dân, tổ chức")

    def ready(self):
        # second_factor registers the check of MOTCUA_2FA_REQUIRED_ROLES; receivers stamps the session at sign-in
        from motcua.accounts import receivers, second_factor  # noqa: F401
