"""Who must use the second factor is configuration (``MOTCUA_2FA_REQUIRED_ROLES``, default the leaders and
administrators; staff always): a specialist signs in with the password alone unless the list names their role or
they turned the second factor on themselves; citizens are never asked."""

from __future__ import annotations

import pytest

from motcua.accounts import second_factor
from motcua.org.roles import Role
from tests.accounts.second_factor_helpers import (
    CODE_PAGE,
    ENROL_PAGE,
    enrol,
    in_workspace,
    make_officer,
    password_step,
)
from tests.builders.accounts import PASSWORD as CITIZEN_PASSWORD
from tests.builders.accounts import make_local

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]


def test_the_default_list_is_the_leaders_and_administrators(settings):
    assert set(settings.MOTCUA_2FA_REQUIRED_ROLES) == {"AGENCY_LEAD", "CENTRE_HEAD", "DEPT_LEAD", "ADMIN"}
    assert settings.MOTCUA_2FA_REQUIRED_FOR_STAFF is True


@pytest.mark.parametrize("role", [Role.AGENCY_LEAD, Role.CENTRE_HEAD, Role.DEPT_LEAD, Role.ADMIN])
def test_every_leader_and_administrator_must(role):
    assert second_factor.required_for(make_officer("nguoi", role))


def test_a_specialist_signs_in_with_the_password_only(client):
    specialist = make_officer("chuyenvien", Role.SPECIALIST)
    response = password_step(client, specialist)
    assert response.status_code == 302 and response["Location"] == "/mot-cua/"
    assert in_workspace(client)


def test_a_specialist_must_when_the_list_names_the_role(client, settings):
    settings.MOTCUA_2FA_REQUIRED_ROLES = ["SPECIALIST"]
    specialist = make_officer("chuyenvien", Role.SPECIALIST)
    assert password_step(client, specialist)["Location"] == ENROL_PAGE
    assert not in_workspace(client)


def test_an_empty_list_asks_no_officer_but_still_staff(client, settings):
    settings.MOTCUA_2FA_REQUIRED_ROLES = []
    leader = make_officer("lanhdao")
    assert password_step(client, leader)["Location"] == "/mot-cua/"
    staff = make_officer("quantri", None, is_staff=True)
    assert password_step(client, staff)["Location"] == ENROL_PAGE
    settings.MOTCUA_2FA_REQUIRED_FOR_STAFF = False
    assert not second_factor.required_for(staff)


def test_a_specialist_who_turned_it_on_is_asked_for_a_code(client):
    specialist = make_officer("chuyenvien", Role.SPECIALIST)
    password_step(client, specialist)
    settings_page = client.get("/tai-khoan/xac-thuc-hai-buoc/").content.decode()
    assert "Bật xác thực hai bước" in settings_page
    assert client.get(ENROL_PAGE).status_code == 200  # a voluntary enrolment, from the account page
    enrol(specialist)
    client.post("/dang-xuat/")
    assert password_step(client, specialist)["Location"] == CODE_PAGE


def test_a_specialist_may_turn_it_off_but_a_leader_may_not(client):
    specialist = make_officer("chuyenvien", Role.SPECIALIST)
    _, codes = enrol(specialist)
    password_step(client, specialist)
    client.post(CODE_PAGE, {"code": codes[0]})
    client.post("/tai-khoan/xac-thuc-hai-buoc/tat/")
    assert not second_factor.is_enrolled(specialist)

    client.post("/dang-xuat/")
    leader = make_officer("lanhdao")
    _, codes = enrol(leader)
    password_step(client, leader)
    client.post(CODE_PAGE, {"code": codes[0]})
    refused = client.post("/tai-khoan/xac-thuc-hai-buoc/tat/", follow=True)
    assert "không tắt được" in refused.content.decode()
    assert second_factor.is_enrolled(leader)


def test_new_recovery_codes_replace_the_old_ones(client):
    leader = make_officer("lanhdao")
    _, old = enrol(leader)
    password_step(client, leader)
    client.post(CODE_PAGE, {"code": old[0]})
    response = client.post("/tai-khoan/xac-thuc-hai-buoc/ma-moi/")
    assert response["Location"] == "/dang-nhap/ma-du-phong/"
    assert client.get(response["Location"]).content.decode().count("<li><code>") == 10
    assert second_factor.recovery_codes_left(leader) == 10
    client.post("/dang-xuat/")
    password_step(client, leader)
    assert client.post(CODE_PAGE, {"code": old[1]}).status_code == 200  # the old set is void


def test_citizens_are_never_asked(client, settings):
    settings.MOTCUA_2FA_REQUIRED_ROLES = [role.value for role in Role]
    citizen = make_local()
    response = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": CITIZEN_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert not second_factor.required_for(citizen.user)


def test_a_misspelt_role_in_the_list_stops_the_system(settings):
    from motcua.accounts.second_factor import check_required_roles

    assert check_required_roles() == []
    settings.MOTCUA_2FA_REQUIRED_ROLES = ["AGENCY_LEAD", "LEADER"]
    (error,) = check_required_roles()
    assert error.id == "motcua.accounts.E001" and "LEADER" in error.msg and error.is_serious()
