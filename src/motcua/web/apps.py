from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "motcua.web"
    label = "web"
    verbose_name = _("Giao diện web")

    def ready(self):
        from motcua.web import checks  # noqa: F401  (registers the deploy checks)
