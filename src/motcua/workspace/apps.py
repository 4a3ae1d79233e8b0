from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "motcua.workspace"
    label = "workspace"
    verbose_name = _("Không gian làm việc của cán bộ")

    def ready(self):
        from motcua.workspace import permissions  # noqa: F401  (workspace.read_access_log)
