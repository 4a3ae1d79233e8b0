"""Brute force: 5 failures for an account within 15 minutes lock it for 15 minutes (also with the right
password); the answer says how many minutes remain; the lock lifts by itself, is logged, and a success clears the
count. A per-address limit catches attempts spread over many names. Counts are in the database."""

import datetime as dt
import logging

import pytest
from django.utils import timezone

from motcua.accounts import lockout, services
from motcua.accounts.models import SignInThrottle
from tests.builders.accounts import PASSWORD, make_local

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(monkeypatch):
    """``frozen.move(minutes=…)`` moves the accounts' clock."""

    class Clock:
        now = timezone.now()

        def move(self, **delta):
            self.now += dt.timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(services, "clock", lambda: clock.now)
    return clock


def attempt(client, password, username="binh@example.vn", **extra):
    return client.post("/dang-nhap/", {"username": username, "password": password}, **extra)


def test_five_failures_lock_the_account_and_the_lock_lifts_after_15_minutes(client, frozen, caplog):
    citizen = make_local()
    for _ in range(4):
        assert attempt(client, "sai-mat-khau").status_code == 200
    with caplog.at_level(logging.WARNING, logger="motcua.accounts"):
        fifth = attempt(client, "sai-mat-khau")
    assert fifth.status_code == 429 and "thử lại sau 15 phút" in fifth.content.decode()
    assert "Sign-in locked for account 'binh@example.vn'" in caplog.text

    frozen.move(minutes=5, seconds=30)
    right = attempt(client, PASSWORD)
    assert right.status_code == 429 and "thử lại sau 10 phút" in right.content.decode()
    assert "_auth_user_id" not in client.session

    frozen.move(minutes=10)
    assert attempt(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.user_id)
    assert not SignInThrottle.objects.filter(
        key="account:binh@example.vn"
    ).exists()  # success clears the count


def test_the_username_and_the_email_count_as_one_account(client, frozen):
    make_local()
    for i in range(5):
        attempt(client, "sai", username="binh@example.vn" if i % 2 else "BINH@EXAMPLE.VN")
    assert attempt(client, PASSWORD).status_code == 429


def test_failures_spread_over_more_than_15_minutes_do_not_lock(client, frozen):
    make_local()
    for _ in range(4):
        attempt(client, "sai")
    frozen.move(minutes=16)
    for _ in range(4):
        assert attempt(client, "sai").status_code == 200
    assert attempt(client, PASSWORD).status_code == 302


def test_a_success_clears_the_count(client, frozen):
    make_local()
    for _ in range(4):
        attempt(client, "sai")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/dang-xuat/")
    for _ in range(4):
        assert attempt(client, "sai").status_code == 200


def test_the_limits_are_settings(client, frozen, settings):
    settings.MOTCUA_SIGNIN_MAX_FAILURES = 2
    settings.MOTCUA_SIGNIN_LOCK_MINUTES = 60
    make_local()
    attempt(client, "sai")
    assert "thử lại sau 60 phút" in attempt(client, "sai").content.decode()


def test_one_address_is_locked_after_its_own_limit(client, frozen, settings, caplog):
    settings.MOTCUA_SIGNIN_IP_MAX_FAILURES = 6
    make_local()
    for i in range(5):
        attempt(client, "sai", username=f"nguoi{i}@example.vn")
    with caplog.at_level(logging.WARNING, logger="motcua.accounts"):
        sixth = attempt(client, "sai", username="nguoi9@example.vn")
    assert sixth.status_code == 429 and "Sign-in locked for address 127.0.0.1" in caplog.text
    assert attempt(client, PASSWORD).status_code == 429  # a real account, from the same address
    assert attempt(client, PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 302  # another address
    frozen.move(minutes=15, seconds=1)
    client.post("/dang-xuat/")
    assert attempt(client, PASSWORD).status_code == 302


def test_concurrent_workers_share_the_count_in_the_database():
    now = timezone.now()
    for _ in range(5):
        lock = lockout.record_failure("an", "1.2.3.4", now)
    assert lock is not None and lockout.locked("an", "5.6.7.8", now) is not None
    assert lockout.locked("an", "5.6.7.8", now + dt.timedelta(minutes=15)) is None
