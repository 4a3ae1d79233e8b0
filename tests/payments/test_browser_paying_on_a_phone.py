"""In a phone's browser: the citizen opens the payment page of the dossier, pays 10.000 đồng through the sandbox
bank, comes back to the outcome and downloads the e-receipt. Screenshots in test-artifacts/screenshots/."""

import re

import pytest

from tests.builders.payments import fresh, page_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_pays_on_a_phone(new_page, dossier, lan, shot):
    page = new_page(user=lan, width=390, height=844)
    page.goto(page_url(dossier))
    assert "Cần thanh toán: 10.000 đồng" in page.inner_text(".pay-due")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot(page, "payments-due-phone")
    page.get_by_role("button", name="Thanh toán 10.000 đồng").click()
    page.wait_for_url(re.compile(r"/thanh-toan/sandbox/"))
    assert "Cổng thanh toán thử nghiệm" in page.inner_text(".pay-sandbox-banner")
    shot(page, "payments-sandbox-bank-phone")
    page.get_by_role("button", name="Thanh toán thành công").click()
    page.wait_for_url(re.compile(r"/thanh-toan/ket-qua/sandbox/"))
    assert "Thanh toán thành công." in page.inner_text("[role=status]")
    shot(page, "payments-success-phone")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải biên lai điện tử").click()
    assert download.value.suggested_filename.startswith("bien-lai-BL")
    assert fresh(dossier).paid_online_amount == 10000
