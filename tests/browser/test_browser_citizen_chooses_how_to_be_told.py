"""In the browser, on a phone and on a desktop: a citizen opens “Tài khoản”, turns SMS off and Zalo on under
“Nhận thông báo về hồ sơ”, saves, and finds the choice kept."""

import pytest

from motcua.accounts.models import Citizen
from tests.builders.browser import expect_text
from tests.builders.portal import make_citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_citizen_chooses_the_channels_on_the_account_page(new_page, django_user_model, shot):
    user = make_citizen(django_user_model, "cd.binh", email="binh@example.vn")
    page = new_page(user, width=390)
    page.goto("/tai-khoan/ca-nhan/")
    choices = page.get_by_role("group", name="Nhận thông báo qua")
    assert (
        choices.get_by_label("Thư điện tử").is_checked() and choices.get_by_label("Tin nhắn SMS").is_checked()
    )
    assert not choices.get_by_label("Zalo").is_checked()
    choices.get_by_label("Tin nhắn SMS").uncheck()
    choices.get_by_label("Zalo").check()
    page.get_by_role("button", name="Lưu cách nhận thông báo").click()
    expect_text(page.locator("main"), "Đã lưu cách nhận thông báo.")
    page.locator("#thong-bao").scroll_into_view_if_needed()
    shot(page, "messages-account-channels-phone")
    citizen = Citizen.objects.get(user=user)
    assert (citizen.notify_email, citizen.notify_sms, citizen.notify_zalo) == (True, False, True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    assert not page.get_by_role("group", name="Nhận thông báo qua").get_by_label("Tin nhắn SMS").is_checked()
    shot(page, "messages-account-channels-desktop")
