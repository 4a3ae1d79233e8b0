"""Accessibility basics of the workspace in a real browser: a dossier can be received with the keyboard alone,
the focused control is visibly outlined, and every form field on the main screens has a label."""

import re

import pytest

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.intake import receive_at_counter
from tests.builders.dossiers import request_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNLABELLED = """() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button' && e.offsetParent !== null)
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
  .map(e => e.name || e.id || e.outerHTML.slice(0, 80))"""


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_a_dossier_is_received_with_the_keyboard_alone(new_page, officers, procedure, shot):
    page = new_page(officers["counter"])
    page.goto("/mot-cua/tiep-nhan/")
    tab_to(page, "#id_q")
    page.keyboard.type("dang ky thuong tru")
    page.wait_for_selector("#intake-results .intake-result")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('intake-result')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the focused control must be visibly outlined"
    page.keyboard.press("Enter")
    page.wait_for_selector("input[name=components]")
    for name, value in (
        ("applicant_id_number", "038190001234"),
        ("applicant_name", "Trần Thị Bình"),
        ("applicant_phone", "0912345678"),
    ):
        tab_to(page, f"[name={name}]")
        page.keyboard.type(value)
    shot(page, "intake-keyboard")
    tab_to(page, "button[name=decision][value=accept]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/giay-tiep-nhan/$"))
    assert Dossier.objects.get().applicant.name == "Trần Thị Bình"


def test_every_field_of_the_main_screens_has_a_label(new_page, officers, procedure):
    dossier = receive_at_counter(request_for(), officers["counter"])
    page = new_page(officers["counter"])
    for url in (
        "/mot-cua/tiep-nhan/?procedure_code=1.004222",
        "/mot-cua/ho-so/?hang=don-vi",
        "/mot-cua/tong-quan/",
        "/mot-cua/thong-bao/",
        f"/mot-cua/ho-so/{dossier.code}/",
        f"/mot-cua/ho-so/{dossier.code}/thao-tac/withdraw/",
    ):
        page.goto(url)
        assert page.evaluate(UNLABELLED) == [], url
        assert page.locator("html").get_attribute("lang") == "vi"
