from django.urls import path

from motcua.accounts import views as accounts_views
from motcua.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("co-quan/", views.agency_directory, name="agency-directory"),
    path("co-quan/<str:identifier>/", views.agency_detail, name="agency-detail"),
    path("tai-khoan/", views.my_account, name="my-account"),
    path("dang-nhap/", accounts_views.sign_in, name="login"),  # everyone: officers and citizens (accounts)
    path("dang-xuat/", accounts_views.sign_out, name="logout"),
]
