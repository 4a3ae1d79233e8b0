"""In the browser, at a phone's width (390 px) and a desktop's (1280 px): the division head finds the dossiers in
"Chờ phân công" from the menu's count and assigns one from its row; the director finds the result in "Chờ ký duyệt",
opens it and signs it with a comment; the lists and the menu stay usable and inside the screen at both widths."""

import pytest
from playwright.sync_api import expect

from motcua.dossiers.models import Dossier
from tests.builders.browser import expect_text
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import act, processing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def work(make_procedure, officers):
    make_procedure(steps=SIGNED_PROCESS)
    waiting = [processing(officers) for _ in range(2)]
    signing = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    signing = act(signing, "forward", officers["specialist"], "2026-03-10 09:00")
    signing = act(signing, "forward", officers["dept"], "2026-03-10 10:00")
    return {"waiting": waiting, "signing": signing}


def fits(page):
    """Nothing wider than the screen (the page does not scroll sideways)."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


@pytest.mark.parametrize("width", [390, 1280])
def test_assign_from_the_list_and_sign_from_the_dossier_page(new_page, officers, work, shot, width):
    dept = new_page(officers["dept"], width=width)
    dept.goto("/mot-cua/viec/cho-xu-ly/")
    menu = dept.locator(".ws-work")
    expect(menu.get_by_role("link", name="Chờ phân công 2")).to_be_visible()
    menu.get_by_role("link", name="Chờ phân công 2").click()
    dept.wait_for_url("**/mot-cua/viec/cho-phan-cong/")
    rows = dept.locator("#work-rows tr")
    expect(rows).to_have_count(2)
    fits(dept)
    shot(dept, f"work-cho-phan-cong-{width}")

    first = work["waiting"][0]
    row = rows.filter(has_text=first.code)
    row.get_by_label(f"Cán bộ thụ lý hồ sơ {first.code}").select_option(label="Nguyễn Tuphap")
    row.get_by_role("button", name="Phân công").click()
    expect_text(dept.locator(".messages"), f"Hồ sơ {first.code}: Đã thực hiện “Phân công thụ lý”")
    expect(dept.locator("#work-rows tr")).to_have_count(1)
    expect(dept.locator(".ws-work").get_by_role("link", name="Chờ phân công 1")).to_be_visible()
    assert Dossier.objects.get(pk=first.pk).current_step.handler == officers["specialist"]

    lead = new_page(officers["lead"], width=width)
    lead.goto("/mot-cua/viec/cho-ky-duyet/")
    expect(lead.locator("#work-rows tr")).to_have_count(1)
    fits(lead)
    shot(lead, f"work-cho-ky-duyet-{width}")
    lead.get_by_role("link", name="Mở để ký duyệt").click()
    lead.get_by_role("link", name="Ký duyệt kết quả", exact=True).click()
    form = lead.locator("#dossier-action-form form")
    form.get_by_label("Ý kiến").fill("Đồng ý ban hành")
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(lead.locator(".dossier-success"), "Ký duyệt kết quả")
    expect_text(lead.locator(".dossier-steps"), "Đã ký duyệt: Nguyễn Tuphap")
    fits(lead)
    shot(lead, f"work-signed-dossier-{width}")
    step = Dossier.objects.get(pk=work["signing"].pk).steps.get(order=5)
    assert step.signed_by == officers["lead"]
