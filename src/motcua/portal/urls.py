from django.urls import path

from motcua.portal import citizen_views, views

app_name = "portal"

urlpatterns = [
    path("tra-cuu/", views.track, name="track"),
    path("tra-cuu/<str:code>/", views.track, name="track-code"),
    path("tra-cuu/<str:code>/dong/", views.forget, name="forget"),
    # the signed-in citizen's pages
    path("ho-so-cua-toi/", citizen_views.mine_list, name="mine"),
    path("ho-so-cua-toi/kho-du-lieu/", citizen_views.data_store, name="data-store"),
    path("ho-so-cua-toi/tep/<uuid:file_id>/", citizen_views.mine_file, name="mine-file"),
    path("ho-so-cua-toi/<str:code>/", citizen_views.mine_detail, name="mine-detail"),
    path("ho-so-cua-toi/<str:code>/bo-sung/", citizen_views.mine_answer, name="mine-answer"),
    path("ho-so-cua-toi/<str:code>/rut/", citizen_views.mine_withdraw, name="mine-withdraw"),
    path("nop-ho-so/", citizen_views.submit_choose, name="submit"),
    path("nop-ho-so/da-nop/<str:reference>/", citizen_views.submitted, name="submitted"),
    path("nop-ho-so/<str:code>/", citizen_views.submit_form, name="submit-form"),
    path("nop-ho-so/<str:code>/xem-lai/", citizen_views.submit_review, name="submit-review"),
]
