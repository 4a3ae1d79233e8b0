"""Known SQL on the second-factor pages (accounts.views_second_factor)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.second_factor_helpers import (
    CODE_PAGE,
    ENROL_PAGE,
    RECOVERY_PAGE,
    enrol,
    make_officer,
    password_step,
)
from tests.builders.accounts import current_code

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


def test_the_password_step_of_a_leader(client, django_assert_num_queries):
    make_officer("lanhdao")
    # the user (test), the name, the lock, the user (password check), the citizen (none: not a citizen), the
    # roles today (must use it), enrolled?, the session (exists?, created in a savepoint); the account's count of
    # failures is not cleared: that waits for the right code
    with django_assert_num_queries(11):
        response = password_step(client, get_user_model().objects.get())
    assert response["Location"] == ENROL_PAGE


def test_the_enrolment_page(client, django_assert_num_queries):
    leader = make_officer("lanhdao")
    password_step(client, leader)
    client.get(ENROL_PAGE)  # the first visit makes the pending device
    # the session, the user pending, enrolled?, the pending device; the roles (the page says why it is asked),
    # the user (the test client's user for the template)
    with django_assert_num_queries(6):
        assert client.get(ENROL_PAGE).status_code == 200


def test_the_code_page_and_a_right_code(client, django_assert_num_queries):
    leader = make_officer("lanhdao")
    device, _ = enrol(leader)
    password_step(client, leader)
    with django_assert_num_queries(3):  # the session, the user pending, enrolled?
        assert client.get(CODE_PAGE).status_code == 200
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    # the session, the user pending, enrolled?, the lock; the code checked (in a savepoint: the device locked,
    # its last used step saved); the roles (officer: where to go); signed in: the new session made (exists?,
    # inserted in a savepoint), the old one read and deleted, last login; the account's count cleared; the
    # session saved (in a savepoint)
    with django_assert_num_queries(20):
        assert client.post(CODE_PAGE, {"code": current_code(device)}).status_code == 302


def test_a_wrong_code(client, django_assert_num_queries):
    leader = make_officer("lanhdao")
    enrol(leader)
    password_step(client, leader)
    # the session, the user pending, enrolled?, the lock; the recovery codes checked (in a savepoint: the
    # device locked, the code looked for, django-otp's failure count saved); the failure counted for the account
    # and for the address (each: a savepoint, the row locked, created in its own savepoint, updated)
    with django_assert_num_queries(23):
        assert client.post(CODE_PAGE, {"code": "abcdefgh"}).status_code == 200


def test_the_recovery_codes_and_the_settings_page(client, django_assert_num_queries):
    leader = make_officer("lanhdao")
    _, codes = enrol(leader)
    password_step(client, leader)
    client.post(CODE_PAGE, {"code": codes[0]})
    client.post("/tai-khoan/xac-thuc-hai-buoc/ma-moi/")
    # the session, the user, the device of the session (django-otp: is it still there?), the roles (must use it)
    with django_assert_num_queries(4):
        assert client.get(RECOVERY_PAGE).status_code == 200
    # the same four, enrolled?, the recovery codes left
    with django_assert_num_queries(6):
        assert client.get("/tai-khoan/xac-thuc-hai-buoc/").status_code == 200
