"""In a browser at the counter: the kiosk waits, shows the question when the officer receives a dossier (htmx
polling, no reload), one tap (or Enter on the focused button) records the rating, the thank-you screen returns to
waiting by itself. Screenshots ``test-artifacts/screenshots/kiosk-*.png``."""

import re

import pytest

from motcua.satisfaction.models import Rating
from tests.builders.dossiers import request_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Ông/Bà đánh giá như thế nào về thái độ công chức khi hướng dẫn và tiếp nhận giải quyết hồ sơ?"


def test_the_kiosk_waits_asks_and_thanks(new_page, officers, procedure, shot):
    from motcua.dossiers.services.intake import receive_at_counter

    page = new_page(user=officers["counter"], width=1280, height=800)
    page.goto("/mot-cua/danh-gia-tai-quay/")
    assert "Mời Ông/Bà đánh giá" in page.inner_text("#kiosk-screen")
    shot(page, "kiosk-waiting")

    dossier = receive_at_counter(request_for(), officers["counter"])
    page.wait_for_selector("text=" + QUESTION, timeout=15000)  # the polling brought the question
    assert dossier.code in page.inner_text(".kiosk-dossier")
    assert "Trần Thị Bình" not in page.content()
    shot(page, "kiosk-question")

    page.get_by_role("button", name="Rất hài lòng").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cam-on/$"))
    assert "Cảm ơn Ông/Bà đã đánh giá" in page.inner_text("main")
    shot(page, "kiosk-thanks")
    assert Rating.objects.get().level == "rat_hai_long"

    page.wait_for_url(re.compile(r"/danh-gia-tai-quay/$"), timeout=15000)  # back to waiting by itself
    assert "Mời Ông/Bà đánh giá" in page.inner_text("#kiosk-screen")


def test_the_kiosk_on_a_tablet_in_portrait(new_page, officers, procedure, shot):
    from motcua.dossiers.services.intake import receive_at_counter

    receive_at_counter(request_for(), officers["counter"])
    page = new_page(user=officers["counter"], width=768, height=1024)
    page.goto("/mot-cua/danh-gia-tai-quay/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    for name in ("Rất hài lòng", "Hài lòng", "Chưa hài lòng"):
        box = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert box["height"] >= 100  # big targets for a finger
    shot(page, "kiosk-question-tablet")


def test_the_applicant_rates_on_a_phone_with_the_keyboard(new_page, officers, procedure, shot):
    from motcua.satisfaction.services import load_defaults
    from tests.builders.reports import finished

    load_defaults()  # a transactional test before this one flushed the criteria the migration seeded
    dossier = finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
    page = new_page(width=390, height=844)
    page.goto(f"/tra-cuu/{dossier.code}/")
    page.get_by_label("Mã kiểm tra", exact=True).fill("5678")
    page.keyboard.press("Enter")
    page.wait_for_selector(".portal-status")  # unlocked in this browser session
    page.goto(f"/danh-gia/{dossier.code}/")
    shot(page, "rating-form-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role(
        "button", name="Gửi đánh giá"
    ).click()  # nothing chosen: every group says what is missing
    assert "Chưa gửi được đánh giá" in page.inner_text(".rating-errors")
    page.locator("#id_c1_0").focus()  # radio groups: arrow keys move within a group
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_c1_1").is_checked()
    for code in ("2", "3", "4", "6", "7"):
        page.get_by_role("group", name=re.compile(rf"^Chỉ số {code}\b")).get_by_role("radio").first.check()
    page.get_by_role("radio", name="Hài lòng", exact=True).check()
    page.get_by_label("Ý kiến góp ý (không bắt buộc)").fill("Cán bộ hướng dẫn tận tình")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_selector(".rating-thanks")
    shot(page, "rating-done-phone")
    rating = Rating.objects.get()
    assert (rating.level, rating.score, rating.channel) == ("hai_long", 11, "tracking")
