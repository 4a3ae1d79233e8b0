"""The mock provider's endpoints (see the package docstring). Every view answers 404 unless MOTCUA_OIDC_MOCK."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import secrets
import time
import urllib.parse

import jwt
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from motcua.accounts import oidc
from motcua.accounts.mock_idp import signing_key
from motcua.accounts.mock_idp.identities import DEMO_IDENTITIES

CODE_SALT = "motcua.mock-vneid.code"
ACCESS_SALT = "motcua.mock-vneid.access"
CODE_SECONDS = 120
TOKEN_SECONDS = 300


def mock_only(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.MOTCUA_OIDC_MOCK:
            raise Http404("mock provider off")
        return view(request, *args, **kwargs)

    return wrapped


def _provider() -> oidc.Provider:
    p = oidc.provider()
    if p is None:
        raise Http404("no provider")
    return p


def _issuer() -> str:
    return _provider().issuer


@mock_only
@require_GET
def discovery(request):
    issuer = _issuer()
    return JsonResponse(
        {
            "issuer": issuer,
            "authorization_endpoint": issuer + "/authorize/",
            "token_endpoint": issuer + "/token/",
            "jwks_uri": issuer + "/jwks/",
            "userinfo_endpoint": issuer + "/userinfo/",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "profile"],
        }
    )


@mock_only
@require_GET
def jwks(request):
    key, kid = signing_key()
    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return JsonResponse({"keys": [{**jwk, "kid": kid, "use": "sig", "alg": "RS256"}]})


class IdentityForm(forms.Form):
    choice = forms.ChoiceField(required=False)
    name = forms.CharField(label=gettext_lazy("Họ tên"), max_length=255, required=False)
    id_number = forms.RegexField(
        label=gettext_lazy("Số định danh cá nhân"),
        regex=r"^\d{12}$",
        required=False,
        error_messages={"invalid": gettext_lazy("Số định danh cá nhân gồm đúng 12 chữ số.")},
    )
    birthdate = forms.DateField(label=gettext_lazy("Ngày sinh"), required=False)
    phone = forms.CharField(label=gettext_lazy("Số điện thoại"), max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [(str(i), d["name"]) for i, d in enumerate(DEMO_IDENTITIES)] + [
            ("typed", "typed")
        ]

    def clean(self):
        data = super().clean()
        if data.get("choice") in (None, "", "typed"):
            if not data.get("name") or not data.get("id_number"):
                raise forms.ValidationError(_("Hãy chọn một danh tính mẫu hoặc nhập họ tên và số định danh."))
            data["identity"] = {
                "id_number": data["id_number"],
                "name": data["name"].strip(),
                "birthdate": data["birthdate"].isoformat() if data.get("birthdate") else "",
                "phone": data.get("phone", "").strip(),
            }
        else:
            data["identity"] = DEMO_IDENTITIES[int(data["choice"])]
        return data


def _authorize_request(params) -> dict:
    """The checked parameters of an authorization request; ValueError with the reason."""
    p = _provider()
    redirect_uri = params.get("redirect_uri", "")
    parsed = urllib.parse.urlparse(redirect_uri)
    if params.get("client_id") != p.client_id:
        raise ValueError("unknown client_id")
    if parsed.scheme not in ("http", "https") or not parsed.path.endswith(reverse("accounts:oidc-callback")):
        raise ValueError("redirect_uri is not the client's callback")
    if params.get("response_type") != "code":
        raise ValueError("response_type must be code")
    if "openid" not in params.get("scope", "").split():
        raise ValueError("scope must include openid")
    if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
        raise ValueError("PKCE with S256 is required")
    return {
        key: params.get(key, "")
        for key in ("client_id", "redirect_uri", "state", "nonce", "code_challenge", "scope")
    }


def _back(req: dict, **query) -> HttpResponseRedirect:
    if req["state"]:
        query["state"] = req["state"]
    sep = "&" if "?" in req["redirect_uri"] else "?"
    return HttpResponseRedirect(req["redirect_uri"] + sep + urllib.parse.urlencode(query))


@mock_only
@require_http_methods(["GET", "POST"])
def authorize(request):
    source = request.GET if request.method == "GET" else request.POST
    try:
        req = _authorize_request(source)
    except ValueError as exc:
        return render(request, "mock_idp/error.html", {"reason": str(exc)}, status=400)
    form = IdentityForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if "cancel" in request.POST:
            return _back(req, error="access_denied")
        if form.is_valid():
            identity = form.cleaned_data["identity"]
            code = signing.dumps({"req": req, "id": identity, "t": int(time.time())}, salt=CODE_SALT)
            return _back(req, code=code)
    return render(
        request,
        "mock_idp/authorize.html",
        {
            "form": form,
            "req": req,
            "demo": list(enumerate(DEMO_IDENTITIES)),
            "label": settings.MOTCUA_OIDC_LABEL,
        },
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


def _token_error(error: str, description: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": error, "error_description": description}, status=status)


def _client(request) -> tuple[str, str]:
    header = request.headers.get("Authorization", "")
    if header.startswith("Basic "):
        try:
            user, _sep, password = base64.b64decode(header[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        return urllib.parse.unquote(user), urllib.parse.unquote(password)
    return request.POST.get("client_id", ""), request.POST.get("client_secret", "")


def _claims(identity: dict, p: oidc.Provider) -> dict:
    return {
        "sub": "mock-" + hashlib.sha256(identity["id_number"].encode()).hexdigest()[:20],
        p.claim_name: identity["name"],
        p.claim_id_number: identity["id_number"],
        p.claim_birth_date: identity.get("birthdate", ""),
        p.claim_phone: identity.get("phone", ""),
    }


@csrf_exempt
@mock_only
@require_POST
def token(request):
    p = _provider()
    client_id, secret = _client(request)
    if client_id != p.client_id or not secrets.compare_digest(secret.encode(), p.client_secret.encode()):
        return _token_error("invalid_client", "wrong client id or secret", 401)
    if request.POST.get("grant_type") != "authorization_code":
        return _token_error("unsupported_grant_type", "only authorization_code")
    code = request.POST.get("code", "")
    try:
        data = signing.loads(code, salt=CODE_SALT, max_age=CODE_SECONDS)
    except signing.BadSignature:
        return _token_error("invalid_grant", "unknown or expired code")
    req = data["req"]
    if req["client_id"] != client_id or request.POST.get("redirect_uri") != req["redirect_uri"]:
        return _token_error("invalid_grant", "redirect_uri or client differs from the authorization request")
    verifier = request.POST.get("code_verifier", "")
    if not verifier or not secrets.compare_digest(oidc.code_challenge(verifier), req["code_challenge"]):
        return _token_error("invalid_grant", "PKCE verifier does not match")
    if not cache.add("mock-vneid-code:" + hashlib.sha256(code.encode()).hexdigest(), 1, CODE_SECONDS * 2):
        return _token_error("invalid_grant", "code already used")
    now = int(time.time())
    claims = _claims(data["id"], p)
    key, kid = signing_key()
    id_token = jwt.encode(
        {
            **claims,
            "iss": p.issuer,
            "aud": client_id,
            "iat": now,
            "exp": now + TOKEN_SECONDS,
            "nonce": req["nonce"],
        },
        key,
        algorithm="RS256",
        headers={"kid": kid},
    )
    access = signing.dumps({"claims": claims, "exp": now + TOKEN_SECONDS}, salt=ACCESS_SALT)
    return JsonResponse(
        {"access_token": access, "token_type": "Bearer", "expires_in": TOKEN_SECONDS, "id_token": id_token},
        headers={"Cache-Control": "no-store"},
    )


@csrf_exempt
@mock_only
@require_http_methods(["GET", "POST"])
def userinfo(request):
    header = request.headers.get("Authorization", "")
    try:
        data = signing.loads(header.removeprefix("Bearer "), salt=ACCESS_SALT)
    except signing.BadSignature:
        return _token_error("invalid_token", "unknown access token", 401)
    if data["exp"] < dt.datetime.now().timestamp():
        return _token_error("invalid_token", "expired access token", 401)
    return JsonResponse(data["claims"])
