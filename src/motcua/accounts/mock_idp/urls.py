from django.urls import path

from motcua.accounts.mock_idp import views

urlpatterns = [
    path(".well-known/openid-configuration", views.discovery, name="mock-idp-discovery"),
    path("authorize/", views.authorize, name="mock-idp-authorize"),
    path("token/", views.token, name="mock-idp-token"),
    path("jwks/", views.jwks, name="mock-idp-jwks"),
    path("userinfo/", views.userinfo, name="mock-idp-userinfo"),
]
