from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "motcua.org"
    label = "org"
    verbose_name = "Tổ chức, đơn vị"

    def ready(self) -> None:
        from motcua.org import permissions  # noqa: F401  (registers the organisation actions)
