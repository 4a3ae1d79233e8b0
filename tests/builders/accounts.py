"""Accounts for tests: local citizen accounts, an in-memory OpenID Connect provider, the mock VNeID journey, and
how tests sign in officers who must use the second factor (``motcua.accounts.second_factor``; the production
default is strict: leaders, administrators and staff must pass it).

* ``client.force_login(user)`` / ``client.login(...)`` give a session that has passed the second factor, as if the
  officer had typed their code (the autouse fixture ``_test_logins_pass_the_second_factor`` of ``tests/conftest.py``):
  a confirmed device without codes (``TEST_DEVICE``) is given to the user and named in the session, so pages see
  ``user.is_verified()`` and pay what a verified session costs (one query for the device).
* Browser tests that sign in through the page (``new_page(user)``) type a real code: ``browser_device`` gives the
  user an authenticator device and ``current_code`` the code its app would show.
* Tests of the second factor itself mark themselves ``@pytest.mark.real_second_factor``: logins made by the test
  client are then plain password sessions (not verified).
"""

from __future__ import annotations

import re
import time
import urllib.parse

import jwt
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


def link_in(body: str) -> str:
    """The path of the first http link in a letter."""
    url = re.search(r"https?://\S+", body).group(0)
    return urllib.parse.urlsplit(url).path


def without_tokens(page: str) -> str:
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", page)


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


TEST_DEVICE = "test session"


def mark_verified(request, user) -> None:
    """Name a confirmed (code-less) device of ``user`` in the session being logged in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _ = StaticDevice.objects.get_or_create(user=user, name=TEST_DEVICE, defaults={"confirmed": True})
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


def current_code(device) -> str:
    """The code the authenticator app would show now for ``device`` (a TOTP device)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def browser_device(user):
    """A confirmed authenticator device of ``user`` whose next code is accepted (the last used one is forgotten)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    return device


# What a verified session costs each request: django-otp reads the session's device (is it still there?). Added to
# the asserted query counts of pages opened by someone who must use the second factor (leaders, administrators).
VERIFIED_SESSION = 1
