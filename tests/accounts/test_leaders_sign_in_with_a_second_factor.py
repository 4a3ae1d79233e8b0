"""Rule 8 of issue 16: leaders and administrators sign in with a second factor (an authenticator app, or a
single-use recovery code); a leader with no device enrols one at sign-in before reaching any officer page."""

from __future__ import annotations

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts import second_factor
from motcua.accounts.models import SignInThrottle
from tests.accounts.second_factor_helpers import (
    CODE_PAGE,
    ENROL_PAGE,
    RECOVERY_PAGE,
    WORKSPACE,
    enrol,
    in_workspace,
    make_officer,
    password_step,
    secret_on,
)
from tests.builders.accounts import current_code

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


def _code_for_secret(secret: str) -> str:
    import base64

    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{TOTP(key).token():06d}"


def test_a_leader_without_a_device_enrols_before_reaching_the_workspace(client):
    leader = make_officer("lanhdao")
    response = password_step(client, leader)
    assert response.status_code == 302 and response["Location"] == ENROL_PAGE
    # the password alone signs nobody in: the workspace still asks to sign in
    assert client.get(WORKSPACE)["Location"].startswith("/dang-nhap/?next=")

    page = client.get(ENROL_PAGE).content.decode()
    assert "<svg" in page and 'class="qr"' in page  # the QR code, drawn on the server
    secret = secret_on(page)
    assert len(secret) == 32
    assert secret_on(client.get(ENROL_PAGE).content.decode()) == secret  # a reload keeps the same secret

    wrong = client.post(ENROL_PAGE, {"code": "000000"})
    assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    assert not second_factor.is_enrolled(leader)

    done = client.post(ENROL_PAGE, {"code": _code_for_secret(secret)})
    assert done.status_code == 302 and done["Location"] == RECOVERY_PAGE
    assert second_factor.is_enrolled(leader)
    assert client.session[DEVICE_ID_SESSION_KEY].startswith("otp_totp")

    codes_page = client.get(RECOVERY_PAGE).content.decode()
    assert codes_page.count("<li><code>") == second_factor.RECOVERY_CODES == 10
    download = client.get(RECOVERY_PAGE, {"tai-ve": "1"})
    assert download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"]
    assert len([line for line in download.content.decode().splitlines() if len(line) == 9]) == 10

    kept = client.post(RECOVERY_PAGE)
    assert kept.status_code == 302 and kept["Location"] == WORKSPACE
    assert in_workspace(client)
    # shown once: the codes are gone from the session
    assert client.get(RECOVERY_PAGE)["Location"] == "/tai-khoan/xac-thuc-hai-buoc/"


def test_an_enrolled_leader_needs_a_valid_code(client):
    leader = make_officer("lanhdao")
    device, _ = enrol(leader)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the enrolment's code may be typed again here
    response = password_step(client, leader, next_url="/mot-cua/?tab=1")
    assert response["Location"] == CODE_PAGE
    assert client.get(WORKSPACE).status_code == 302  # not signed in yet
    assert "_auth_user_id" not in client.session

    device.refresh_from_db()
    signed = client.post(CODE_PAGE, {"code": current_code(device)})
    assert signed.status_code == 302 and signed["Location"] == "/mot-cua/?tab=1"
    assert in_workspace(client)


def test_a_code_is_accepted_once(client):
    leader = make_officer("lanhdao")
    device, _ = enrol(leader)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    code = current_code(device)
    password_step(client, leader)
    assert client.post(CODE_PAGE, {"code": code}).status_code == 302
    client.post("/dang-xuat/")
    password_step(client, leader)
    replay = client.post(CODE_PAGE, {"code": code})
    assert replay.status_code == 200 and "đã được dùng" in replay.content.decode()


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(client, settings):
    settings.MOTCUA_SIGNIN_MAX_FAILURES = 5
    leader = make_officer("lanhdao")
    device, _ = enrol(leader)
    password_step(client, leader)
    for _ in range(2):
        wrong = client.post(CODE_PAGE, {"code": "123456" if current_code(device) != "123456" else "654321"})
        assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    assert client.get(WORKSPACE).status_code == 302
    # the right password again does not clear the count of wrong codes
    password_step(client, leader)
    assert SignInThrottle.objects.get(key="account:lanhdao").failures == 2
    for _ in range(2):
        client.post(CODE_PAGE, {"code": "recovery?"})
    locked = client.post(CODE_PAGE, {"code": "00000000"}, follow=True)
    assert "tạm bị khóa" in locked.content.decode()
    assert locked.redirect_chain[-1][0] == "/dang-nhap/"  # back to the start
    # the account is locked for passwords too, the right one included
    again = password_step(client, leader)
    assert again.status_code == 429 and "tạm bị khóa" in again.content.decode()


def test_a_recovery_code_works_once(client):
    leader = make_officer("lanhdao")
    _, codes = enrol(leader)
    password_step(client, leader)
    used = client.post(CODE_PAGE, {"code": f"{codes[3][:4]} {codes[3][4:].upper()}"}, follow=True)
    assert used.redirect_chain[0][0] == WORKSPACE and used.status_code == 200
    assert "còn 9 mã" in used.content.decode()
    client.post("/dang-xuat/")
    password_step(client, leader)
    refused = client.post(CODE_PAGE, {"code": codes[3]})
    assert refused.status_code == 200 and "Mã không đúng" in refused.content.decode()
    assert client.post(CODE_PAGE, {"code": codes[4]}).status_code == 302
    assert second_factor.recovery_codes_left(leader) == 8


def test_a_half_signed_in_session_cannot_reach_officer_pages(client):
    """A session made before the rule (or by another way in) is sent to the second step, not into the pages."""
    leader = make_officer("lanhdao")
    client.force_login(leader)
    for page in (WORKSPACE, "/bao-cao/", "/tai-khoan/xac-thuc-hai-buoc/"):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"].startswith(CODE_PAGE), page
    assert client.get(CODE_PAGE)["Location"].startswith(ENROL_PAGE)
    assert client.get("/dang-nhap/")["Location"].startswith(CODE_PAGE)


def test_the_pending_password_step_expires(client, monkeypatch):
    from motcua.accounts import views_second_factor

    leader = make_officer("lanhdao")
    enrol(leader)
    password_step(client, leader)
    monkeypatch.setattr(views_second_factor, "PENDING_SECONDS", 0)
    late = client.post(CODE_PAGE, {"code": "123456"}, follow=True)
    assert late.redirect_chain[-1][0] == "/dang-nhap/" and "hết hạn" in late.content.decode()


def test_an_htmx_request_of_a_half_signed_in_session_reloads_the_whole_page(client):
    client.force_login(make_officer("lanhdao"))
    response = client.get("/mot-cua/ho-so/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and response["HX-Redirect"].startswith(CODE_PAGE)


def test_the_controller_pages_need_the_second_factor_of_an_administrator(client):
    admin = make_officer("quantri", None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/kiem-soat-tthc/")
    assert response.status_code == 302 and response["Location"].startswith(CODE_PAGE)
