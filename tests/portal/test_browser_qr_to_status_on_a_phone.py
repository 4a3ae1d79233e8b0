"""In a phone's browser: the receipt's QR code opens the tracking page with the code filled in; typing the check
value with the keyboard shows the status and the appointment. Screenshots in test-artifacts/screenshots/."""

import re

import pytest
from django.utils import timezone

from tests.builders.dossiers import receive
from tests.builders.portal import PHONE_LAST4

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_qr_url_on_a_phone_shows_the_status(new_page, officers, procedure, shot):
    dossier = receive(officers, when=timezone.localtime().strftime("%Y-%m-%d %H:%M"))
    page = new_page(width=390, height=844)
    page.goto(f"/tra-cuu/{dossier.code}/")
    shot(page, "portal-qr-landing-phone")
    field = page.get_by_label("Mã kiểm tra", exact=True)
    assert field.evaluate("e => e === document.activeElement")  # the one field to fill has the focus
    page.keyboard.type("1111")
    page.keyboard.press("Enter")
    page.wait_for_selector("#track-error")
    assert "Không tìm thấy hồ sơ với mã và mã kiểm tra đã nhập" in page.inner_text("#track-error")
    shot(page, "portal-wrong-check-phone")

    page.get_by_label("Mã kiểm tra", exact=True).fill(PHONE_LAST4)
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(re.compile(rf"/tra-cuu/{re.escape(dossier.code)}/$"))
    assert page.inner_text(".portal-status") == "Được tiếp nhận"
    due = timezone.localtime(dossier.due_at).strftime("%d/%m/%Y %H:%M")
    assert due in page.inner_text(".facts")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot(page, "portal-dossier-phone")
