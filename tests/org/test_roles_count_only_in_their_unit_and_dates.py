"""A role counts only inside the agency it was assigned to and its internal divisions (a division's role also for its
agency, never upwards across agencies; below the agency only for a province-wide role assigned so) and only on the
days of its assignment."""

import datetime as dt

import pytest

from motcua.org import permissions
from tests.builders.org import assign

ON = dt.date(2026, 3, 10)


@pytest.fixture
def counter_officer(officer, province):
    assign(
        officer,
        "COUNTER_OFFICER",
        province["centre"],
        valid_from=dt.date(2026, 1, 1),
        valid_to=dt.date(2026, 6, 30),
    )
    return officer


def test_allowed_in_the_unit_during_the_assignment(counter_officer, province):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    assert permissions.can(counter_officer, "test.receive", province["centre"], ON)


@pytest.mark.parametrize("other", ["justice", "ubnd", "commune_a"])
def test_denied_in_another_unit(counter_officer, province, other):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    assert not permissions.can(counter_officer, "test.receive", province[other], ON)


@pytest.mark.parametrize("day", [dt.date(2025, 12, 31), dt.date(2026, 7, 1)])
def test_denied_outside_the_dated_assignment(counter_officer, province, day):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    assert not permissions.can(counter_officer, "test.receive", province["centre"], day)


def test_first_and_last_day_of_the_assignment_count(counter_officer, province):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    assert permissions.can(counter_officer, "test.receive", province["centre"], dt.date(2026, 1, 1))
    assert permissions.can(counter_officer, "test.receive", province["centre"], dt.date(2026, 6, 30))


def test_datetime_is_judged_in_vietnam_time(counter_officer, province):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    # 30/06/2026 18:00 UTC is already 01/07/2026 01:00 in Hà Nội: the assignment has ended.
    late = dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.UTC)
    assert not permissions.can(counter_officer, "test.receive", province["centre"], late)


def test_denied_for_a_role_that_the_action_does_not_accept(counter_officer, province):
    permissions.register("test.sign", "Ký duyệt (kiểm thử)", ["AGENCY_LEAD"])
    assert not permissions.can(counter_officer, "test.sign", province["centre"], ON)


def test_an_agency_role_counts_in_its_divisions_but_not_its_parent_or_siblings(officer, province):
    permissions.register("test.process", "Thụ lý (kiểm thử)", ["DEPT_LEAD"])
    assign(officer, "DEPT_LEAD", province["justice"])
    assert permissions.can(officer, "test.process", province["division"], ON)
    assert not permissions.can(officer, "test.process", province["ubnd"], ON)
    assert not permissions.can(officer, "test.process", province["building"], ON)


def test_a_division_role_counts_for_its_agency_but_never_above_it(officer, province):
    permissions.register("test.appraise", "Thẩm định (kiểm thử)", ["SPECIALIST"])
    assign(officer, "SPECIALIST", province["division"])
    assert permissions.can(officer, "test.appraise", province["justice"], ON)
    assert not permissions.can(officer, "test.appraise", province["ubnd"], ON)
    assert not permissions.can(officer, "test.appraise", province["centre"], ON)


def test_agencies_where_lists_the_scope(officer, province):
    permissions.register("test.process", "Thụ lý (kiểm thử)", ["DEPT_LEAD"])
    assign(officer, "DEPT_LEAD", province["justice"])
    expected = sorted([province["justice"].pk, province["division"].pk])
    assert permissions.agencies_where(officer, "test.process", ON) == expected
    assert permissions.agencies_where(officer, "test.process", dt.date(2019, 12, 31)) == []


def test_subunits_flag_is_refused_for_a_role_that_is_not_province_wide(officer, province):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Chỉ vai trò toàn tỉnh") as refused:
        assign(officer, "DEPT_LEAD", province["justice"], includes_subunits=True)
    assert "includes_subunits" in refused.value.message_dict


def test_a_stored_subunits_flag_on_a_narrow_role_does_not_widen(officer, province):
    from motcua.org.models import RoleAssignment

    permissions.register("test.sign", "Ký duyệt (kiểm thử)", ["AGENCY_LEAD"])
    # written past clean(), as an old row or a direct SQL change would be
    RoleAssignment.objects.create(
        user=officer,
        role="AGENCY_LEAD",
        agency=province["ubnd"],
        includes_subunits=True,
        valid_from=dt.date(2024, 1, 1),
    )
    assert permissions.agencies_where(officer, "test.sign", ON) == [province["ubnd"].pk]
    assert not permissions.can(officer, "test.sign", province["justice"], ON)


def test_a_province_wide_role_reaches_every_unit_below(officer, province):
    permissions.register("test.control", "Kiểm soát (kiểm thử)", ["TTHC_CONTROLLER"])
    assign(officer, "TTHC_CONTROLLER", province["ubnd"], includes_subunits=True)
    everything = sorted(a.pk for a in province.values() if hasattr(a, "pk"))
    assert permissions.agencies_where(officer, "test.control", ON) == everything


def test_a_district_one_stop_is_part_of_its_ubnd_but_a_commune_centre_is_an_agency_of_its_own(
    officer, province
):
    from tests.builders.org import make_agency

    permissions.register("test.look", "Xem (kiểm thử)", ["COUNTER_OFFICER"])
    district = make_agency(
        "000.00.21.H56", "UBND huyện Đông Sơn", kind="ubnd_huyen", level="district", parent=province["ubnd"]
    )
    one_stop = make_agency(
        "001.00.21.H56",
        "Bộ phận TN&TKQ huyện Đông Sơn",
        kind="bp_mot_cua_huyen",
        level="district",
        parent=district,
    )
    centre = make_agency(
        "001.01.21.H56",
        "Trung tâm Phục vụ hành chính công xã Đông Hòa",
        kind="ttpvhcc_xa",
        level="commune",
        parent=province["commune_a"],
    )
    assign(officer, "COUNTER_OFFICER", one_stop)
    assign(officer, "COUNTER_OFFICER", centre)
    assert permissions.can(officer, "test.look", district, ON)  # the Bộ phận works for its UBND huyện
    assert not permissions.can(officer, "test.look", province["commune_a"], ON)  # the centre has its own seal
    assert not permissions.can(officer, "test.look", province["ubnd"], ON)
    assert permissions.agencies_where(officer, "test.look", ON) == sorted(
        [district.pk, one_stop.pk, centre.pk]
    )


def test_inactive_or_anonymous_users_have_no_roles(officer, province):
    from django.contrib.auth.models import AnonymousUser

    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    assign(officer, "COUNTER_OFFICER", province["centre"])
    officer.is_active = False
    assert not permissions.can(officer, "test.receive", province["centre"], ON)
    assert not permissions.can(AnonymousUser(), "test.receive", province["centre"], ON)


def test_superuser_status_grants_no_domain_action(django_user_model, province):
    permissions.register("test.receive", "Tiếp nhận (kiểm thử)", ["COUNTER_OFFICER"])
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    assert not permissions.can(root, "test.receive", province["centre"], ON)


def test_unknown_actions_and_roles_are_programming_errors(officer, province):
    with pytest.raises(LookupError):
        permissions.can(officer, "no.such.action", province["centre"], ON)
    with pytest.raises(ValueError, match="unknown roles"):
        permissions.register("test.bad", "Sai", ["MAYOR"])


def test_overlapping_duplicate_assignment_is_refused(officer, province):
    from django.core.exceptions import ValidationError

    assign(officer, "SPECIALIST", province["justice"], valid_from=dt.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="đã được phân công"):
        assign(officer, "SPECIALIST", province["justice"], valid_from=dt.date(2025, 1, 1))
