"""Accounts tests: local accounts made through the real services, an in-memory OpenID Connect provider for the
client's refusals (``fake_idp``), and the mock provider of ``accounts.mock_idp`` reached through the Django test
client (``mock_idp``) or over real HTTP (one test). Lockout counts live in the database: nothing to clear."""

from __future__ import annotations

import re
import time
import urllib.parse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.utils import timezone

from motcua.accounts import oidc, services

PASSWORD = "Hoa-sen-no-mua-ha-2026"
ISSUER = "https://id.example.vn"
CLIENT_ID = "motcua-test"
CLIENT_SECRET = "bi-mat-cua-ung-dung"


def make_local(email="binh@example.vn", password=PASSWORD, verified=True, **extra):
    citizen = services.sign_up(
        services.SignUp(
            full_name=extra.pop("full_name", "Trần Thị Bình"), email=email, password=password, **extra
        )
    )
    if verified:
        citizen.email_verified_at = timezone.now()
        citizen.save()
    return citizen


@pytest.fixture
def local_account(db):
    return make_local()


def link_in(body: str) -> str:
    """The path of the first http link in a letter."""
    url = re.search(r"https?://\S+", body).group(0)
    return urllib.parse.urlsplit(url).path


def without_tokens(page: str) -> str:
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", page)


@pytest.fixture(scope="session")
def rsa_keys():
    """Two RSA keys: the provider's and an attacker's."""
    return [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2)]


@pytest.fixture(scope="session")
def mock_key_file(tmp_path_factory):
    return tmp_path_factory.mktemp("mock-vneid") / "key.pem"


@pytest.fixture
def oidc_settings(settings):
    settings.MOTCUA_OIDC_ISSUER = ISSUER
    settings.MOTCUA_OIDC_CLIENT_ID = CLIENT_ID
    settings.MOTCUA_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.MOTCUA_OIDC_MOCK = False
    settings.MOTCUA_PUBLIC_URL = "http://testserver"
    return settings


class FakeIdP:
    """An OpenID Connect provider in memory, used as ``oidc.transport``: the test decides what the id_token says
    (``overrides``) and which key signs it (``signing_key``)."""

    def __init__(self, key):
        self.key = key
        self.signing_key = key
        self.overrides: dict = {}
        self.challenge = ""
        self.nonce = ""
        self.token_requests: list = []
        self.claims = {"name": "Lê Văn Hùng", "id_number": "038095004567", "birthdate": "1995-04-30"}

    def get_json(self, url, headers=None):
        if url == ISSUER + "/.well-known/openid-configuration":
            return {
                "issuer": ISSUER,
                "authorization_endpoint": ISSUER + "/authorize",
                "token_endpoint": ISSUER + "/token",
                "jwks_uri": ISSUER + "/jwks",
            }
        if url == ISSUER + "/jwks":
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
            return {"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]}
        raise oidc.TransportError(url)

    def post_form(self, url, data, headers=None):
        assert url == ISSUER + "/token"
        self.token_requests.append((data, headers))
        assert oidc.code_challenge(data["code_verifier"]) == self.challenge  # PKCE S256
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "sub": "vneid-subject-1",
            "iat": now,
            "exp": now + 300,
            "nonce": self.nonce,
            **self.claims,
            **self.overrides,
        }
        token = jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": "k1"})
        return {"access_token": "opaque", "token_type": "Bearer", "id_token": token}


@pytest.fixture
def fake_idp(oidc_settings, rsa_keys, monkeypatch):
    idp = FakeIdP(rsa_keys[0])
    monkeypatch.setattr(oidc, "transport", idp)
    return idp


def start_sign_in(client, idp: FakeIdP | None = None, next_url: str = "") -> dict:
    """Press the VNeID button: the query of the authorization request (the fake provider learns its nonce)."""
    response = client.get("/dang-nhap/vneid/", {"next": next_url} if next_url else {})
    assert response.status_code == 302, response.content.decode()
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(response["Location"]).query))
    if idp is not None:
        idp.nonce, idp.challenge = query["nonce"], query["code_challenge"]
    return query


class TestClientTransport:
    """The HTTP seam routed to the Django test client (a separate client: server-to-server, no user cookies)."""

    def __init__(self):
        self.client = Client()

    def _answer(self, response):
        if response.status_code >= 400:
            raise oidc.TransportError(f"HTTP {response.status_code}")
        return response.json()

    def get_json(self, url, headers=None):
        extra = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in (headers or {}).items()}
        return self._answer(self.client.get(url, **extra))

    def post_form(self, url, data, headers=None):
        extra = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in (headers or {}).items()}
        return self._answer(self.client.post(url, data, **extra))


@pytest.fixture
def mock_idp(settings, mock_key_file, monkeypatch):
    """The mock provider switched on at http://testserver/mock-vneid, reached through the test client."""
    settings.MOTCUA_OIDC_MOCK = True
    settings.MOTCUA_OIDC_ISSUER = ""
    settings.MOTCUA_PUBLIC_URL = "http://testserver"
    settings.MOTCUA_OIDC_CLIENT_ID = ""
    settings.MOTCUA_OIDC_CLIENT_SECRET = ""
    settings.MOTCUA_OIDC_MOCK_KEY_FILE = mock_key_file
    monkeypatch.setattr(oidc, "transport", TestClientTransport())
    return settings


def sign_in_with_mock(client, choice="0", **typed):
    """The whole journey through the mock provider: the response of the client's callback."""
    query = start_sign_in(client)
    authorize = "/mock-vneid/authorize/"
    page = client.get(authorize, query)
    assert page.status_code == 200
    assert "VNeID giả lập — chỉ để thử nghiệm" in page.content.decode()
    response = client.post(authorize, {**query, "choice": choice, **typed})
    assert response.status_code == 302, response.content.decode()
    callback = urllib.parse.urlsplit(response["Location"])
    return client.get(callback.path + "?" + callback.query)
