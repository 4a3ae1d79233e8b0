from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Dùng chung")

    def ready(self):
        checks.register(check_log_key)


def check_log_key(app_configs=None, **kwargs):
    """The process-log key file must exist (or be creatable in development): see ``motcua.core.logkeys``."""
    from django.core.exceptions import ImproperlyConfigured

    from motcua.core import logkeys

    try:
        logkeys.require()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="motcua.E_LOG_KEY")]
    return []
