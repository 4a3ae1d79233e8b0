"""In a phone's browser: the sign-in page offers VNeID; the mock provider (clearly labelled) lets the tester pick a
demo identity; back on the site the citizen's page shows the verified identity. Screenshots in
test-artifacts/screenshots/."""

import re

import pytest

from motcua.accounts.models import Citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_vneid_on_a_phone(new_page, live_server, settings, mock_key_file, shot):
    settings.MOTCUA_OIDC_MOCK = True
    settings.MOTCUA_OIDC_ISSUER = ""
    settings.MOTCUA_PUBLIC_URL = live_server.url
    settings.MOTCUA_OIDC_CLIENT_ID = settings.MOTCUA_OIDC_CLIENT_SECRET = ""
    settings.MOTCUA_OIDC_MOCK_KEY_FILE = mock_key_file
    page = new_page(width=390, height=844)
    page.goto("/dang-nhap/")
    assert page.get_by_label("Tên đăng nhập hoặc thư điện tử").evaluate("e => e === document.activeElement")
    shot(page, "accounts-sign-in-phone")
    page.get_by_role("link", name="Đăng nhập bằng VNeID").click()
    page.wait_for_url(re.compile(r"/mock-vneid/authorize/"))
    assert "VNeID giả lập — chỉ để thử nghiệm" in page.inner_text(".mock-banner")
    page.get_by_label(re.compile("Lê Thị Dung")).check()
    shot(page, "accounts-mock-vneid-phone")
    page.get_by_role("button", name="Đồng ý đăng nhập").click()
    page.wait_for_url(live_server.url + "/")
    page.goto("/tai-khoan/ca-nhan/")
    assert "Đã xác thực bằng định danh điện tử" in page.inner_text("main")
    assert "038302003456" in page.inner_text(".facts")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "accounts-profile-phone")
    assert Citizen.objects.get().id_verified


def test_sign_up_form_on_a_phone(new_page, shot):
    page = new_page(width=390, height=844)
    page.goto("/tai-khoan/dang-ky/")
    for label in ("Họ và tên", "Thư điện tử", "Nhập lại mật khẩu", "Số điện thoại (không bắt buộc)"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    page.get_by_role("button", name="Đăng ký").click()
    assert page.locator(".field-error").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "accounts-sign-up-errors-phone")
