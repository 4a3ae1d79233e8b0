"""The one world tests share: the fixtures every folder may request (a small province, its published procedure
1.004222, one officer per role, PAKN staff, signed-in clients, API clients, the mock VNeID, a storage folder, the
browser) are defined here, once; the functions that build things for tests live in ``tests/builders/`` (one module
per domain). A folder's conftest.py keeps only fixtures that folder alone uses, under names no other conftest uses,
and no test imports from a conftest (``tests/test_tests_share_one_world.py`` keeps it so)."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from motcua.accounts import oidc
from motcua.catalog import services as catalog
from motcua.core.models import ApiToken
from motcua.core.tokens import create_token
from motcua.feedback.services.intake import submit
from tests.builders.accounts import TestClientTransport, browser_device, current_code, mark_verified
from tests.builders.catalog import published_procedure
from tests.builders.dossiers import Api, at
from tests.builders.feedback import request_for
from tests.builders.org import PASSWORD, make_agency, staff_member

pytest_plugins = [
    "tests.system_tools",  # the report header names the system tools found; tests reach them through it
]

# Playwright's sync API runs an event loop in the test thread; the test's own ORM calls (fixtures, assertions)
# are ordinary blocking calls made between browser steps, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(
    os.environ.get("MOTCUA_ARTIFACTS_DIR", Path(__file__).resolve().parents[1] / "test-artifacts")
)


@pytest.fixture(scope="session", autouse=True)
def _process_log_key(tmp_path_factory):
    """Tests run with DEBUG off, where a missing process-log key is a hard error: one key file for the session."""
    from django.conf import settings

    from motcua.core import logkeys

    path = tmp_path_factory.mktemp("log-keys") / "log-keys.json"
    logkeys.init(path)
    settings.MOTCUA_LOG_KEY_FILE = path
    return path


_anchor_dirs = iter(range(1, 10**9))


@pytest.fixture(autouse=True)
def _process_log_anchors(tmp_path_factory, _process_log_key):
    """Anchors are files: each test gets its own (not yet created) folder, as its database starts empty."""
    from django.conf import settings

    settings.MOTCUA_LOG_ANCHOR_DIR = _process_log_key.parent / f"anchors-{next(_anchor_dirs)}"


@pytest.fixture
def province(db):
    """A small province: UBND tỉnh, its centre, two Sở (one with a division), and two communes."""
    ubnd = make_agency("000.00.00.H56", "UBND tỉnh", kind="ubnd_tinh")
    centre = make_agency(
        "000.00.02.H56", "Trung tâm Phục vụ hành chính công tỉnh", kind="ttpvhcc_tinh", parent=ubnd
    )
    justice = make_agency("000.00.03.H56", "Sở Tư pháp", parent=ubnd)
    division = make_agency(
        "000.01.03.H56", "Phòng Hành chính tư pháp", kind="phong_chuyen_mon", parent=justice
    )
    building = make_agency("000.00.07.H56", "Sở Xây dựng", parent=ubnd)
    commune_a = make_agency("000.01.21.H56", "UBND xã Đông Hòa", kind="ubnd_xa", level="commune", parent=ubnd)
    commune_b = make_agency(
        "000.02.21.H56", "UBND xã Đông Minh", kind="ubnd_xa", level="commune", parent=ubnd
    )
    return dict(
        ubnd=ubnd,
        centre=centre,
        justice=justice,
        division=division,
        building=building,
        commune_a=commune_a,
        commune_b=commune_b,
    )


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user(
        "officer", password="mat-khau-dai-123", first_name="An", last_name="Nguyễn Văn"
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _caches_follow_signals_only(monkeypatch):
    """Process caches (calendars, working hours) also re-check the database every few seconds for changes made by
    other processes; a test is one process, so that timer would only make query counts depend on the clock."""
    from motcua.org import services as org_services
    from motcua.worktime import services as worktime_services

    monkeypatch.setattr(org_services, "HOURS_CHECK_SECONDS", float("inf"))
    monkeypatch.setattr(worktime_services, "CHECK_SECONDS", float("inf"))
    org_services.invalidate_working_hours()
    from motcua.documents.services import snapshot

    snapshot._days_before.clear()  # book numbers counted before a test's day belong to that test's database


# --- the small province's procedure and officers; PAKN staff ----------------------------------------------------------


@pytest.fixture
def procedure(province):
    version = published_procedure(valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    return version


@pytest.fixture
def officers(django_user_model, province):
    def make(username, role, agency, **kw):
        first = username.split(".")[-1].title()
        return staff_member(username, role, province[agency], first_name=first, last_name="Nguyễn", **kw)

    return {
        "counter": make("tn.an", "COUNTER_OFFICER", "centre"),
        "lead": make("gd.tuphap", "AGENCY_LEAD", "justice"),
        "dept": make("tp.tuphap", "DEPT_LEAD", "division"),
        "specialist": make("cv.tuphap", "SPECIALIST", "division"),
        "clerk": make("vt.tuphap", "CLERK", "justice"),
        "other_counter": make("tn.khac", "COUNTER_OFFICER", "commune_a"),
        "admin": make("quantri", "ADMIN", "ubnd", includes_subunits=True),
    }


@pytest.fixture
def make_procedure(province):
    """A published version of procedure 1.004222 (7 working days) received at the centre and handled by Sở Tư
    pháp, with the given supplement clock and internal process steps ``(name, role, amount, unit)``."""
    from decimal import Decimal

    from motcua.catalog import processes
    from motcua.catalog.models import ProcessStep
    from tests.builders.catalog import draft_procedure

    def make(*, supplement_clock="pause", steps=()):
        version = draft_procedure(supplement_clock=supplement_clock)
        version = catalog.publish(
            version, valid_from=dt.date(2025, 7, 1), decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)
        )
        if steps:
            process = processes.new_draft(version)
            for order, (name, role, amount, unit, *more) in enumerate(steps, 1):
                ProcessStep.objects.create(
                    process=process,
                    order=order,
                    name=name,
                    role=role,
                    limit_amount=Decimal(amount),
                    limit_unit=unit,
                    **(more[0] if more else {}),
                )
            processes.publish(
                process,
                valid_from=dt.date(2025, 7, 1),
                decision_number="12/QĐ-STP",
                decision_date=dt.date(2025, 6, 20),
                decision_signer="Giám đốc Sở Tư pháp",
            )
        catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
        catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
        return version

    return make


@pytest.fixture
def partner(django_user_model, province):
    """A specialist of Sở Xây dựng, the liên thông partner."""
    return staff_member("cv.xaydung", "SPECIALIST", province["building"])


@pytest.fixture(name="api")
def api_fixture(client, officers):
    """``api["counter"].get(...)``: requests as that officer. Tokens are marked as just used, so the per-minute
    ``last_used_at`` write does not show in query counts."""
    keys = {name: create_token(user, name)[1] for name, user in officers.items()}
    ApiToken.objects.update(last_used_at=timezone.now())
    return {name: Api(client, key) for name, key in keys.items()}


@pytest.fixture
def staff(django_user_model, province):
    def make(username, role, agency, **kw):
        first = username.split(".")[-1].title()
        return staff_member(username, role, province[agency], first_name=first, last_name="Lê", **kw)

    return {
        "officer": make("pakn.tuphap", "PAKN_OFFICER", "justice"),
        "lead": make("gd.tuphap", "AGENCY_LEAD", "justice"),
        "other": make("pakn.xaydung", "PAKN_OFFICER", "building"),
        "controller": make("kiemsoat", "TTHC_CONTROLLER", "ubnd", includes_subunits=True),
        "counter": make("tn.an", "COUNTER_OFFICER", "centre"),
    }


@pytest.fixture
def send(province):
    def make(when=None, **overrides):
        return submit(request_for(**overrides), at=when or at("2026-03-09 09:00"))

    return make


@pytest.fixture
def storage_root(settings, tmp_path) -> Path:
    """A storage folder of the test's own (Django's default storage, as configured without S3), so that "nothing
    was stored" is checked by listing it (the files and portal folders use it for every test)."""
    root = tmp_path / "files"
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return root


@pytest.fixture
def signed_in(client):
    """``signed_in(user)`` → the test client signed in as ``user`` (one client: the last sign-in wins)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(scope="session")
def mock_key_file(tmp_path_factory):
    return tmp_path_factory.mktemp("mock-vneid") / "key.pem"


@pytest.fixture
def mock_idp(settings, mock_key_file, monkeypatch):
    """The mock provider switched on at http://testserver/mock-vneid, reached through the test client."""
    settings.MOTCUA_OIDC_MOCK = True
    settings.MOTCUA_OIDC_ISSUER = ""
    settings.MOTCUA_PUBLIC_URL = "http://testserver"
    settings.MOTCUA_OIDC_CLIENT_ID = ""
    settings.MOTCUA_OIDC_CLIENT_SECRET = ""
    settings.MOTCUA_OIDC_MOCK_KEY_FILE = mock_key_file
    monkeypatch.setattr(oidc, "transport", TestClientTransport())
    return settings


@pytest.fixture(autouse=True)
def _test_logins_pass_the_second_factor(request):
    """Logins made by the test client pass the officers' second factor (``tests/builders/accounts.py`` says how);
    tests of the second factor itself mark themselves ``@pytest.mark.real_second_factor``."""
    if request.node.get_closest_marker("real_second_factor"):
        yield
        return
    from django.contrib.auth.signals import user_logged_in

    from motcua.accounts import second_factor

    def receiver(sender, request, user, **kwargs):
        # the test client's login builds a bare HttpRequest (no SERVER_NAME); real requests go through the pages
        if request is not None and "SERVER_NAME" not in request.META and second_factor.required_for(user):
            mark_verified(request, user)

    user_logged_in.connect(receiver, dispatch_uid="tests-second-factor")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-second-factor")


@pytest.fixture
def back_to_the_default_language():
    """The default language (Vietnamese) active again after the test: a request in English must not leave English
    active for the next test."""
    yield
    translation.deactivate()


@pytest.fixture
def empty_cache():
    """The cache (throttle counts, tracked sessions) empty at the start and at the end of the test."""
    cache.clear()
    yield
    cache.clear()


# --- browser tests: Playwright drives the system Chromium against Django's live server --------------------------------


@pytest.fixture(scope="session")
def browser():
    from tests.system_tools import require_tool

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
