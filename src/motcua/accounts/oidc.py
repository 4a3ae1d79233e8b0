"""Sign-in through an OpenID Connect provider — the national e-identity VNeID works this way.

Authorization-code flow with PKCE (S256). ``begin`` keeps state, nonce and the code verifier in the session and
gives the provider's authorization URL; ``complete`` checks the state, exchanges the code server-to-server, verifies
the id_token against the provider's JWKS (RS256: signature, ``iss``, ``aud``, ``exp``, ``iat``, ``nonce``), adds the
userinfo claims when the provider has that endpoint (same ``sub`` only) and returns the ``Identity``. Every failure
raises ``OIDCError`` with a Vietnamese message; nothing is written here (``services.citizen_from_identity`` does).

The provider is configured by settings (``MOTCUA_OIDC_*``); with ``MOTCUA_OIDC_MOCK`` on and no issuer, the mock
provider of ``accounts.mock_idp`` at ``<MOTCUA_PUBLIC_URL>/mock-vneid``. HTTP goes through ``transport`` (a small
object with ``get_json`` and ``post_form``): tests replace it to route requests to Django's test client.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.core import people

SESSION_KEY = "motcua_oidc"
FLOW_SECONDS = 600  # a sign-in started more than 10 minutes ago is refused
ID_NUMBER = re.compile(r"^[0-9]{12}$")


class OIDCError(Exception):
    """A refused sign-in; ``str()`` is the Vietnamese message shown on the 400 page."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    label: str
    claim_id_number: str
    claim_name: str
    claim_birth_date: str
    claim_phone: str


def provider() -> Provider | None:
    """The configured provider, or None when sign-in by OpenID Connect is off."""
    issuer = settings.MOTCUA_OIDC_ISSUER.rstrip("/")
    client_id, secret = settings.MOTCUA_OIDC_CLIENT_ID, settings.MOTCUA_OIDC_CLIENT_SECRET
    if settings.MOTCUA_OIDC_MOCK:
        from motcua.accounts.mock_idp import credentials

        issuer = issuer or settings.MOTCUA_PUBLIC_URL.rstrip("/") + "/mock-vneid"
        if not client_id:
            client_id, secret = credentials()
    if not issuer or not client_id:
        return None
    return Provider(
        issuer=issuer,
        client_id=client_id,
        client_secret=secret,
        scopes=settings.MOTCUA_OIDC_SCOPES,
        label=settings.MOTCUA_OIDC_LABEL,
        claim_id_number=settings.MOTCUA_OIDC_CLAIM_ID_NUMBER,
        claim_name=settings.MOTCUA_OIDC_CLAIM_NAME,
        claim_birth_date=settings.MOTCUA_OIDC_CLAIM_BIRTH_DATE,
        claim_phone=settings.MOTCUA_OIDC_CLAIM_PHONE,
    )


# --- HTTP seam -------------------------------------------------------------------------------------------------


class TransportError(Exception):
    pass


class UrllibTransport:
    """Real HTTP with the standard library (JSON answers only)."""

    def _open(self, req) -> dict:
        try:
            with urllib.request.urlopen(req, timeout=settings.MOTCUA_OIDC_TIMEOUT_SECONDS) as response:
                body = response.read(1_000_000)
        except urllib.error.HTTPError as exc:
            raise TransportError(f"HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise TransportError(str(exc)) from None
        try:
            data = json.loads(body)
        except ValueError:
            raise TransportError("not JSON") from None
        if not isinstance(data, dict):
            raise TransportError("not a JSON object")
        return data

    def get_json(self, url: str, headers: dict | None = None) -> dict:
        return self._open(
            urllib.request.Request(url, headers={"Accept": "application/json", **(headers or {})})
        )

    def post_form(self, url: str, data: dict, headers: dict | None = None) -> dict:
        body = urllib.parse.urlencode(data).encode()
        hdrs = {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"}
        return self._open(urllib.request.Request(url, data=body, headers={**hdrs, **(headers or {})}))


transport = UrllibTransport()


def _fetch(p: Provider, method: str, *args, **kwargs) -> dict:
    try:
        return getattr(transport, method)(*args, **kwargs)
    except TransportError:
        raise OIDCError(
            _("Không liên lạc được với %(label)s. Hãy thử lại sau.") % {"label": p.label}
        ) from None


# --- the flow --------------------------------------------------------------------------------------------------


def discovery(p: Provider) -> dict:
    doc = _fetch(p, "get_json", p.issuer + "/.well-known/openid-configuration")
    if doc.get("issuer", "").rstrip("/") != p.issuer or not all(
        isinstance(doc.get(k), str) for k in ("authorization_endpoint", "token_endpoint", "jwks_uri")
    ):
        raise OIDCError(_("Cấu hình của %(label)s không hợp lệ.") % {"label": p.label})
    return doc


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def code_challenge(verifier: str) -> str:
    return _b64(hashlib.sha256(verifier.encode()).digest())


def begin(request, redirect_uri: str, next_url: str = "") -> str:
    """Start a sign-in: remember state, nonce and the PKCE verifier; the provider's authorization URL."""
    p = provider()
    if p is None:
        raise OIDCError(_("Chưa cấu hình đăng nhập bằng định danh điện tử."))
    doc = discovery(p)
    flow = {
        "state": secrets.token_urlsafe(24),
        "nonce": secrets.token_urlsafe(24),
        "verifier": secrets.token_urlsafe(48),
        "redirect_uri": redirect_uri,
        "next": next_url,
        "at": int(time.time()),
    }
    request.session[SESSION_KEY] = flow
    query = {
        "response_type": "code",
        "client_id": p.client_id,
        "redirect_uri": redirect_uri,
        "scope": p.scopes,
        "state": flow["state"],
        "nonce": flow["nonce"],
        "code_challenge": code_challenge(flow["verifier"]),
        "code_challenge_method": "S256",
    }
    endpoint = doc["authorization_endpoint"]
    return endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode(query)


@dataclass(frozen=True)
class Identity:
    issuer: str
    subject: str
    full_name: str
    id_number: str
    birth_date: dt.date | None
    phone: str
    next_url: str = ""


def _invalid(p: Provider, reason: str) -> OIDCError:
    return OIDCError(
        _(
            "Thông tin định danh do %(label)s gửi về không hợp lệ: %(reason)s. Không có tài khoản nào được tạo."
        )
        % {"label": p.label, "reason": reason}
    )


def verify_id_token(p: Provider, token: str, jwks: dict, nonce: str) -> dict:
    try:
        header = jwt.get_unverified_header(token)
        keys = jwt.PyJWKSet.from_dict(jwks)
        key = next((k for k in keys.keys if k.key_id == header.get("kid")), None)
        if key is None and len(keys.keys) == 1 and not header.get("kid"):
            key = keys.keys[0]
        if key is None:
            raise _invalid(p, _("khóa ký không có trong bộ khóa của nhà cung cấp"))
        claims = jwt.decode(
            token,
            key.key,
            algorithms=["RS256"],
            audience=p.client_id,
            issuer=p.issuer,
            leeway=60,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
    except jwt.ExpiredSignatureError:
        raise _invalid(p, _("đã hết hạn")) from None
    except jwt.InvalidAudienceError:
        raise _invalid(p, _("không cấp cho hệ thống này")) from None
    except jwt.InvalidIssuerError:
        raise _invalid(p, _("không do nhà cung cấp đã cấu hình phát hành")) from None
    except jwt.InvalidSignatureError:
        raise _invalid(p, _("chữ ký không đúng")) from None
    except (jwt.PyJWTError, ValueError, TypeError):
        raise _invalid(p, _("không đọc được")) from None
    if not isinstance(claims.get("nonce"), str) or not secrets.compare_digest(claims["nonce"], nonce):
        raise _invalid(p, _("mã dùng một lần (nonce) không khớp"))
    return claims


def _birth_date(value) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def complete(request, params) -> Identity:
    """Finish a sign-in from the provider's redirect (its query ``params``): the verified identity."""
    p = provider()
    if p is None:
        raise OIDCError(_("Chưa cấu hình đăng nhập bằng định danh điện tử."))
    flow = request.session.pop(SESSION_KEY, None)
    state = params.get("state", "")
    if (
        not isinstance(flow, dict)
        or not state
        or not secrets.compare_digest(str(flow.get("state", "")), state)
        or time.time() - flow.get("at", 0) > FLOW_SECONDS
    ):
        raise OIDCError(_("Phiên đăng nhập không khớp hoặc đã hết hạn. Hãy bắt đầu đăng nhập lại."))
    if params.get("error"):
        raise OIDCError(_("%(label)s đã từ chối hoặc bạn đã hủy đăng nhập.") % {"label": p.label})
    code = params.get("code", "")
    if not code:
        raise _invalid(p, _("thiếu mã cấp quyền"))
    doc = discovery(p)
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": flow["redirect_uri"],
        "code_verifier": flow["verifier"],
    }
    headers = {}
    methods = doc.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" in methods:
        pair = f"{urllib.parse.quote(p.client_id, safe='')}:{urllib.parse.quote(p.client_secret, safe='')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    else:
        form.update(client_id=p.client_id, client_secret=p.client_secret)
    tokens = _fetch(p, "post_form", doc["token_endpoint"], form, headers)
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise _invalid(p, _("thiếu thẻ định danh (id_token)"))
    claims = verify_id_token(p, id_token, _fetch(p, "get_json", doc["jwks_uri"]), flow["nonce"])
    access = tokens.get("access_token")
    if isinstance(doc.get("userinfo_endpoint"), str) and isinstance(access, str):
        info = _fetch(p, "get_json", doc["userinfo_endpoint"], {"Authorization": f"Bearer {access}"})
        if info.get("sub") == claims["sub"]:
            claims = {**info, **claims}
    subject = str(claims["sub"])
    full_name = str(claims.get(p.claim_name) or "").strip()
    id_number = str(claims.get(p.claim_id_number) or "").strip()
    if not ID_NUMBER.match(id_number):
        raise _invalid(p, _("không có số định danh cá nhân 12 chữ số"))
    if not full_name:
        raise _invalid(p, _("không có họ tên"))
    try:  # the rules of every other entry point of people's data (core.people)
        person = people.check_person(
            name=full_name, id_number=id_number, birth_date=_birth_date(claims.get(p.claim_birth_date))
        )
    except ValidationError as exc:
        raise _invalid(p, " ".join(exc.messages).rstrip(".")) from None
    try:
        phone = people.normalise_phone(claims.get(p.claim_phone))
    except ValidationError:
        phone = ""  # a contact detail only: the citizen types one on the e-form
    return Identity(
        issuer=p.issuer,
        subject=subject,
        full_name=person["name"][:255],
        id_number=person["id_number"],
        birth_date=person.get("birth_date"),
        phone=phone,
        next_url=str(flow.get("next") or ""),
    )
