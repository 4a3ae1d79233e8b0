"""Signing in through the OpenID Connect provider creates a User and a Citizen with the provider's identity,
marked verified; the next sign-in with the same (issuer, subject) is the same account; a local account that
declared the same ID number is never linked."""

import base64
import urllib.parse

import pytest

from motcua.accounts.models import Citizen
from tests.builders.accounts import CLIENT_ID, CLIENT_SECRET, ISSUER, make_local, start_sign_in

pytestmark = pytest.mark.django_db


def callback(client, query, code="code-1"):
    return client.get("/dang-nhap/vneid/callback/", {"code": code, "state": query["state"]})


def test_first_sign_in_creates_a_verified_citizen_and_the_second_finds_it(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    assert query["response_type"] == "code" and query["client_id"] == CLIENT_ID
    assert query["code_challenge_method"] == "S256" and query["scope"] == "openid profile"
    assert query["redirect_uri"] == "http://testserver/dang-nhap/vneid/callback/"

    response = callback(client, query)
    assert response.status_code == 302 and response["Location"] == "/"
    citizen = Citizen.objects.select_related("user").get()
    assert citizen.id_verified is True
    assert (citizen.oidc_issuer, citizen.oidc_subject) == (ISSUER, "vneid-subject-1")
    assert citizen.full_name == "Lê Văn Hùng" and citizen.id_number == "038095004567"
    assert citizen.birth_date.isoformat() == "1995-04-30"
    assert not citizen.user.has_usable_password()
    assert client.session["_auth_user_id"] == str(citizen.user_id)

    data, headers = fake_idp.token_requests[0]  # server to server, client secret in HTTP Basic
    assert data["grant_type"] == "authorization_code" and data["code"] == "code-1"
    assert data["redirect_uri"] == query["redirect_uri"]
    expected = base64.b64encode(f"{CLIENT_ID}:{urllib.parse.quote(CLIENT_SECRET, safe='')}".encode()).decode()
    assert headers["Authorization"] == "Basic " + expected

    client.post("/dang-xuat/")
    fake_idp.claims["name"] = "Lê Văn Hùng Anh"  # the provider's data win: they are the verified ones
    again = callback(client, start_sign_in(client, fake_idp))
    assert again.status_code == 302
    assert Citizen.objects.count() == 1
    assert Citizen.objects.get().full_name == "Lê Văn Hùng Anh"
    assert client.session["_auth_user_id"] == str(citizen.user_id)


def test_a_local_account_with_the_same_declared_number_is_not_linked(client, fake_idp):
    local = make_local(id_number="038095004567")
    callback(client, start_sign_in(client, fake_idp))
    assert Citizen.objects.count() == 2
    vneid = Citizen.objects.exclude(pk=local.pk).get()
    assert vneid.user_id != local.user_id and vneid.id_verified
    local.refresh_from_db()
    assert local.id_verified is False


def test_next_is_kept_through_the_provider(client, fake_idp):
    query = start_sign_in(client, fake_idp, next_url="/tai-khoan/ca-nhan/")
    assert callback(client, query)["Location"] == "/tai-khoan/ca-nhan/"


def test_the_button_is_absent_and_the_flow_refused_when_not_configured(client, settings):
    settings.MOTCUA_OIDC_ISSUER = ""
    settings.MOTCUA_OIDC_MOCK = False
    assert "VNeID" not in client.get("/dang-nhap/").content.decode()
    response = client.get("/dang-nhap/vneid/")
    assert response.status_code == 400 and "Chưa cấu hình" in response.content.decode()


def test_the_redirect_uri_is_the_public_address_not_the_request_host(client, fake_idp, settings):
    settings.MOTCUA_PUBLIC_URL = "https://dichvucong.example.vn"
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get("/dang-nhap/vneid/", HTTP_HOST="attacker.example")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(response["Location"]).query))
    assert query["redirect_uri"] == "https://dichvucong.example.vn/dang-nhap/vneid/callback/"
