"""The admin site is for staff who passed the second factor; its login page is the one sign-in page; an
administrator resets the devices of an officer who lost their phone (recorded in the user's admin history)."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client

from motcua.accounts import second_factor
from tests.accounts.second_factor_helpers import (
    CODE_PAGE,
    ENROL_PAGE,
    enrol,
    in_workspace,
    make_officer,
    password_step,
)

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


def _signed_in_with_code(user) -> Client:
    client = Client()
    _, codes = (
        enrol(user) if not second_factor.is_enrolled(user) else (None, second_factor.new_recovery_codes(user))
    )
    password_step(client, user)
    assert client.post(CODE_PAGE, {"code": codes[0]}).status_code == 302
    return client


def test_the_admin_login_page_is_the_one_sign_in_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/admin/login/")["Location"] == "/dang-nhap/?next=%2Fadmin%2F"
    response = client.get("/admin/", follow=True)
    assert [url for url, _ in response.redirect_chain] == [
        "/admin/login/?next=/admin/",
        "/dang-nhap/?next=%2Fadmin%2F",
    ]


def test_a_password_only_session_of_staff_does_not_open_the_admin(client):
    admin = make_officer("quantri", None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == ENROL_PAGE + "?next=%2Fadmin%2F"
    assert password_step(Client(), admin)["Location"] == ENROL_PAGE


def test_staff_who_passed_the_second_factor_open_the_admin():
    admin = make_officer("quantri", None, is_staff=True, is_superuser=True)
    client = _signed_in_with_code(admin)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/login/")["Location"] == "/admin/"
    assert client.get("/admin/login/", {"next": "/admin/auth/user/"})["Location"] == "/admin/auth/user/"
    assert (
        client.get("/admin/login/", {"next": "https://evil.example/"})["Location"] == "/admin/"
    )  # no open redirect


def test_the_devices_and_their_secrets_are_not_in_the_admin():
    admin = make_officer("quantri", None, is_staff=True, is_superuser=True)
    client = _signed_in_with_code(admin)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_an_administrator_resets_the_devices_of_an_officer_who_lost_the_phone():
    admin = make_officer("quantri", None, is_staff=True, is_superuser=True)
    leader = make_officer("lanhdao")
    leader_client = _signed_in_with_code(leader)
    assert in_workspace(leader_client)

    response = _signed_in_with_code(admin).post(
        "/admin/auth/user/",
        {"action": "reset_second_factor", "_selected_action": [leader.pk]},
        follow=True,
    )
    assert "Đã xóa thiết bị xác thực hai bước của 1 tài khoản." in response.content.decode()
    assert not second_factor.is_enrolled(leader) and second_factor.recovery_codes_left(leader) == 0
    entry = LogEntry.objects.get(object_id=str(leader.pk))
    assert entry.user == admin and "Xóa thiết bị xác thực hai bước" in entry.get_change_message()
    # the phone's session stops at its next page; the next sign-in enrols a new device
    assert not in_workspace(leader_client)
    assert password_step(Client(), leader)["Location"] == ENROL_PAGE
