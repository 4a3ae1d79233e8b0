from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "motcua.worktime"
    label = "worktime"
    verbose_name = "Thời gian làm việc"

    def ready(self) -> None:
        from motcua.worktime import permissions, signals  # noqa: F401  (registers the action and the signals)
