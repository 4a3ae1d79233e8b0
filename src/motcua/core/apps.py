from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Dùng chung")

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="motcua.core.cache_table")


def _create_cache_table(sender, using="default", verbosity=1, **kwargs) -> None:
    """``motcua migrate`` also makes the table of the database cache (the default cache: settings.CACHES), so a
    deployment needs no extra step; Django's ``createcachetable`` does nothing when the table exists."""
    from django.conf import settings
    from django.core.management import call_command

    if any(c["BACKEND"].endswith("DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
