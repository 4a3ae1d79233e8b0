"""The mock VNeID (``MOTCUA_OIDC_MOCK``): 404 everywhere when off; when on, the client uses it without further
settings, its token endpoint checks the client secret, the code, the PKCE verifier and the redirect URI, and the
whole journey gives a verified citizen — the same account on the next sign-in."""

import base64
import urllib.parse

import pytest
from django.test import Client

from motcua.accounts.mock_idp import credentials
from motcua.accounts.models import Citizen
from tests.builders.accounts import sign_in_with_mock, start_sign_in

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/mock-vneid/.well-known/openid-configuration",
    "/mock-vneid/authorize/",
    "/mock-vneid/jwks/",
    "/mock-vneid/userinfo/",
]


def test_everything_is_404_when_off(client, settings):
    settings.MOTCUA_OIDC_MOCK = False
    for url in ENDPOINTS:
        assert client.get(url).status_code == 404, url
    assert client.post("/mock-vneid/token/", {}).status_code == 404


def test_a_demo_identity_signs_in_and_comes_back_to_the_same_account(client, mock_idp):
    response = sign_in_with_mock(client, choice="0")
    assert response.status_code == 302 and response["Location"] == "/"
    citizen = Citizen.objects.get()
    assert citizen.full_name == "Trần Thị Bình" and citizen.id_number == "038190001234"
    assert citizen.id_verified and citizen.oidc_issuer == "http://testserver/mock-vneid"
    assert citizen.birth_date.isoformat() == "1990-05-12" and citizen.phone == "0912345678"
    client.post("/dang-xuat/")
    assert sign_in_with_mock(client, choice="0").status_code == 302
    assert Citizen.objects.count() == 1
    assert client.session["_auth_user_id"] == str(citizen.user_id)


def test_a_typed_identity(client, mock_idp):
    typed = {"name": "Phạm Minh Khoa", "id_number": "038099007788", "birthdate": "15/08/1999"}
    assert sign_in_with_mock(client, choice="typed", **typed).status_code == 302
    citizen = Citizen.objects.get()
    assert (citizen.full_name, citizen.id_number) == ("Phạm Minh Khoa", "038099007788")
    assert citizen.birth_date.isoformat() == "1999-08-15"


def test_a_typed_identity_needs_a_12_digit_number(client, mock_idp):
    query = start_sign_in(client)
    page = client.post(
        "/mock-vneid/authorize/", {**query, "choice": "typed", "name": "A", "id_number": "123"}
    )
    assert page.status_code == 400 and "12 chữ số" in page.content.decode()


def test_cancel_at_the_provider(client, mock_idp):
    query = start_sign_in(client)
    response = client.post("/mock-vneid/authorize/", {**query, "cancel": "1"})
    back = urllib.parse.urlsplit(response["Location"])
    page = client.get(back.path + "?" + back.query)
    assert page.status_code == 400 and "hủy đăng nhập" in page.content.decode()
    assert Citizen.objects.count() == 0


def test_a_bad_authorization_request(client, mock_idp):
    query = start_sign_in(client)
    for change in (
        {"client_id": "khac"},
        {"code_challenge_method": "plain"},
        {"redirect_uri": "http://evil/x"},
    ):
        assert client.get("/mock-vneid/authorize/", {**query, **change}).status_code == 400


def _code(client):
    query = start_sign_in(client)
    response = client.post("/mock-vneid/authorize/", {**query, "choice": "1"})
    code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(response["Location"]).query))["code"]
    return query, code, client.session["motcua_oidc"]["verifier"]


def test_the_token_endpoint_checks_everything(client, mock_idp):
    query, code, verifier = _code(client)
    client_id, secret = credentials()
    server = Client()

    def token(**change):
        data = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": query["redirect_uri"],
            "code_verifier": verifier,
            "client_id": client_id,
            "client_secret": secret,
            **change,
        }
        return server.post("/mock-vneid/token/", data)

    assert token(client_secret="sai").status_code == 401
    assert token(code_verifier="sai-" * 12).json()["error"] == "invalid_grant"
    assert token(redirect_uri="http://testserver/khac/").json()["error"] == "invalid_grant"
    assert token(code="gia-mao").json()["error"] == "invalid_grant"
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    good = server.post(
        "/mock-vneid/token/",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": query["redirect_uri"],
            "code_verifier": verifier,
        },
        HTTP_AUTHORIZATION="Basic " + basic,
    )
    assert good.status_code == 200 and good.json()["id_token"]
    assert token().json()["error"] == "invalid_grant"  # a code is used once
    info = server.get("/mock-vneid/userinfo/", HTTP_AUTHORIZATION="Bearer " + good.json()["access_token"])
    assert info.json()["name"] == "Nguyễn Văn Cường"
    assert server.get("/mock-vneid/userinfo/", HTTP_AUTHORIZATION="Bearer x").status_code == 401


def test_the_key_is_made_once_into_the_data_folder(client, mock_idp, settings, tmp_path):
    settings.MOTCUA_OIDC_MOCK_KEY_FILE = tmp_path / "mock" / "key.pem"
    first = client.get("/mock-vneid/jwks/").json()["keys"][0]
    assert (tmp_path / "mock" / "key.pem").stat().st_mode & 0o777 == 0o600
    assert client.get("/mock-vneid/jwks/").json()["keys"][0] == first
    assert first["kty"] == "RSA" and first["alg"] == "RS256"
