"""Behind a reverse proxy every request comes from the proxy's address. The client's own address is read from
``X-Forwarded-For`` only when the connection comes from a proxy named in ``MOTCUA_TRUSTED_PROXIES``, right to
left, skipping trusted proxies; what a client writes into the header itself is never believed. One function
(``motcua.core.client.client_ip``) gives the address to the sign-in lock, the tracking page's limits and PAKN."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from motcua.core.client import client_ip
from tests.builders.accounts import PASSWORD, make_local

SRC = Path(__file__).resolve().parents[2] / "src" / "motcua"
PROXY = "10.0.0.5"


def ip(remote, forwarded=None, proxies=()):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(MOTCUA_TRUSTED_PROXIES=list(proxies)):
        return client_ip(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        # no trusted proxy: the header is ignored, whoever sends it
        ("203.0.113.7", "198.51.100.1", [], "203.0.113.7"),
        (PROXY, "198.51.100.1", [], PROXY),
        # a client that is not a trusted proxy cannot pick its address
        ("203.0.113.7", "198.51.100.1", [PROXY], "203.0.113.7"),
        # behind the proxy: the address the proxy saw
        (PROXY, "198.51.100.1", [PROXY], "198.51.100.1"),
        # the client wrote a fake address before the proxy appended the real one: the real one (right-most) counts
        (PROXY, "1.2.3.4, 198.51.100.1", [PROXY], "198.51.100.1"),
        # two proxies (a load balancer in a trusted network, then nginx): both skipped
        ("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3", ["127.0.0.1", "10.0.0.0/8"], "198.51.100.1"),
        # every hop trusted: the left-most of them
        (PROXY, "10.9.9.9", ["10.0.0.0/8"], "10.9.9.9"),
        # the proxy sent no header: its own address
        (PROXY, None, [PROXY], PROXY),
        (PROXY, "", [PROXY], PROXY),
        # garbage in the header is not an address: stop at the last trusted hop
        (PROXY, "<script>, 10.0.0.7", ["10.0.0.0/8"], "10.0.0.7"),
        (PROXY, "198.51.100.1, not-an-ip", [PROXY], PROXY),
        # ports and IPv6
        (PROXY, "198.51.100.1:5555", [PROXY], "198.51.100.1"),
        (PROXY, "[2001:db8::7]:443", [PROXY], "2001:db8::7"),
        ("::1", "2001:db8::7", ["::1"], "2001:db8::7"),
        ("::ffff:10.0.0.5", "198.51.100.1", [PROXY], "198.51.100.1"),
        # a v4 network never matches a v6 address and the reverse
        ("2001:db8::5", "198.51.100.1", ["10.0.0.0/8"], "2001:db8::5"),
        ("", None, [], "unknown"),
    ],
)
def test_the_client_address(remote, forwarded, proxies, expected):
    assert ip(remote, forwarded, proxies) == expected


def test_one_function_reads_the_connection_address():
    """No other module reads REMOTE_ADDR or X-Forwarded-For: a new limit cannot forget the proxy rule."""
    readers = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if re.search(r"[\"']REMOTE_ADDR[\"']|HTTP_X_FORWARDED_FOR|HTTP_X_REAL_IP", path.read_text())
    )
    assert readers == ["core/client.py"]


def sign_in(client, username, password, forwarded):
    return client.post(
        "/dang-nhap/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
@override_settings(MOTCUA_TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_one_guesser_locks_only_their_own_address(client, settings):
    make_local()
    for n in range(
        settings.MOTCUA_SIGNIN_IP_MAX_FAILURES
    ):  # a different name each time: only the address counts
        sign_in(client, f"ai-do-{n}@example.vn", "sai-mat-khau", "203.0.113.66")
    assert sign_in(client, "binh@example.vn", PASSWORD, "203.0.113.66").status_code == 429
    # every other citizen comes through the same proxy and still signs in
    assert sign_in(client, "binh@example.vn", PASSWORD, "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_without_the_setting_everyone_behind_the_proxy_shares_one_lock(client, settings):
    """What happened before: the proxy's address is everyone's, so one guesser locks every citizen out."""
    make_local()
    for n in range(settings.MOTCUA_SIGNIN_IP_MAX_FAILURES):
        sign_in(client, f"ai-do-{n}@example.vn", "sai-mat-khau", "203.0.113.66")
    assert sign_in(client, "binh@example.vn", PASSWORD, "198.51.100.20").status_code == 429


@pytest.mark.django_db
@override_settings(MOTCUA_TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_the_tracking_limit_is_per_citizen(client):
    from motcua.portal import throttle

    cache.clear()
    try:
        for n in range(throttle.FAILURES_PER_IP):
            client.post(
                "/tra-cuu/", {"code": f"000.00.02.H56-260309-{n:04d}", "check": "1111"},
                REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66",
            )  # fmt: skip
        assert throttle.is_throttled("203.0.113.66", None)
        assert not throttle.is_throttled(PROXY, None) and not throttle.is_throttled("198.51.100.20", None)
    finally:
        cache.clear()
