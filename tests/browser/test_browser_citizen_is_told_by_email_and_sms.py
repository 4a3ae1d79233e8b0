"""In the browser, the citizen is told (issue 18, point 6): an officer receives a dossier at the counter with the
applicant's phone and e-mail; the e-mail holds the receipt with the code and the tracking link, and the testers'
page of the sandbox SMS gateway shows the SMS; later the supplement request and the result are told the same way,
and the dossier page lists every message for the officers. Screenshots at 390 px (phone) and 1280 px."""

import re

import pytest

from tests.builders.browser import expect_text
from tests.builders.messaging import letters_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE, EMAIL = "0912345678", "binh@example.vn"


def act(page, label, fill=None, status=None):
    page.locator(".dossier-actions").get_by_role("link", name=label, exact=True).click()
    form = page.locator("#dossier-action-form form")
    form.wait_for()
    for field, value in (fill or {}).items():
        form.get_by_label(field).fill(value)
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(page.locator(".dossier-success"), label)
    if status:
        expect_text(page.locator(".dossier-badges"), status)


def sandbox_page(page, code, pattern, shot_name, shot, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/thu-nghiem/tin-nhan/?so={PHONE}")
    expect_text(page.locator(".msg-list li").first, pattern)
    assert code in page.locator(".msg-list li").first.inner_text()
    shot(page, shot_name)


def test_the_citizen_is_told_of_receipt_supplement_and_result(new_page, officers, procedure, shot):
    counter = new_page(officers["counter"])
    counter.goto("/mot-cua/tiep-nhan/")
    counter.get_by_label("Tìm thủ tục (mã hoặc tên, có dấu hoặc không dấu)").fill("dang ky thuong tru")
    counter.locator("#intake-results button", has_text="1.004222").click()
    counter.wait_for_selector("input[name=components]")
    counter.get_by_label("Họ tên hoặc tên tổ chức").first.fill("Trần Thị Bình")
    counter.get_by_label("Số định danh cá nhân hoặc mã số tổ chức").first.fill("038190001234")
    counter.get_by_label("Số điện thoại").first.fill(PHONE)
    counter.get_by_label("Thư điện tử").first.fill(EMAIL)
    expect_text(counter.locator("#intake-appointment"), re.compile(r"\d\d/\d\d/\d{4}"))
    counter.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    counter.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    code = re.search(r"/ho-so/([^/]+)/giay-tiep-nhan/", counter.url).group(1)

    # the e-mail: the receipt with the code and the tracking link
    [receipt] = letters_to(EMAIL)
    assert receipt.subject == f"Hồ sơ {code} đã được tiếp nhận"
    assert f"Mã hồ sơ: {code}" in receipt.body and f"/tra-cuu/{code}/" in receipt.body

    # the testers' page of the sandbox SMS gateway (an officer's), on a phone and on a desktop
    tester = new_page(officers["counter"], width=390)
    sandbox_page(tester, code, "đã được tiếp nhận", "messages-sandbox-receipt-phone", shot, 390)
    sms = tester.locator(".msg-list li").first.inner_text()
    assert f"/tra-cuu/{code}/" in sms and "0912345678" in sms
    sandbox_page(tester, code, "đã được tiếp nhận", "messages-sandbox-receipt-desktop", shot, 1280)

    # the supplement request
    counter.goto(f"/mot-cua/ho-so/{code}/")
    act(counter, "Chuyển hồ sơ đến cơ quan giải quyết", status="Đang xử lý")
    lead = new_page(officers["lead"])
    lead.goto(f"/mot-cua/ho-so/{code}/")
    act(
        lead,
        "Yêu cầu bổ sung hồ sơ trong quá trình giải quyết",
        {"Lý do và giấy tờ cần bổ sung (Mẫu 02)": "Bản sao giấy chứng minh chỗ ở hợp pháp"},
        status="Yêu cầu bổ sung giấy tờ",
    )
    letter = letters_to(EMAIL)[-1]
    assert letter.subject == f"Hồ sơ {code}: đề nghị bổ sung giấy tờ"
    assert "Bản sao giấy chứng minh chỗ ở hợp pháp" in letter.body
    sandbox_page(tester, code, "cần bổ sung giấy tờ", "messages-sandbox-supplement", shot, 390)

    # the supplement comes back, the result is ready
    counter.goto(f"/mot-cua/ho-so/{code}/")
    act(counter, "Tiếp nhận hồ sơ bổ sung", status="Đang xử lý")
    lead.goto(f"/mot-cua/ho-so/{code}/")
    act(
        lead,
        "Hoàn thành giải quyết, có kết quả",
        {
            "Số, ký hiệu văn bản kết quả": "15/XN-STP",
            "Trích yếu": "Xác nhận thông tin cư trú",
            "Người ký": "Mai Xuân Khánh",
        },
        status="Đã xử lý xong",
    )
    letter = letters_to(EMAIL)[-1]
    assert letter.subject == f"Hồ sơ {code} đã có kết quả"
    assert "Nhận trực tiếp tại Bộ phận Một cửa" in letter.body
    sandbox_page(tester, code, "đã có kết quả", "messages-sandbox-result", shot, 390)

    # the officers see every message on the dossier page
    counter.goto(f"/mot-cua/ho-so/{code}/")
    block = counter.locator("section", has=counter.locator("#dossier-messages-title"))
    expect_text(block, "Có kết quả")
    rows = block.locator("tbody tr")
    assert rows.count() == 6  # received, supplement, result ready: e-mail and SMS each
    assert "b***@example.vn" in block.inner_text() and "0912***678" in block.inner_text()
    assert EMAIL not in block.inner_text() and PHONE not in block.inner_text()
    block.scroll_into_view_if_needed()
    shot(counter, "messages-dossier-page-desktop")
    counter.set_viewport_size({"width": 390, "height": 900})
    shot(counter, "messages-dossier-page-phone")
