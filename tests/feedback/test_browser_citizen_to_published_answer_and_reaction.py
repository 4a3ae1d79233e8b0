"""In a browser: a citizen sends feedback on the portal; the PAKN officer classifies and answers it, the leader
approves, the officer publishes; the answer is public (without the sender's contact data) and the citizen agrees
or disagrees; a complaint is redirected with the legal explanation. Screenshots test-artifacts/screenshots/pakn-*."""

import re

import pytest

from motcua.feedback.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_sender(page, content):
    page.get_by_label("Cơ quan nhận phản ánh").select_option("000.00.03.H56")
    page.get_by_label("Tiêu đề").fill("Chậm trả kết quả chứng thực")
    page.get_by_label("Nội dung phản ánh, kiến nghị").fill(content)
    page.get_by_label("Họ tên hoặc tên tổ chức").fill("Trần Thị Bình")
    page.get_by_label("Địa chỉ", exact=True).fill("Số 5 Lê Lợi, phường Hạc Thành")
    page.get_by_label("Số điện thoại").fill("0912345678")


def test_citizen_officer_leader_and_publication(new_page, staff, shot):
    citizen = new_page(width=390, height=844)
    citizen.goto("/phan-anh-kien-nghi/gui/")
    citizen.get_by_role("button", name="Gửi").click()  # nothing filled in
    assert "Hãy nhập nội dung phản ánh, kiến nghị." in citizen.inner_text("main")
    shot(citizen, "pakn-form-errors-phone")
    fill_sender(citizen, "Tôi nộp hồ sơ chứng thực ngày 02/03 nhưng đến nay chưa nhận được kết quả.")
    citizen.get_by_role("button", name="Gửi").click()
    citizen.wait_for_selector("#feedback-code")
    code = citizen.inner_text("#feedback-code")
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 390
    shot(citizen, "pakn-sent-phone")

    officer = new_page(user=staff["officer"])
    officer.goto("/mot-cua/phan-anh/")
    officer.get_by_role("link", name=code).click()
    officer.locator("#action-process").get_by_label("Phân loại").select_option("hanh_vi")
    officer.locator("#action-process").get_by_role("button").click()
    officer.wait_for_selector("#action-draft_answer")
    officer.locator("#action-draft_answer").get_by_label("Nội dung trả lời").fill(
        "Sở đã trả kết quả và nhắc nhở bộ phận."
    )
    officer.locator("#action-draft_answer").get_by_role("button").click()
    officer.wait_for_selector("text=Chờ phê duyệt")
    shot(officer, "pakn-officer-page")

    lead = new_page(user=staff["lead"])
    lead.goto(f"/mot-cua/phan-anh/{code}/")
    lead.locator("#action-approve").get_by_role("button").click()
    lead.wait_for_selector("text=Chờ công khai")

    officer.goto(f"/mot-cua/phan-anh/{code}/")
    officer.locator("#action-publish").get_by_label(re.compile("Nội dung công khai")).fill(
        "Công dân phản ánh việc chậm trả kết quả chứng thực."
    )
    officer.locator("#action-publish").get_by_role("button").click()
    officer.wait_for_selector("#fb-status:has-text('Đã công khai')")

    citizen.goto("/phan-anh-kien-nghi/?q=cham+tra")
    citizen.get_by_role("link", name="Chậm trả kết quả chứng thực").click()
    text = citizen.inner_text("main")
    assert "Sở đã trả kết quả" in text and "Trần Thị Bình" not in text and "0912345678" not in text
    shot(citizen, "pakn-public-answer-phone")

    citizen.goto(f"/phan-anh-kien-nghi/cua-toi/{code}/")
    shot(citizen, "pakn-own-page-phone")
    citizen.get_by_label("Không đồng ý").check()
    citizen.get_by_role("button", name="Gửi ý kiến").click()
    citizen.wait_for_selector("#fb-reaction")
    shot(citizen, "pakn-reaction-phone")
    assert Feedback.objects.get(code=code).reaction == "khong_dong_y"

    officer.goto(f"/mot-cua/phan-anh/{code}/")
    assert officer.locator("#action-reopen").count() == 1  # disagreement may reopen


def test_a_complaint_is_redirected(new_page, province, shot):
    page = new_page()
    page.goto("/phan-anh-kien-nghi/gui/")
    page.get_by_label("Khiếu nại").check()
    fill_sender(page, "Tôi khiếu nại quyết định xử phạt của phường vì không đúng sự việc đã xảy ra.")
    page.get_by_role("button", name="Gửi").click()
    page.wait_for_selector("#redirect-note")
    assert "Luật Khiếu nại năm 2011" in page.inner_text("#redirect-note")
    shot(page, "pakn-complaint-redirected")
    assert Feedback.objects.get().status == "chuyen_huong"
