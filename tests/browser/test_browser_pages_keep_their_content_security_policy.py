"""In the browser, under the strict Content-Security-Policy: the pages still work — the language select submits
itself, the overview's bars are drawn (SVG, no style attribute), the intake search runs on Enter through htmx
without eval — and the browser reports no refusal (``new_page`` fails a test on any). A script injected into the
page is refused, which shows the policy is enforced and the refusal is seen."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from tests.builders.dossiers import request_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_injected_inline_script_is_refused(browser, live_server):
    context = browser.new_context(base_url=live_server.url)  # not new_page: this refusal is the expected one
    page = context.new_page()
    refusals = []
    page.on("console", lambda m: refusals.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert refusals and "script-src 'self'" in refusals[0]
    context.close()


def test_the_language_select_submits_itself(new_page, shot):
    for width in (390, 1280):
        page = new_page(width=width)
        page.goto("/")
        shot(page, f"csp-home-{width}")
        with (
            page.expect_navigation()
        ):  # the select submits its form (motcua.js): wait for that page, not this one
            page.select_option("#lang-select", "en")
        assert page.locator("html").get_attribute("lang") == "en"


def test_the_overview_bars_and_the_intake_search_work(new_page, officers, procedure, shot):
    for _ in range(3):
        receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    page = new_page(officers["lead"], width=1280)
    page.goto("/mot-cua/tong-quan/")
    full = page.locator('.bar-cell svg.bar rect[width="100%"]').first  # the biggest status has the whole bar
    assert full.bounding_box()["width"] > 40
    assert page.locator('.bar-cell svg.bar rect[width="0%"]').first.bounding_box()["width"] == 0
    shot(page, "csp-overview-1280")
    page = new_page(officers["counter"], width=390)
    page.goto("/mot-cua/tiep-nhan/")
    search = page.locator("#id_q")
    search.fill(procedure.procedure.code)
    with page.expect_response(re.compile(r"/mot-cua/tiep-nhan/tim-thu-tuc/")):
        search.press("Enter")
    page.locator("#intake-results .intake-result").first.wait_for()
    assert "/mot-cua/tiep-nhan/" in page.url  # Enter searched in place, it did not submit the form
    shot(page, "csp-intake-390")
