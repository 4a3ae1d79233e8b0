from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SatisfactionConfig(AppConfig):
    name = "motcua.satisfaction"
    label = "satisfaction"
    verbose_name = _("Đánh giá sự hài lòng")

    def ready(self) -> None:
        from motcua.satisfaction import permissions  # noqa: F401  (satisfaction.kiosk)
