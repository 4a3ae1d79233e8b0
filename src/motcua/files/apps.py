from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "motcua.files"
    label = "files"
    verbose_name = _("Tệp và số hóa hồ sơ")

    def ready(self) -> None:
        from motcua.files import permissions  # noqa: F401  (registers the app's actions)
