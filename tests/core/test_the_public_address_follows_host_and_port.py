"""``PORT=8212 make run`` serves on port 8212 and every absolute link says so: with no ``MOTCUA_PUBLIC_URL``, the
public address (QR codes of the forms, links in letters, the mock VNeID's issuer and the redirect registered with it)
defaults from ``HOST`` and ``PORT``, as does the address gunicorn binds. Django reads its settings once per process:
the whole chain is read in a fresh process, the variants by evaluating settings.py again under another environment."""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import motcua

SRC = str(Path(motcua.__file__).resolve().parents[1])
READ = """
import json, django
django.setup()
from django.conf import settings
from django.urls import reverse
from motcua import gunicorn_conf
from motcua.accounts import oidc
from motcua.core.links import public_url
from motcua.documents.render.codes import tracking_url
print(json.dumps({
    "public": settings.MOTCUA_PUBLIC_URL,
    "bind": gunicorn_conf.bind,
    "hosts": settings.ALLOWED_HOSTS,
    "qr": tracking_url("000.00.00.H56-250101-0001"),
    "link": public_url(reverse("portal:track")),
    "issuer": oidc.provider().issuer,
    "callback": public_url(reverse("accounts:oidc-callback")),
}))
"""
UNSET = ("HOST", "PORT", "MOTCUA_PUBLIC_URL", "GUNICORN_BIND", "ALLOWED_HOSTS", "MOTCUA_OIDC_ISSUER")


def settings_with(tmp_path, **environ) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env.update(
        PYTHONPATH=SRC,
        DJANGO_SETTINGS_MODULE="motcua.settings",
        MOTCUA_DATA_DIR=str(tmp_path),
        SECRET_KEY="a key for this test only",
        MOTCUA_OIDC_MOCK="1",
        **environ,
    )
    result = subprocess.run(
        [sys.executable, "-c", READ], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_port_8212_every_absolute_link_and_the_mock_vneid_use_port_8212(tmp_path):
    seen = settings_with(tmp_path, PORT="8212")
    assert seen["public"] == "http://127.0.0.1:8212"
    assert seen["bind"] == "127.0.0.1:8212"
    assert seen["qr"] == "http://127.0.0.1:8212/tra-cuu/000.00.00.H56-250101-0001/"
    assert seen["link"] == "http://127.0.0.1:8212/tra-cuu/"
    assert seen["issuer"] == "http://127.0.0.1:8212/mock-vneid"
    assert seen["callback"] == "http://127.0.0.1:8212/dang-nhap/vneid/callback/"


def evaluated_settings(monkeypatch, tmp_path, **environ) -> dict:
    """The names settings.py defines under ``environ`` (evaluated again, apart from django.conf.settings)."""
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MOTCUA_DATA_DIR", str(tmp_path))
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(SRC) / "motcua" / "settings.py"))


def test_without_host_and_port_the_site_is_at_127_0_0_1_port_8000(monkeypatch, tmp_path):
    seen = evaluated_settings(monkeypatch, tmp_path)
    assert (seen["MOTCUA_PUBLIC_URL"], seen["GUNICORN_BIND"]) == ("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert seen["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]


@pytest.mark.parametrize(
    ("host", "public", "bind", "hosts"),
    [
        (
            "192.168.1.20",
            "http://192.168.1.20:8212",
            "192.168.1.20:8212",
            ["127.0.0.1", "localhost", "192.168.1.20"],
        ),
        ("0.0.0.0", "http://127.0.0.1:8212", "0.0.0.0:8212", ["127.0.0.1", "localhost"]),
        ("::1", "http://[::1]:8212", "[::1]:8212", ["127.0.0.1", "localhost", "[::1]"]),
    ],
)
def test_the_host_is_bound_served_and_named_in_the_links(monkeypatch, tmp_path, host, public, bind, hosts):
    seen = evaluated_settings(monkeypatch, tmp_path, HOST=host, PORT="8212")
    assert (seen["MOTCUA_PUBLIC_URL"], seen["GUNICORN_BIND"], seen["ALLOWED_HOSTS"]) == (public, bind, hosts)


def test_an_explicit_public_address_wins_over_host_and_port(monkeypatch, tmp_path):
    public = "https://dichvucong.thanhhoa.gov.vn/"
    seen = evaluated_settings(monkeypatch, tmp_path, PORT="8212", MOTCUA_PUBLIC_URL=public)
    assert (seen["MOTCUA_PUBLIC_URL"], seen["GUNICORN_BIND"]) == (
        "https://dichvucong.thanhhoa.gov.vn",
        "127.0.0.1:8212",
    )
