from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Dùng chung")

    def ready(self):
        from django.core.validators import ProhibitNullCharactersValidator

        # Every form's text field refuses NUL bytes with this message; Django's Vietnamese catalogue leaves it in
        # English ("Null characters are not allowed.").
        ProhibitNullCharactersValidator.message = _(
            "Có ký tự rỗng (mã U+0000) trong ô này: hãy gõ lại, không dán từ nơi khác."
        )

        # with --deploy (production readiness); the WSGI application also refuses to start without the key, and any
        # write to a log fails — a command that never touches a log (e.g. "motcua deadline") still runs
        checks.register(check_log_key, deploy=True)


def check_log_key(app_configs=None, **kwargs):
    """The process-log key file must exist (or be creatable in development): see ``motcua.core.logkeys``."""
    from django.core.exceptions import ImproperlyConfigured

    from motcua.core import logkeys

    try:
        logkeys.require()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="motcua.E_LOG_KEY")]
    return []
