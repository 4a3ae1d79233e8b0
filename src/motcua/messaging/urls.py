from django.urls import path

from motcua.messaging import views

app_name = "messaging"

urlpatterns = [
    path("thu-nghiem/tin-nhan/", views.sandbox, name="sandbox"),
]
