"""An officer left signed in on a shared counter PC is signed out after ``MOTCUA_OFFICER_IDLE_MINUTES`` (30)
without a request; the next page asks to sign in again (and comes back with ``next=``). Citizens follow their own
setting (``MOTCUA_CITIZEN_IDLE_MINUTES``, default 0: never). The time of the last request is written to the
session at most once a minute, so ordinary pages cost no extra query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.accounts import middleware
from tests.builders.accounts import make_local

pytestmark = pytest.mark.django_db
PAGE = "/mot-cua/tiep-nhan/"


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = 1_800_000_000.0

        def move(self, minutes):
            self.now += minutes * 60

    c = Clock()
    monkeypatch.setattr(middleware.time, "time", lambda: c.now)
    return c


def test_an_idle_officer_is_signed_out_and_sent_to_sign_in(client, officers, clock):
    client.force_login(officers["counter"])
    assert client.get(PAGE).status_code == 200
    clock.move(29)
    assert client.get(PAGE).status_code == 200  # within 30 minutes: still signed in (and the clock restarts)
    clock.move(29)
    assert client.get(PAGE).status_code == 200
    clock.move(31)
    response = client.get("/mot-cua/ho-so/?q=1")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next=/mot-cua/ho-so/")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "Phiên làm việc đã kết thúc vì không hoạt động quá 30 phút" in page


def test_an_htmx_fragment_sends_the_whole_page_to_sign_in(client, officers, clock):
    client.force_login(officers["counter"])
    clock.move(31)
    response = client.get("/mot-cua/", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith("/dang-nhap/?next=/mot-cua/")


def test_citizens_are_not_affected_unless_their_own_setting_says_so(client, clock, settings):
    client.force_login(make_local().user)
    clock.move(24 * 60)
    assert client.get("/ho-so-cua-toi/").status_code == 200
    settings.MOTCUA_CITIZEN_IDLE_MINUTES = 60
    clock.move(61)
    assert client.get("/ho-so-cua-toi/").status_code == 302


def test_zero_turns_the_limit_off(client, officers, clock, settings):
    settings.MOTCUA_OFFICER_IDLE_MINUTES = 0
    client.force_login(officers["counter"])
    clock.move(8 * 60)
    assert client.get(PAGE).status_code == 200


def session_writes(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    return sum(
        1 for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
    )


def test_the_last_request_is_written_at_most_once_a_minute(client, officers, clock):
    client.force_login(officers["counter"])
    assert session_writes(client) == 0
    clock.move(0.5)
    assert session_writes(client) == 0
    clock.move(2)
    assert session_writes(client) == 1  # the time of the last request moves on
    assert session_writes(client) == 0


def test_a_session_from_before_the_rule_learns_its_kind_once(client, officers, clock):
    client.force_login(officers["counter"])
    session = client.session
    del session[middleware.KIND_KEY], session[middleware.SEEN_KEY]
    session.save()
    assert client.get(PAGE).status_code == 200
    assert client.session[middleware.KIND_KEY] == "officer"
    clock.move(31)
    assert client.get(PAGE).status_code == 302
