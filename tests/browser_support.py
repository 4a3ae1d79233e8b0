"""Browser test fixtures (a pytest plugin loaded by tests/conftest.py, so that one Chromium serves every test
folder): Playwright drives the system Chromium (headless) against Django's live server.

Chromium is looked up in ``MOTCUA_CHROMIUM``, then ``chromium`` / ``chromium-browser`` on the PATH, by
tests/system_tools.py; where there is none the tests are skipped with the install hint (``.ci/run`` installs
Debian's chromium so that CI runs them).
Screenshots of the main screens are kept in ``test-artifacts/screenshots/`` (``MOTCUA_ARTIFACTS_DIR``) for people
to look at.
"""

import os
from pathlib import Path

import pytest

from tests.second_factor_support import browser_device, current_code
from tests.system_tools import require_tool

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls (fixtures, assertions)
# are ordinary blocking calls made between browser steps, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(
    os.environ.get("MOTCUA_ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "test-artifacts")
)
PASSWORD = "x-long-password-1"


@pytest.fixture(scope="session")
def browser():
    path = require_tool("chromium", "the browser tests drive it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(user=None, width=1280, height=900)`` → a page at the live server, signed in as ``user``. Any
    Content-Security-Policy refusal, or htmx refusing an eval, fails the test at its end."""
    contexts = []
    refused: list[str] = []

    def watch(message):
        text = message.text
        if "Content Security Policy" in text or "evalDisallowed" in text:
            refused.append(f"{message.location.get('url')}:{message.location.get('lineNumber')}: {text}")

    def make(user=None, width=1280, height=900):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}, locale="vi-VN"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", watch)
        if user is not None:
            page.goto("/dang-nhap/")
            page.get_by_label("Tên đăng nhập").fill(user.get_username())
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            from motcua.accounts import second_factor

            must = second_factor.required_for(user) or second_factor.is_enrolled(user)
            if must:
                device = browser_device(user)  # enrolled before: the page asks for the code
            page.get_by_role("button", name="Đăng nhập").click()
            if must:
                page.wait_for_url("**/dang-nhap/ma-xac-thuc/**")
                page.get_by_label("Mã xác thực (6 chữ số)").fill(current_code(device))
                page.get_by_role("button", name="Xác nhận").click()
            page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        return page

    yield make
    for context in contexts:
        context.close()
    assert refused == [], "the page broke its Content-Security-Policy"


@pytest.fixture
def shot():
    """``shot(page, name)`` keeps a full-page screenshot as a test artefact."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = folder / f"{name}.png"
        # caret="initial": Playwright's caret hiding leaves an inline style that htmx later copies, which the
        # Content-Security-Policy (rightly) refuses — a refusal of the test tool, not of the page
        page.screenshot(path=str(path), full_page=True, caret="initial")
        return path

    return take
