from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản công dân, tổ chức")

    def ready(self):
        from motcua.accounts import second_factor  # noqa: F401  registers the check of MOTCUA_2FA_REQUIRED_ROLES
