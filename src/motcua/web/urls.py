from django.urls import path

from motcua.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("co-quan/", views.agency_directory, name="agency-directory"),
    path("co-quan/<str:identifier>/", views.agency_detail, name="agency-detail"),
    path("tai-khoan/", views.my_account, name="my-account"),
]
