"""The officers' workspace under /mot-cua/. Each screen's module declares its own routes."""

from django.urls import path

from motcua.workspace.views import (
    access_log,
    assignment_rules,
    dossier,
    intake,
    notifications,
    overview,
    queues,
)

app_name = "workspace"

urlpatterns = [
    path("", queues.start, name="home"),
    path("ho-so/", queues.queue, name="queue"),
    path("tong-quan/", overview.overview, name="overview"),
    path("thong-bao/", notifications.inbox, name="notifications"),
    path("thong-bao/da-doc/", notifications.mark_read, name="notifications-read"),
    path("nhat-ky-du-lieu-ca-nhan/", access_log.access_log, name="access-log"),
    path("phan-cong-tu-dong/", assignment_rules.assignment_rules_page, name="assignment-rules"),
    *intake.urlpatterns,
    *dossier.urlpatterns,
]
