"""“As of a date” lookups return the record valid on that date; history is kept, never overwritten."""

import datetime as dt

import pytest

from motcua.org import services
from motcua.org.models import AdministrativeUnit
from tests.builders.org import make_agency


@pytest.fixture
def reused_identifier(province):
    """One identifier borne by two agencies in turn (QĐ 09/2025 lets identifiers be reassigned)."""
    old = make_agency(
        "000.00.13.H56",
        "Sở Tài nguyên và Môi trường",
        parent=province["ubnd"],
        valid_from=dt.date(2003, 1, 1),
        valid_to=dt.date(2025, 2, 28),
    )
    new = make_agency(
        "000.00.13.H56", "Sở Dân tộc và Tôn giáo", parent=province["ubnd"], valid_from=dt.date(2025, 3, 1)
    )
    return old, new


@pytest.mark.parametrize(
    ("on", "expected_name"),
    [
        (dt.date(2003, 1, 1), "Sở Tài nguyên và Môi trường"),
        (dt.date(2025, 2, 28), "Sở Tài nguyên và Môi trường"),
        (dt.date(2025, 3, 1), "Sở Dân tộc và Tôn giáo"),
        (dt.date(2026, 11, 22), "Sở Dân tộc và Tôn giáo"),
    ],
)
def test_agency_on_returns_the_record_of_that_date(reused_identifier, on, expected_name):
    assert services.agency_on("000.00.13.H56", on).name == expected_name


def test_no_agency_before_the_identifier_existed(reused_identifier):
    assert services.agency_on("000.00.13.H56", dt.date(2002, 12, 31)) is None


def test_agency_list_api_is_as_of_the_given_date(client, reused_identifier):
    def names(on):
        body = client.get("/api/v1/agencies", {"on": on, "q": "000.00.13", "limit": 50}).json()
        return [a["name"] for a in body["items"]]

    assert names("2024-12-31") == ["Sở Tài nguyên và Môi trường"]
    assert names("2025-03-01") == ["Sở Dân tộc và Tôn giáo"]


def test_agencies_list_excludes_those_not_yet_or_no_longer_valid(client, province):
    make_agency("000.00.99.H56", "Sở tương lai", parent=province["ubnd"], valid_from=dt.date(2030, 1, 1))
    body = client.get("/api/v1/agencies", {"on": "2026-01-01", "limit": 100}).json()
    assert "000.00.99.H56" not in [a["identifier"] for a in body["items"]]
    assert body["count"] == 7


def test_admin_unit_code_reused_after_a_merge(db, client):
    province = AdministrativeUnit.objects.create(
        code="38", name="Tỉnh Thanh Hóa", kind="tinh", valid_from=dt.date(1991, 1, 1)
    )
    AdministrativeUnit.objects.create(
        code="15853",
        name="Xã Đông Hòa",
        kind="xa",
        parent=province,
        valid_from=dt.date(1996, 1, 1),
        valid_to=dt.date(2025, 6, 30),
    )
    AdministrativeUnit.objects.create(
        code="15853", name="Phường Đông Quang", kind="phuong", parent=province, valid_from=dt.date(2025, 7, 1)
    )
    assert client.get("/api/v1/admin-units/15853", {"on": "2025-06-30"}).json()["name"] == "Xã Đông Hòa"
    assert client.get("/api/v1/admin-units/15853", {"on": "2025-07-01"}).json()["name"] == "Phường Đông Quang"
    listing = client.get("/api/v1/admin-units", {"on": "2025-06-30", "level": "commune"}).json()
    assert [u["name"] for u in listing["items"]] == ["Xã Đông Hòa"]


def test_working_hours_are_dated_and_inherited(province):
    from motcua.org.models import WorkingHours

    centre = province["centre"]
    WorkingHours.objects.create(
        agency=province["ubnd"],
        valid_from=dt.date(2020, 1, 1),
        morning_start=dt.time(7, 0),
        morning_end=dt.time(11, 30),
    )
    WorkingHours.objects.create(
        agency=centre,
        valid_from=dt.date(2026, 5, 1),
        morning_start=dt.time(7, 0),
        afternoon_start=dt.time(13, 0),
        afternoon_end=dt.time(16, 30),
    )
    # before its own timetable, the centre follows its parent's
    assert services.working_hours_for(centre, dt.date(2026, 4, 30)) == (
        (dt.time(7, 0), dt.time(11, 30)),
        (dt.time(13, 30), dt.time(17, 0)),
    )
    assert services.working_hours_for(centre, dt.date(2026, 5, 1)) == (
        (dt.time(7, 0), dt.time(11, 30)),
        (dt.time(13, 0), dt.time(16, 30)),
    )
    # an agency with no timetable anywhere up its chain gets the configured default
    assert services.working_hours_for(province["commune_a"].parent, dt.date(2019, 1, 1)) == (
        (dt.time(7, 30), dt.time(11, 30)),
        (dt.time(13, 30), dt.time(17, 0)),
    )
