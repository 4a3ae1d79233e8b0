"""Every answer carries the Content-Security-Policy (scripts and styles from the site only, no inline script, no
eval); answers that may hold personal data are ``Cache-Control: no-store`` (anything for a signed-in person, the
API, the tracking pages); HSTS, HTTPS behind a proxy and secure cookies come from the environment. The templates
have no inline script, event handler, ``style`` attribute or htmx feature that needs eval, so the policy holds."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.builders.accounts import make_local

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "motcua"


def csp(response) -> str:
    return response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/dang-nhap/", "/admin/login/", "/api/v1/docs", "/tra-cuu/"])
def test_every_page_has_the_strict_policy(client, url):
    policy = csp(client.get(url))
    assert (
        "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    )
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.django_db
def test_the_policy_comes_from_the_environment(client):
    with override_settings(
        MOTCUA_CSP="default-src 'self' https://cdn.example.vn", MOTCUA_CSP_REPORT_ONLY=True
    ):
        response = Client().get("/")
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'self' https://cdn.example.vn"
    assert "Content-Security-Policy" not in response


TEMPLATE_FAULTS = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
    "event handler attribute": re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I),
    "hx-on (needs eval)": re.compile(r"\shx-on[:-]", re.I),
    "hx-trigger filter (needs eval)": re.compile(r"hx-trigger=\"[^\"]*\[", re.I),
    "hx-vals/hx-vars with js: (needs eval)": re.compile(r"hx-va(?:ls|rs)=['\"]\s*js:", re.I),
    "style attribute": re.compile(r"\sstyle\s*=\s*[\"']", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def test_no_template_needs_unsafe_inline_or_eval():
    found = []
    for path in sorted(SRC.rglob("templates/**/*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(), flags=re.S)  # template comments are never sent
        for fault, pattern in TEMPLATE_FAULTS.items():
            if pattern.search(text):
                found.append(f"{path.relative_to(SRC)}: {fault}")
    assert found == []


@pytest.mark.django_db
def test_htmx_runs_without_eval_and_without_its_inline_style(client):
    page = client.get("/").content.decode()
    assert (
        '<meta name="htmx-config" content=\'{"allowEval": false, "includeIndicatorStyles": false}\'>' in page
    )
    assert re.search(r'<script src="/static/motcua/motcua\.js" defer>', page)


def test_every_page_that_loads_htmx_configures_it_first():
    """A page of its own (the counter's kiosk) that loads htmx without the configuration lets htmx add its inline
    style, which the policy refuses."""
    config = '<meta name="htmx-config" content=\'{"allowEval": false, "includeIndicatorStyles": false}\'>'
    unconfigured = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("templates/**/*.html"))
        if "{% htmx_script %}" in (text := path.read_text())
        and text.find(config) == -1
        or "{% htmx_script %}" in text
        and text.find(config) > text.find("{% htmx_script %}")
    ]
    assert unconfigured == []


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_personal_answers_are_not_stored(client, officers):
    # an officer's workspace
    client.force_login(officers["counter"])
    assert no_store(client.get("/mot-cua/"))
    client.logout()
    # a citizen's own pages
    client.force_login(make_local().user)
    assert no_store(client.get("/ho-so-cua-toi/")) and no_store(client.get("/tai-khoan/ca-nhan/"))
    client.logout()
    # the tracking pages (a dossier's status is shown after its check) and every API answer
    assert no_store(client.get("/tra-cuu/")) and no_store(
        client.post("/tra-cuu/", {"code": "X", "check": "1"})
    )
    assert no_store(client.get("/tra-cuu/000.00.02.H56-260309-0001/"))
    assert no_store(client.get("/api/v1/ho-so")) and no_store(client.get("/api/v1/openapi.json"))


@pytest.mark.django_db
def test_public_pages_for_anyone_stay_cacheable(client):
    assert not no_store(client.get("/")) and not no_store(client.get("/co-quan/"))


def settings_of(**env) -> dict:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "SECURE_"))}
    base.update(PYTHONPATH=str(ROOT / "src"), SECRET_KEY="k" * 50, **env)
    code = (
        "from motcua import settings as s; print(repr({n: getattr(s, n, None) for n in ["
        "'SECURE_PROXY_SSL_HEADER', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SECURE_HSTS_PRELOAD', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'MOTCUA_TRUSTED_PROXIES', "
        "'MOTCUA_OFFICER_IDLE_MINUTES', 'MOTCUA_CITIZEN_IDLE_MINUTES']}))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=base, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return ast.literal_eval(done.stdout)


def test_https_settings_come_from_the_environment():
    assert settings_of() == {
        "SECURE_PROXY_SSL_HEADER": None, "SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False, "SECURE_HSTS_PRELOAD": False, "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False, "MOTCUA_TRUSTED_PROXIES": [], "MOTCUA_OFFICER_IDLE_MINUTES": 30,
        "MOTCUA_CITIZEN_IDLE_MINUTES": 0,
    }  # fmt: skip
    assert settings_of(
        MOTCUA_PROXY_SSL_HEADER="X-Forwarded-Proto", MOTCUA_SSL_REDIRECT="1", MOTCUA_HSTS_SECONDS="31536000",
        MOTCUA_HSTS_INCLUDE_SUBDOMAINS="1", MOTCUA_HSTS_PRELOAD="1", MOTCUA_SECURE_COOKIES="1",
        MOTCUA_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8", MOTCUA_OFFICER_IDLE_MINUTES="15",
        MOTCUA_CITIZEN_IDLE_MINUTES="120",
    ) == {
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"), "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
        "MOTCUA_TRUSTED_PROXIES": ["127.0.0.1", "10.0.0.0/8"], "MOTCUA_OFFICER_IDLE_MINUTES": 15,
        "MOTCUA_CITIZEN_IDLE_MINUTES": 120,
    }  # fmt: skip


def test_a_wrong_trusted_proxy_stops_the_start():
    base = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    base.update(
        PYTHONPATH=str(ROOT / "src"), SECRET_KEY="k" * 50, MOTCUA_TRUSTED_PROXIES="10.0.0.0/8, proxy.local"
    )
    done = subprocess.run(
        [sys.executable, "-c", "import motcua.settings"], env=base, capture_output=True, text=True
    )
    assert (
        done.returncode != 0 and "MOTCUA_TRUSTED_PROXIES: 'proxy.local' does not appear to be" in done.stderr
    )


@pytest.mark.django_db
def test_behind_a_tls_proxy_https_is_recognised_and_hsts_sent():
    with override_settings(
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_HSTS_SECONDS=31536000,
        SECURE_SSL_REDIRECT=True,
    ):  # fmt: skip
        client = Client()
        plain = client.get("/co-quan/")
        assert plain.status_code == 301 and plain["Location"] == "https://testserver/co-quan/"
        secure = client.get("/co-quan/", HTTP_X_FORWARDED_PROTO="https")
        assert secure.status_code == 200 and secure["Strict-Transport-Security"] == "max-age=31536000"
