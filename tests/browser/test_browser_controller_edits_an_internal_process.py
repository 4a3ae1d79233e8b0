"""In the browser, at a phone's and a desktop's width: a TTHC controller drafts the provincial process of a
procedure from its procedure page, edits a step's share beyond the legal time limit and is told why the process
cannot be approved (nor saved with a step sent back to a later one); the editor fits the screen (no sideways scrolling of the page)."""

import pytest
from playwright.sync_api import expect

from motcua.catalog.models import InternalProcess
from tests.builders.catalog import THREE_STEPS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_controller_drafts_and_edits_a_process(new_page, staff, make_procedure, shot, width):
    make_procedure(steps=THREE_STEPS)
    page = new_page(staff["controller"], width=width)
    page.goto("/kiem-soat-tthc/1.004222/")
    processes = page.locator("section", has=page.get_by_role("heading", name="Quy trình nội bộ"))
    expect(processes).to_contain_text("12/QĐ-STP")
    processes.get_by_label("Dự thảo cho phiên bản 1, cấp").select_option(label="Cấp tỉnh")
    processes.get_by_role("button", name="Tạo dự thảo quy trình").click()
    page.wait_for_url("**/quy-trinh/*/")
    draft = InternalProcess.objects.get(state="draft")
    assert draft.level == "province"
    expect(page.locator(".messages")).to_contain_text("từ quy trình đang áp dụng")
    expect(page.locator(".share-total")).to_contain_text("36 giờ làm việc")
    shot(page, f"process-editor-{width}")

    examination = page.get_by_role("group", name="Bước 2")
    examination.get_by_label("Thời gian", exact=True).fill("7")
    examination.get_by_label("Được trả lại về bước").fill("3")  # a later step: refused, what was typed kept
    page.get_by_role("button", name="Lưu các bước").click()
    expect(examination.locator(".field-error")).to_contain_text("không có bước 3")
    expect(examination.get_by_label("Thời gian", exact=True)).to_have_value("7")
    shot(page, f"process-editor-errors-{width}")
    examination.get_by_label("Được trả lại về bước").fill("1")
    page.get_by_role("button", name="Lưu các bước").click()
    expect(page.locator(".notice")).to_contain_text("vượt thời hạn giải quyết theo quy định")
    expect(page.locator(".share-total")).to_contain_text("68 giờ làm việc")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, f"process-editor-over-limit-{width}")

    page.get_by_role("button", name="Phê duyệt và áp dụng").click()
    expect(page.locator(".publish-form .field-error").first).to_be_visible()
    shot(page, f"process-editor-publish-refused-{width}")
    assert InternalProcess.objects.get(pk=draft.pk).state == "draft"
