from django.urls import path

from motcua.feedback.views import officer, public

app_name = "feedback"

urlpatterns = [
    path("phan-anh-kien-nghi/", public.public_list, name="public-list"),
    path("phan-anh-kien-nghi/gui/", public.send, name="send"),
    path("phan-anh-kien-nghi/gui/da-gui/", public.sent, name="sent"),
    path("phan-anh-kien-nghi/tra-cuu/", public.track, name="track"),
    path("phan-anh-kien-nghi/cua-toi/", public.mine, name="mine"),
    path("phan-anh-kien-nghi/cua-toi/<str:code>/", public.own_detail, name="mine-detail"),
    path("phan-anh-kien-nghi/cua-toi/<str:code>/y-kien/", public.react, name="react"),
    path("phan-anh-kien-nghi/cua-toi/<str:code>/bo-sung/", public.supplement, name="supplement"),
    path("phan-anh-kien-nghi/<str:code>/", public.public_detail, name="public-detail"),
    path("mot-cua/phan-anh/", officer.queue, name="officer-queue"),
    path("mot-cua/phan-anh/ghi-nhan/", officer.record, name="officer-record"),
    path("mot-cua/phan-anh/thong-ke/", officer.stats, name="officer-stats"),
    path("mot-cua/phan-anh/<str:code>/", officer.detail, name="officer-detail"),
    path("mot-cua/phan-anh/<str:code>/tep/<uuid:file_id>/", officer.attachment, name="officer-attachment"),
    path("mot-cua/phan-anh/<str:code>/<str:action>/", officer.act, name="officer-act"),
]
