"""Reports for officers under /bao-cao/ and the public transparency page under /cong-khai/."""

from django.urls import path

from motcua.reports.views import bieu06, dashboard, overdue, public

app_name = "reports"

urlpatterns = [
    path("bao-cao/", bieu06.page, name="bieu06"),
    path("bao-cao/bieu-06.xlsx", bieu06.xlsx, name="bieu06-xlsx"),
    path("bao-cao/bieu-06.pdf", bieu06.pdf, name="bieu06-pdf"),
    path("bao-cao/tong-quan/", dashboard.page, name="dashboard"),
    path("bao-cao/qua-han/", overdue.page, name="overdue"),
    path("cong-khai/", public.index, name="public"),
    path("cong-khai/du-lieu.csv", public.open_data_csv, name="open-data-csv"),
    path("cong-khai/du-lieu.json", public.open_data_json, name="open-data-json"),
    path("cong-khai/<str:identifier>/", public.unit, name="public-unit"),
]
