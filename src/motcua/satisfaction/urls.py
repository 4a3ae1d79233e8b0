from django.urls import path

from motcua.satisfaction import views

app_name = "satisfaction"

urlpatterns = [
    path("danh-gia/<str:ident>/", views.rate, name="rate"),
    path("mot-cua/danh-gia-tai-quay/", views.kiosk, name="kiosk"),
    path("mot-cua/danh-gia-tai-quay/cam-on/", views.kiosk_thanks, name="kiosk-thanks"),
    path("bao-cao/hai-long/", views.stats_page, name="stats"),
    path("bao-cao/hai-long.xlsx", views.stats_xlsx, name="stats-xlsx"),
]
