"""Accessibility basics of the public and citizen pages in a real browser (issue 8, quality): every form field has
a label, the page says it is Vietnamese, the focused control is visibly outlined, and a phone never scrolls
sideways."""

import pytest

from tests.browser.test_browser_keyboard_and_labels import UNLABELLED
from tests.builders.portal import make_citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = (
    "/",
    "/tra-cuu/",
    "/dang-nhap/",
    "/tai-khoan/dang-ky/",
    "/tai-khoan/quen-mat-khau/",
    "/phan-anh-kien-nghi/",
    "/phan-anh-kien-nghi/gui/",
    "/phan-anh-kien-nghi/tra-cuu/",
    "/thu-tuc/",
    "/cong-khai/",
)
CITIZEN = (
    "/ho-so-cua-toi/",
    "/ho-so-cua-toi/kho-du-lieu/",
    "/nop-ho-so/",
    "/nop-ho-so/1.004222/",
    "/tai-khoan/ca-nhan/",
)


def check(page, url):
    response = page.goto(url)
    assert response.status == 200 and page.url.endswith(url), (url, response.status, page.url)
    assert page.evaluate(UNLABELLED) == [], url
    assert page.locator("html").get_attribute("lang") == "vi", url
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
    page.keyboard.press("Tab")  # the skip link first, then the page
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style not in ("", "none"), (url, style)


def test_public_and_citizen_pages_label_every_field_on_a_phone(new_page, procedure, django_user_model):
    visitor = new_page(width=390, height=844)
    for url in PUBLIC:
        check(visitor, url)
    citizen = new_page(make_citizen(django_user_model, "cd.binh"), width=390, height=844)
    for url in CITIZEN:
        check(citizen, url)
