import pytest

from tests.factories import make_agency

pytest_plugins = [
    "tests.system_tools",  # the report header names the system tools found; tests reach them through it
    "tests.second_factor_support",  # test logins pass the officers' second factor (see there)
    "tests.browser_support",  # one Chromium for every folder with browser tests
]


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
