"""After a merge (or a rename) the old identifiers still resolve: to their historical record and to the
agencies that carry on their work."""

import datetime as dt

from motcua.org import services
from tests.builders.org import make_agency

MERGE_DAY = dt.date(2025, 7, 1)


def merge_communes(province):
    new = make_agency(
        "000.00.53.H56",
        "UBND phường Đông Quang",
        kind="ubnd_xa",
        level="commune",
        parent=province["ubnd"],
        valid_from=MERGE_DAY,
    )
    services.record_succession(
        [province["commune_a"], province["commune_b"]],
        [new],
        kind="merge",
        effective_date=MERGE_DAY,
        legal_basis="NQ 1686/NQ-UBTVQH15",
    )
    return new


def test_old_identifier_resolves_to_its_record_and_the_successor(province):
    new = merge_communes(province)
    resolution = services.resolve_agency("000.01.21.H56", dt.date(2026, 1, 5))
    assert resolution.record == province["commune_a"]
    assert not resolution.is_current
    assert resolution.effective == [new]


def test_merge_closes_the_old_agencies_on_the_eve(province):
    merge_communes(province)
    for key in ("commune_a", "commune_b"):
        province[key].refresh_from_db()
        assert province[key].valid_to == dt.date(2025, 6, 30)


def test_before_the_merge_the_old_identifier_is_the_current_agency(province):
    merge_communes(province)
    resolution = services.resolve_agency("000.02.21.H56", dt.date(2025, 6, 30))
    assert resolution.is_current
    assert resolution.effective == [province["commune_b"]]


def test_successions_are_followed_through_a_later_rename(province):
    new = merge_communes(province)
    renamed_day = dt.date(2026, 3, 1)
    renamed = make_agency(
        "000.00.60.H56",
        "UBND phường Đông Quang mới",
        kind="ubnd_xa",
        level="commune",
        parent=province["ubnd"],
        valid_from=renamed_day,
    )
    services.record_succession(
        [new], [renamed], kind="rename", effective_date=renamed_day, legal_basis="QĐ 1/2026"
    )
    assert services.resolve_agency("000.01.21.H56", dt.date(2026, 2, 1)).effective == [new]
    assert services.resolve_agency("000.01.21.H56", dt.date(2026, 3, 2)).effective == [renamed]


def test_a_merge_moves_the_officers_open_roles_to_the_successor(province, officer):
    from tests.builders.org import assign

    old_role = assign(officer, "COUNTER_OFFICER", province["commune_a"], valid_from=dt.date(2021, 1, 1))
    new = merge_communes(province)
    old_role.refresh_from_db()
    assert old_role.valid_to == dt.date(2025, 6, 30)
    moved = officer.role_assignments.get(agency=new)
    assert (moved.role, moved.valid_from, moved.valid_to) == ("COUNTER_OFFICER", MERGE_DAY, None)


def test_the_api_resolves_an_old_identifier(client, province):
    new = merge_communes(province)
    body = client.get("/api/v1/agencies/000.01.21.H56", {"on": "2026-01-05"}).json()
    assert body["is_current"] is False
    assert body["valid_to"] == "2025-06-30"
    assert [a["identifier"] for a in body["current_agencies"]] == [new.identifier]
    assert body["successors"][0]["legal_basis"] == "NQ 1686/NQ-UBTVQH15"


def test_an_identifier_never_used_is_not_found(client, province):
    response = client.get("/api/v1/agencies/999.99.99.H56")
    assert response.status_code == 404
    assert "999.99.99.H56" in response.json()["detail"]
