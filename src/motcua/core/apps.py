from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
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
        checks.register(check_jobs_backend, deploy=True)

        # every app's periodic jobs are declared in its tasks.py (motcua.core.schedule): load them all, so the
        # scheduler knows the whole schedule and a worker every job
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")

        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="motcua.core.cache_table")


def check_log_key(app_configs=None, **kwargs):
    """The process-log key file must exist (or be creatable in development): see ``motcua.core.logkeys``."""
    from django.core.exceptions import ImproperlyConfigured

    from motcua.core import logkeys

    try:
        logkeys.require()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="motcua.E_LOG_KEY")]
    return []


def check_jobs_backend(app_configs=None, **kwargs):
    """A site keeps its deferred work in a queue a crash cannot empty: the `eager` backend is for tests only."""
    from django.conf import settings

    if settings.MOTCUA_JOBS_BACKEND == "eager":
        return [
            checks.Error(
                "MOTCUA_JOBS_BACKEND=eager runs background work inside the web process and loses it in a crash: "
                "use `database` (and run `motcua worker`) or `redis`.",
                id="motcua.E_JOBS_EAGER",
            )
        ]
    return []


def _create_cache_table(sender, using="default", verbosity=1, **kwargs) -> None:
    """``motcua migrate`` also makes the table of the database cache (the default cache: settings.CACHES), so a
    deployment needs no extra step; Django's ``createcachetable`` does nothing when the table exists."""
    from django.conf import settings
    from django.core.management import call_command

    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
