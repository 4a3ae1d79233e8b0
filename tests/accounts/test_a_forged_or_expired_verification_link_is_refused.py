"""The verification link is signed and expires after 48 hours: a changed, foreign or old link verifies nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.accounts import services
from tests.builders.accounts import make_local

pytestmark = pytest.mark.django_db


def url(token):
    return f"/tai-khoan/xac-nhan/{token}/"


def test_an_expired_link_is_refused(client):
    citizen = make_local(verified=False)
    old = services.verification_token(citizen, at=timezone.now() - dt.timedelta(hours=49))
    response = client.get(url(old))
    assert response.status_code == 400 and "đã hết hạn" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.email_verified_at is None


def test_a_link_within_48_hours_works(client):
    citizen = make_local(verified=False)
    recent = services.verification_token(citizen, at=timezone.now() - dt.timedelta(hours=47))
    assert client.get(url(recent)).status_code == 302
    citizen.refresh_from_db()
    assert citizen.email_verified_at is not None


def test_a_forged_link_is_refused(client):
    citizen = make_local(verified=False)
    token = services.verification_token(citizen)
    forged = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    for bad in (forged, "abc", token.replace(":", "x", 1)):
        response = client.get(url(bad))
        assert response.status_code == 400 and "không hợp lệ" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.email_verified_at is None


def test_a_link_for_an_old_address_is_refused(client):
    citizen = make_local(verified=False)
    token = services.verification_token(citizen)
    services.update_profile(citizen, phone="", email="moi@example.vn", address="")
    assert client.get(url(token)).status_code == 400
    citizen.refresh_from_db()
    assert citizen.email_verified_at is None
