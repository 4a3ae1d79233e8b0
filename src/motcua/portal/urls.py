from django.urls import path

from motcua.portal import views

app_name = "portal"

urlpatterns = [
    path("tra-cuu/", views.track, name="track"),
    path("tra-cuu/<str:code>/", views.track, name="track-code"),
    path("tra-cuu/<str:code>/dong/", views.forget, name="forget"),
]
