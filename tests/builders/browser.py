"""Steps of the browser tests (Playwright against the live server): waiting for a text, a PDF to upload, and the
counter's receipt of a supplement the citizen sent from the portal."""

from tests.builders.portal import PDF


def expect_text(locator, pattern, timeout=10_000):
    """Wait (up to ``timeout`` ms) until ``locator`` contains ``pattern``."""
    from playwright.sync_api import expect

    expect(locator).to_contain_text(pattern, timeout=timeout)


def pdf(name):
    """A small PDF named ``name``, for ``set_input_files``."""
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def counter_receives_supplement(counter, code, file_name, shot, shot_name):
    """The counter officer's page of dossier ``code`` names the supplement ``file_name`` the citizen sent (kept as
    screenshot ``shot_name``); the officer receives it (T8) and the dossier is processing again."""
    counter.goto(f"/mot-cua/ho-so/{code}/")
    expect_text(counter.locator(".dossier-applicant-notice"), file_name)
    shot(counter, shot_name)
    counter.locator(".dossier-actions").get_by_role(
        "link", name="Tiếp nhận hồ sơ bổ sung", exact=True
    ).click()
    form = counter.locator("#dossier-action-form form")
    form.wait_for()
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(counter.locator(".dossier-badges"), "Đang xử lý")
