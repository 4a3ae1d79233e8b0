"""The API's session sign-in obeys the second factor like the pages: an officer who must use it and whose session
has not passed it is anonymous on ``/api/`` (401); once the code is given the same session reads; a specialist who
need not use it reads with the password alone."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.accounts.second_factor_helpers import CODE_PAGE, enrol, make_officer, password_step

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]
API = "/api/v1/dossiers"


def test_a_password_only_session_of_a_leader_reads_nothing_on_the_api():
    leader = make_officer("lanhdao")
    client = Client()
    client.force_login(leader)  # a session from before the second factor, or one that skipped it
    assert client.get(API).status_code == 401


def test_the_same_session_reads_once_the_code_is_given():
    leader = make_officer("lanhdao")
    _, codes = enrol(leader)
    client = Client()
    password_step(client, leader)
    assert client.get(API).status_code == 401  # half signed in: not signed in at all
    assert client.post(CODE_PAGE, {"code": codes[0]}).status_code == 302
    assert client.get(API).status_code == 200


def test_an_officer_who_need_not_use_it_reads_with_the_password(settings):
    settings.MOTCUA_2FA_REQUIRED_ROLES = ["AGENCY_LEAD"]
    specialist = make_officer("chuyenvien", "SPECIALIST")
    client = Client()
    client.force_login(specialist)
    assert client.get(API).status_code == 200
