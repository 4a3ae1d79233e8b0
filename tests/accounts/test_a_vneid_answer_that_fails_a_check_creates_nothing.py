"""Each check of the OpenID Connect answer refuses with a Vietnamese 400 page and creates nothing: state, nonce,
signature, audience, issuer, expiry, a missing ID number, the provider's refusal, an unreachable provider."""

import time

import pytest
from django.contrib.auth import get_user_model

from motcua.accounts import oidc
from motcua.accounts.models import Citizen
from tests.builders.accounts import start_sign_in

pytestmark = pytest.mark.django_db


def refused(response, text):
    page = response.content.decode()
    assert response.status_code == 400, page
    assert text in page, page
    assert Citizen.objects.count() == 0 and get_user_model().objects.count() == 0
    return page


def finish(client, query, **params):
    return client.get("/dang-nhap/vneid/callback/", {"code": "c", "state": query["state"], **params})


def test_state_mismatch(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    refused(finish(client, {**query, "state": "khac"}), "Phiên đăng nhập không khớp hoặc đã hết hạn")
    assert fake_idp.token_requests == []  # nothing exchanged
    # and the state is used once: the right one after a wrong one is refused too
    refused(finish(client, query), "Phiên đăng nhập không khớp hoặc đã hết hạn")


def test_callback_without_a_started_sign_in(client, fake_idp):
    refused(finish(client, {"state": "x"}), "Phiên đăng nhập không khớp hoặc đã hết hạn")


def test_nonce_mismatch(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    fake_idp.nonce = "mot-nonce-khac"
    refused(finish(client, query), "nonce")


def test_bad_signature(client, fake_idp, rsa_keys):
    query = start_sign_in(client, fake_idp)
    fake_idp.signing_key = rsa_keys[1]
    refused(finish(client, query), "chữ ký không đúng")


def test_wrong_audience(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    fake_idp.overrides = {"aud": "ung-dung-khac"}
    refused(finish(client, query), "không cấp cho hệ thống này")


def test_wrong_issuer(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    fake_idp.overrides = {"iss": "https://evil.example"}
    refused(finish(client, query), "không do nhà cung cấp đã cấu hình phát hành")


def test_expired_token(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    fake_idp.overrides = {"exp": int(time.time()) - 120, "iat": int(time.time()) - 600}
    refused(finish(client, query), "đã hết hạn")


def test_unsigned_token(client, fake_idp, monkeypatch):
    query = start_sign_in(client, fake_idp)
    import jwt

    real_encode = jwt.encode
    monkeypatch.setattr(
        jwt, "encode", lambda claims, key, algorithm, headers: real_encode(claims, None, algorithm="none")
    )
    refused(finish(client, query), "không hợp lệ")


def test_missing_or_malformed_id_number(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    fake_idp.claims["id_number"] = "12345"
    refused(finish(client, query), "không có số định danh cá nhân 12 chữ số")


def test_the_provider_refused(client, fake_idp):
    query = start_sign_in(client, fake_idp)
    refused(
        client.get("/dang-nhap/vneid/callback/", {"error": "access_denied", "state": query["state"]}),
        "đã từ chối hoặc bạn đã hủy đăng nhập",
    )


def test_the_provider_is_unreachable(client, fake_idp, monkeypatch):
    query = start_sign_in(client, fake_idp)

    def down(*args, **kwargs):
        raise oidc.TransportError("connection refused")

    monkeypatch.setattr(fake_idp, "post_form", down)
    refused(finish(client, query), "Không liên lạc được với VNeID")
    monkeypatch.setattr(fake_idp, "get_json", down)
    refused(client.get("/dang-nhap/vneid/"), "Không liên lạc được với VNeID")


def test_a_stale_sign_in_is_refused(client, fake_idp, monkeypatch):
    query = start_sign_in(client, fake_idp)
    later = time.time() + oidc.FLOW_SECONDS + 1
    monkeypatch.setattr(oidc.time, "time", lambda: later)
    refused(finish(client, query), "Phiên đăng nhập không khớp hoặc đã hết hạn")
