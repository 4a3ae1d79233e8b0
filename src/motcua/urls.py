from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from motcua.accounts.urls import sign_in_patterns
from motcua.api import api
from motcua.documents.urls import public_urlpatterns as documents_public

admin.site.site_header = _("motcua — Quản trị hệ thống")
admin.site.site_title = "motcua"
admin.site.index_title = _("Quản trị hệ thống thông tin giải quyết TTHC")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("mot-cua/", include("motcua.workspace.urls")),
    path("mot-cua/", include("motcua.documents.urls")),
    path("", include((documents_public, "documents_public"))),
    path("", include("motcua.files.urls")),
    path("", include("motcua.accounts.urls")),
    path("", include(sign_in_patterns)),
    path("", include("motcua.portal.urls")),
    path("", include("motcua.payments.urls")),
    path("", include("motcua.messaging.urls")),
    path("", include("motcua.satisfaction.urls")),
    path("", include("motcua.feedback.urls")),
    path("", include("motcua.reports.urls")),
    path("", include("motcua.catalog.urls")),
    path("", include("motcua.web.urls")),
]
