"""In a browser at the counter: the kiosk waits, shows the question when the officer receives a dossier (htmx
polling, no reload), one tap (or Enter on the focused button) records the rating, the thank-you screen returns to
waiting by itself. Screenshots ``test-artifacts/screenshots/kiosk-*.png``."""

import re

import pytest

from motcua.satisfaction.models import Rating
from tests.satisfaction.conftest import request_for

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
