"""In the browser, the officers' whole day with a dossier: counter intake (search, checklist, applicant, the
appointment before accepting) → receipt → transfer → assignment → the specialist's step → finish with the result →
return; a refusal at the counter with its reason; a supplement round trip; an officer of another unit denied."""

import re

import pytest

from motcua.dossiers.models import Dossier, ProcessLogEntry
from tests.builders.browser import expect_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def intake(page, *, name="Trần Thị Bình", id_number="038190001234"):
    page.goto("/mot-cua/tiep-nhan/")
    page.get_by_label("Tìm thủ tục (mã hoặc tên, có dấu hoặc không dấu)").fill("dang ky thuong tru")
    page.locator("#intake-results button", has_text="1.004222").click()
    page.wait_for_selector("input[name=components]")
    page.get_by_label("Họ tên hoặc tên tổ chức").first.fill(name)
    page.get_by_label("Số định danh cá nhân hoặc mã số tổ chức").first.fill(id_number)
    page.get_by_label("Số điện thoại").first.fill("0912345678")
    expect_text(page.locator("#intake-appointment"), re.compile(r"\d\d/\d\d/\d{4}"))


def act(page, action_label, fill=None, expect_status=None):
    page.get_by_role("link", name=action_label, exact=True).click()
    form = page.locator("#dossier-action-form form")
    form.wait_for()
    for label, value in (fill or {}).items():
        field = form.get_by_label(label)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(field.locator("option", has_text=value).first.get_attribute("value"))
        else:
            field.fill(value)
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(page.locator(".dossier-success"), action_label)
    if expect_status:
        expect_text(page.locator(".dossier-badges"), expect_status)


def test_counter_intake_to_return(new_page, officers, procedure, shot):
    counter = new_page(officers["counter"])
    intake(counter)
    shot(counter, "intake-filled")
    counter.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    counter.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    code = re.search(r"/ho-so/([^/]+)/giay-tiep-nhan/", counter.url).group(1)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in counter.content().upper()
    shot(counter, "receipt")
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == 2 and dossier.applicant.name == "Trần Thị Bình"

    counter.get_by_role("link", name="Xem hồ sơ").click()
    act(counter, "Chuyển hồ sơ đến cơ quan giải quyết", expect_status="Đang xử lý")

    lead = new_page(officers["lead"])
    lead.goto(f"/mot-cua/ho-so/{code}/")
    act(lead, "Phân công xử lý", {"Cán bộ được phân công": "Nguyễn Tuphap — Chuyên viên thụ lý"})

    specialist = new_page(officers["specialist"])
    specialist.goto("/mot-cua/ho-so/?hang=cua-toi")
    specialist.get_by_role("link", name=code).click()
    shot(specialist, "dossier-specialist")
    act(specialist, "Hoàn thành bước và chuyển bước tiếp theo")

    lead.goto(f"/mot-cua/ho-so/{code}/")
    act(
        lead,
        "Hoàn thành giải quyết, có kết quả",
        {
            "Số, ký hiệu văn bản kết quả": "15/XN-STP",
            "Trích yếu": "Xác nhận thông tin cư trú",
            "Người ký": "Mai Xuân Khánh",
        },
        expect_status="Đã xử lý xong",
    )

    counter.goto("/mot-cua/ho-so/?hang=tra-ket-qua")
    counter.get_by_role("link", name=code).click()
    act(counter, "Trả kết quả cho công dân", expect_status="Đã trả kết quả")
    shot(counter, "dossier-returned")
    actions = list(
        ProcessLogEntry.objects.filter(dossier__code=code).order_by("seq").values_list("action", flat=True)
    )
    assert actions == ["receive", "transfer", "assign", "forward", "finish", "return_result"]


def test_refusal_at_the_counter_needs_its_reason(new_page, officers, procedure, shot):
    page = new_page(officers["counter"])
    intake(page, name="Lê Văn Cường", id_number="038090004321")
    page.get_by_role("button", name="Từ chối tiếp nhận").click()
    expect_text(page.locator("main"), "lý do")  # the reason is required: shown next to its field
    assert Dossier.objects.count() == 0
    page.get_by_label("Lý do từ chối tiếp nhận").fill("Thủ tục không thuộc thẩm quyền của Trung tâm")
    page.get_by_role("button", name="Từ chối tiếp nhận").click()
    page.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    assert "Thủ tục không thuộc thẩm quyền của Trung tâm" in page.content()
    shot(page, "refusal-slip")
    assert Dossier.objects.get().status == 3


def test_supplement_round_trip(new_page, officers, procedure, shot):
    counter = new_page(officers["counter"])
    intake(counter)
    counter.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    counter.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    code = re.search(r"/ho-so/([^/]+)/giay-tiep-nhan/", counter.url).group(1)
    counter.goto(f"/mot-cua/ho-so/{code}/")
    act(counter, "Chuyển hồ sơ đến cơ quan giải quyết")

    lead = new_page(officers["lead"])
    lead.goto(f"/mot-cua/ho-so/{code}/")
    act(
        lead,
        "Yêu cầu bổ sung hồ sơ trong quá trình giải quyết",
        {"Lý do và giấy tờ cần bổ sung (Mẫu 02)": "Bổ sung bản sao giấy chứng minh chỗ ở hợp pháp"},
        expect_status="Yêu cầu bổ sung giấy tờ",
    )
    expect_text(lead.locator(".dossier-badges"), "tạm dừng")
    shot(lead, "dossier-supplement-requested")

    counter.goto(f"/mot-cua/ho-so/{code}/")
    act(counter, "Tiếp nhận hồ sơ bổ sung", expect_status="Đang xử lý")
    assert Dossier.objects.get(code=code).status == 4


def test_officer_of_another_unit_is_denied(new_page, officers, procedure, shot):
    counter = new_page(officers["counter"])
    intake(counter)
    counter.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    counter.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    code = re.search(r"/ho-so/([^/]+)/giay-tiep-nhan/", counter.url).group(1)

    other = new_page(officers["other_counter"])
    response = other.goto(f"/mot-cua/ho-so/{code}/")
    assert response.status == 404
    assert "Không tìm thấy" in other.content()
    assert other.goto(f"/mot-cua/ho-so/{code}/giay-tiep-nhan/").status == 404
    other.goto("/mot-cua/ho-so/?hang=don-vi")
    assert code not in other.content()
    shot(other, "other-unit-denied")
