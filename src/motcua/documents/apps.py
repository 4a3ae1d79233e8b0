from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "motcua.documents"
    label = "documents"
    verbose_name = _("Biểu mẫu, giấy tờ")

    def ready(self) -> None:
        from motcua.documents import receivers  # noqa: F401  (issues the forms named by the transitions)
        from motcua.documents.attachments import apology_letter
        from motcua.messaging import attachments
        from motcua.messaging.choices import Event

        attachments.register(Event.APOLOGY, apology_letter)  # the apology e-mail carries its Mẫu 04
