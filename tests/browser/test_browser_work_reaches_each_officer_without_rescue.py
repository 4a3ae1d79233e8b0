"""Issue 19's acceptance, in the browser, with no manual rescue: the counter (tn.an) receives a Sở Tư pháp dossier
and transfers it; the division head (tp.tuphap) is told and finds it in "Chờ phân công", assigns cv.tuphap; the
specialist is told, finds it in "Chờ xử lý", appraises and forwards; the division head reviews it from his own
"Chờ xử lý"; the director (gd.tuphap) finds it in "Chờ ký duyệt" and signs; the clerk (vt.tuphap) issues the result
from "Chờ phát hành"; the counter returns it from "Chờ trả kết quả". Each person reaches the work from their own
list, and each hand-over leaves a notification in the next person's inbox. The same with automatic assignment on:
nobody assigns, the specialist simply finds the work."""

import re

import pytest
from playwright.sync_api import expect

from motcua.dossiers.models import AssignmentMode, AssignmentRule, Dossier
from tests.builders.browser import expect_text
from tests.builders.catalog import SIGNED_PROCESS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def receive_and_transfer(counter) -> str:
    counter.goto("/mot-cua/tiep-nhan/")
    counter.get_by_label("Tìm thủ tục (mã hoặc tên, có dấu hoặc không dấu)").fill("dang ky thuong tru")
    counter.locator("#intake-results button", has_text="1.004222").click()
    counter.wait_for_selector("input[name=components]")
    counter.get_by_label("Họ tên hoặc tên tổ chức").first.fill("Trần Thị Bình")
    counter.get_by_label("Số định danh cá nhân hoặc mã số tổ chức").first.fill("038190001234")
    counter.get_by_label("Số điện thoại").first.fill("0912345678")
    expect_text(counter.locator("#intake-appointment"), re.compile(r"\d\d/\d\d/\d{4}"))
    counter.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    counter.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    code = re.search(r"/ho-so/([^/]+)/giay-tiep-nhan/", counter.url).group(1)
    counter.get_by_role("link", name="Xem hồ sơ").click()
    act(counter, "Chuyển hồ sơ đến cơ quan giải quyết")
    return code


def act(page, label, fill=None):
    page.get_by_role("link", name=label, exact=True).click()
    form = page.locator("#dossier-action-form form")
    form.wait_for()
    for field_label, value in (fill or {}).items():
        form.get_by_label(field_label).fill(value)
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(page.locator(".dossier-success"), label)


def told(page, code):
    """The hand-over left a notification about this dossier in the person's inbox."""
    page.goto("/mot-cua/thong-bao/")
    expect(page.locator(f'.ws-inbox a[href*="{code}"]').first).to_be_visible()


def open_from_list(page, slug, code):
    """The person finds the dossier in their own list and opens it from there."""
    page.goto(f"/mot-cua/viec/{slug}/")
    row = page.locator("#work-rows tr", has_text=code)
    expect(row).to_have_count(1)
    row.get_by_role("link", name=code).click()
    page.wait_for_url(re.compile(rf"/mot-cua/ho-so/{re.escape(code)}/$"))


@pytest.mark.parametrize("automatic", [False, True], ids=["assigned-by-the-head", "automatic-assignment"])
def test_the_dossier_goes_from_queue_to_queue_to_its_return(
    new_page, officers, province, make_procedure, shot, automatic
):
    make_procedure(steps=SIGNED_PROCESS)
    if automatic:
        AssignmentRule.objects.create(unit=province["division"], mode=AssignmentMode.LEAST_LOADED)
    counter = new_page(officers["counter"])
    code = receive_and_transfer(counter)

    dept = new_page(officers["dept"])
    specialist = new_page(officers["specialist"])
    if automatic:
        dept.goto("/mot-cua/viec/cho-phan-cong/")
        expect(dept.locator("#work-rows tr", has_text=code)).to_have_count(0)
    else:
        told(dept, code)
        dept.goto("/mot-cua/viec/cho-phan-cong/")
        row = dept.locator("#work-rows tr", has_text=code)
        row.get_by_label(f"Cán bộ thụ lý hồ sơ {code}").select_option(label="Nguyễn Tuphap")
        row.get_by_role("button", name="Phân công").click()
        expect_text(dept.locator(".messages"), f"Hồ sơ {code}")

    told(specialist, code)
    open_from_list(specialist, "cho-xu-ly", code)
    shot(specialist, f"acceptance-specialist-{'auto' if automatic else 'assigned'}")
    act(specialist, "Hoàn thành bước và chuyển bước tiếp theo")

    told(dept, code)
    open_from_list(dept, "cho-xu-ly", code)
    act(dept, "Hoàn thành bước và chuyển bước tiếp theo")

    lead = new_page(officers["lead"])
    told(lead, code)
    open_from_list(lead, "cho-ky-duyet", code)
    act(lead, "Ký duyệt kết quả", {"Ý kiến": "Đồng ý"})

    clerk = new_page(officers["clerk"])
    told(clerk, code)
    open_from_list(clerk, "cho-phat-hanh", code)
    act(
        clerk,
        "Hoàn thành giải quyết, có kết quả",
        {
            "Số, ký hiệu văn bản kết quả": "15/XN-STP",
            "Trích yếu": "Xác nhận cư trú",
            "Người ký": "Mai Xuân Khánh",
        },
    )

    told(counter, code)
    open_from_list(counter, "cho-tra-ket-qua", code)
    act(counter, "Trả kết quả cho công dân")
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == 10
    steps = list(
        dossier.steps.order_by("order", "id").values_list("order", "handler__username", "finished_at")
    )
    assert [(order, who) for order, who, _ in steps] == [
        (2, None if automatic else "tp.tuphap"),
        (3, "cv.tuphap"),
        (4, "tp.tuphap"),
        (5, "gd.tuphap"),
        (6, "vt.tuphap"),
    ]
    assert all(finished is not None for _, _, finished in steps)
    signed = dossier.steps.get(order=5)
    assert signed.signed_by == officers["lead"]
