"""In the browser: the unit queue filters with htmx (no full reload) and loads the next page in place; the
leaders' overview links into the filtered queue; an officer of another unit sees none of it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from motcua.dossiers.services.intake import receive_at_counter
from tests.builders.dossiers import request_for, transferred

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue_data(procedure, officers):
    late = transferred(officers)
    for _ in range(52):
        receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    return late


def test_queue_filters_and_pages_in_place(new_page, officers, queue_data, shot):
    page = new_page(officers["counter"])
    page.goto("/mot-cua/ho-so/?hang=don-vi")
    rows = page.locator("#queue-rows tr:not(#queue-more)")
    assert rows.count() == 50
    assert page.locator(".deadline-late").first.inner_text().startswith("quá hạn")
    shot(page, "queue-unit")
    page.get_by_role("link", name="Xem tiếp").click()
    expect(page.locator("#queue-rows tr")).to_have_count(
        53
    )  # (no wait_for_function: a string is an eval the CSP refuses)
    page.get_by_label("Quá hạn").check()  # htmx: the results change, the page does not reload
    expect(page.locator("#queue-rows tr")).to_have_count(1)
    assert queue_data.code in page.locator("#queue-rows").inner_text()
    assert "qua_han=on" in page.url
    shot(page, "queue-overdue")


def test_overview_links_into_the_queue(new_page, officers, queue_data, shot):
    page = new_page(officers["lead"])
    page.goto("/mot-cua/tong-quan/")
    assert re.search(r"53\s*hồ sơ đang giải quyết", page.locator(".ws-grid").first.inner_text())
    shot(page, "overview")
    page.get_by_role("link", name=re.compile("đã quá hạn")).click()
    page.wait_for_url(re.compile(r"qua_han=on"))
    assert page.locator("#queue-rows tr").count() == 1


def test_other_unit_sees_nothing(new_page, officers, queue_data):
    page = new_page(officers["other_counter"])
    page.goto("/mot-cua/ho-so/?hang=don-vi")
    assert page.get_by_text("Không có hồ sơ nào phù hợp.").is_visible()
