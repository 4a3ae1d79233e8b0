from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "motcua.messaging"
    label = "messaging"
    verbose_name = _("Tin nhắn gửi công dân")

    def ready(self) -> None:
        from motcua.messaging import receivers  # noqa: F401  (listens to dossier transitions)
