"""The files app's addresses: officers' screens under /mot-cua/, the applicant's result link under /ket-qua/.

Included once at the root of the site: ``path("", include("motcua.files.urls"))``."""

from django.urls import path

from motcua.files.views import digitise, download, results

app_name = "files"

urlpatterns = [
    path("mot-cua/tep/<uuid:file_id>/", download.download, name="download"),
    path("mot-cua/so-hoa/", digitise.queue, name="digitise-queue"),
    path("mot-cua/so-hoa/<str:code>/", digitise.dossier_page, name="digitise"),
    path(
        "mot-cua/so-hoa/<str:code>/thanh-phan/<int:component_id>/tep/",
        digitise.upload_scan,
        name="digitise-upload",
    ),
    path(
        "mot-cua/so-hoa/<str:code>/thanh-phan/<int:component_id>/tai-su-dung/",
        digitise.reuse,
        name="digitise-reuse",
    ),
    path("mot-cua/ket-qua-dien-tu/<str:code>/", results.attach_result, name="attach-result"),
    path("ket-qua/<str:token>/", download.result_download, name="result-download"),
]
