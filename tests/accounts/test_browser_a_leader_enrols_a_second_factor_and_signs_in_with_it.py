"""In a browser: a leader's first sign-in enrols an authenticator (QR code and secret on a phone's screen), shows
the recovery codes once, and opens the workspace; the next sign-in asks for a code, refuses a wrong one next to
the field, and accepts the right one. Screenshots at phone and desktop widths in test-artifacts/screenshots/."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.org.roles import Role
from tests.builders.org import PASSWORD, assign, make_agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret: str) -> str:
    secret = secret.replace(" ", "")
    return f"{TOTP(base64.b32decode(secret + '=' * (-len(secret) % 8))).token():06d}"


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _password(page, username: str) -> None:
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập hoặc thư điện tử").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_leader_enrols_then_signs_in_with_a_code(new_page, shot):
    leader = get_user_model().objects.create_user(
        "gd.so", password=PASSWORD, last_name="Trần", first_name="Lan"
    )
    assign(leader, Role.AGENCY_LEAD, make_agency("000.00.03.H56", "Sở Tư pháp"))

    page = new_page(width=390, height=844)
    _password(page, "gd.so")
    page.wait_for_url("**/dang-nhap/cai-dat-xac-thuc/")
    assert page.locator("svg.qr").is_visible()
    assert page.get_by_role("img", name="Mã QR để thêm tài khoản vào ứng dụng xác thực").is_visible()
    secret = page.inner_text("#otp-secret")
    _fits(page, 390)
    shot(page, "accounts-second-factor-enrol-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    shot(page, "accounts-second-factor-enrol-desktop")
    page.set_viewport_size({"width": 390, "height": 844})

    page.get_by_label("Mã xác thực (6 chữ số)").fill("000000" if _code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Xác nhận và tiếp tục").click()
    assert "Mã không đúng" in page.inner_text(".field-error")
    field = page.get_by_label("Mã xác thực (6 chữ số)")
    assert field.evaluate("e => e === document.activeElement")  # the field with the error has the focus
    assert field.get_attribute("aria-describedby") == "code-error"
    field.fill(_code(secret))
    page.get_by_role("button", name="Xác nhận và tiếp tục").click()

    page.wait_for_url("**/dang-nhap/ma-du-phong/")
    assert page.locator(".recovery-codes li").count() == 10
    _fits(page, 390)
    shot(page, "accounts-second-factor-recovery-phone")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải các mã về (tệp văn bản)").click()
    assert download.value.suggested_filename == "motcua-ma-du-phong.txt"
    page.get_by_role("button", name="Tôi đã cất các mã, tiếp tục").click()
    page.wait_for_url("**/mot-cua/**")

    # the next sign-in, on a desktop: the code page
    TOTPDevice.objects.filter(user=leader).update(last_t=-1)  # the enrolment's code may come round again
    page = new_page(width=1280, height=900)
    _password(page, "gd.so")
    page.wait_for_url("**/dang-nhap/ma-xac-thuc/")
    field = page.get_by_label("Mã xác thực (6 chữ số)")
    assert field.evaluate("e => e === document.activeElement")
    assert field.get_attribute("autocomplete") == "one-time-code"
    shot(page, "accounts-second-factor-code-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_text("Không có điện thoại? Dùng mã dự phòng").click()
    assert page.get_by_label("Mã dự phòng (8 ký tự, mỗi mã dùng một lần)").is_visible()
    _fits(page, 390)
    shot(page, "accounts-second-factor-code-phone")
    field.fill(_code(secret))
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    page.wait_for_url("**/mot-cua/**")
    assert "Đăng xuất" in page.inner_text("header")
