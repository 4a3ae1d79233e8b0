"""In the browser, on a phone (390 px) and a desktop (1280 px): the division head opens “Phân công tự động” from the
workspace menu, sees the division's specialists with their open steps, chooses “lần lượt” and saves; the page says
it was saved and keeps the choice."""

import pytest

from motcua.dossiers.models import AssignmentMode, AssignmentRule
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.org import staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_division_head_chooses_round_robin(new_page, officers, province, make_procedure, shot, width):
    make_procedure(steps=[SIGNED_PROCESS[2]])
    staff_member("cv.binh", "SPECIALIST", province["division"], first_name="Bình", last_name="Trần")
    page = new_page(officers["dept"], width=width)
    page.goto("/mot-cua/tong-quan/")
    page.get_by_role("link", name="Phân công tự động").click()
    page.wait_for_url("**/mot-cua/phan-cong-tu-dong/")
    section = page.get_by_role("region", name="Phòng Hành chính tư pháp")
    assert "Trần Bình" in section.inner_text() and "Nguyễn Tuphap" in section.inner_text()
    shot(page, f"assignment-rules-{width}")
    section.get_by_label("Tự động: lần lượt theo vòng").check()
    section.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**da_luu=*")
    assert page.get_by_role("status").inner_text() == "Đã lưu cách phân công của đơn vị."
    assert page.get_by_label("Tự động: lần lượt theo vòng").is_checked()
    shot(page, f"assignment-rules-saved-{width}")
    assert AssignmentRule.objects.get(unit=province["division"]).mode == AssignmentMode.ROUND_ROBIN
