"""Phân công tự động: a unit's leader chooses on /mot-cua/phan-cong-tu-dong/ how the unit's new work is assigned —
by the leader, to the least loaded specialist, or to each specialist in turn — and sees the unit's specialists
with their open steps; the choice is recorded with who made it and in the audit log. A specialist, or the leader
of another unit, is refused (403) and nothing changes. The page costs a fixed number of queries."""

import pytest

from motcua.core.models import AuditEntry
from motcua.dossiers.models import AssignmentMode, AssignmentRule
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import processing
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db

URL = "/mot-cua/phan-cong-tu-dong/"
# session, user, role assignments, agency tree, the units, their rules, the specialists, their open steps grouped,
# unread notifications
PAGE_QUERIES = 9


@pytest.fixture
def appraisal(make_procedure, officers, province):
    """A process whose only step is the division's appraisal by a specialist; the division has two specialists
    (cv.tuphap, then cv.binh)."""
    make_procedure(steps=[SIGNED_PROCESS[2]])
    return staff_member("cv.binh", "SPECIALIST", province["division"], first_name="Bình", last_name="Trần")


def test_a_leader_sets_round_robin_and_new_dossiers_go_to_the_specialists_in_turn(
    signed_in, officers, province, appraisal
):
    client = signed_in(officers["dept"])
    division = province["division"]
    response = client.post(URL, {"don_vi": division.pk, "cach": "round_robin"})
    assert response.status_code == 302 and response["Location"].startswith(f"{URL}?da_luu={division.pk}")

    rule = AssignmentRule.objects.get(unit=division)
    assert (rule.mode, rule.updated_by) == (AssignmentMode.ROUND_ROBIN, officers["dept"])
    entry = AuditEntry.objects.get(object_type="dossiers.assignmentrule", object_id=str(rule.pk))
    assert (entry.actor, entry.action, entry.changes) == (
        officers["dept"],
        "create",
        {"mode": [None, "round_robin"]},
    )

    first = processing(officers)
    second = processing(officers, received="2026-03-09 09:30", transferred="2026-03-09 10:30")
    assert first.current_handler == officers["specialist"]  # the lower user id first
    assert second.current_handler == appraisal
    page = client.get(response["Location"]).content.decode()
    assert "Đã lưu cách phân công của đơn vị." in page
    assert 'value="round_robin" checked' in page
    for name in ("Nguyễn Tuphap", "Trần Bình"):  # one open step each
        assert f'<td>{name}</td><td class="num" data-label="Bước đang xử lý">1</td>' in page
    assert "Cập nhật lần cuối: Nguyễn Tuphap, lúc" in page


def test_the_agency_leader_leads_its_divisions_too(signed_in, officers, province, appraisal):
    client = signed_in(officers["lead"])
    page = client.get(URL).content.decode()
    assert "Sở Tư pháp" in page and "Phòng Hành chính tư pháp" in page
    response = client.post(URL, {"don_vi": province["division"].pk, "cach": "least_loaded"})
    assert response.status_code == 302
    assert AssignmentRule.objects.get(unit=province["division"]).mode == AssignmentMode.LEAST_LOADED


def test_a_specialist_is_refused(signed_in, officers, province):
    client = signed_in(officers["specialist"])
    assert client.get(URL).status_code == 403
    response = client.post(URL, {"don_vi": province["division"].pk, "cach": "round_robin"})
    assert response.status_code == 403
    assert "Chỉ lãnh đạo phòng chuyên môn và lãnh đạo cơ quan" in response.content.decode()
    assert (
        not AssignmentRule.objects.exists()
        and not AuditEntry.objects.filter(object_type="dossiers.assignmentrule").exists()
    )


def test_the_leader_of_another_unit_cannot_set_it(signed_in, officers, province):
    AssignmentRule.objects.create(unit=province["division"], mode=AssignmentMode.MANUAL)
    other = staff_member("gd.xaydung", "AGENCY_LEAD", province["building"])
    client = signed_in(other)
    page = client.get(URL).content.decode()
    assert "Sở Xây dựng" in page and "Phòng Hành chính tư pháp" not in page
    response = client.post(URL, {"don_vi": province["division"].pk, "cach": "round_robin"})
    assert response.status_code == 403
    assert "Chỉ lãnh đạo của Phòng Hành chính tư pháp" in response.content.decode()
    rule = AssignmentRule.objects.get(unit=province["division"])
    assert (rule.mode, rule.updated_by) == (AssignmentMode.MANUAL, None)
    assert not AuditEntry.objects.filter(object_type="dossiers.assignmentrule").exists()


def test_a_division_head_cannot_set_the_rule_of_the_whole_agency(signed_in, officers, province):
    client = signed_in(officers["dept"])
    assert "Sở Tư pháp</h2>" not in client.get(URL).content.decode()
    response = client.post(URL, {"don_vi": province["justice"].pk, "cach": "round_robin"})
    assert response.status_code == 403 and not AssignmentRule.objects.exists()


def test_bad_input_is_refused_with_a_reason_and_changes_nothing(signed_in, officers, province):
    client = signed_in(officers["dept"])
    response = client.post(URL, {"don_vi": province["division"].pk, "cach": "ngau_nhien"})
    assert response.status_code == 400
    assert "Chọn một cách phân công trong danh sách." in response.content.decode()
    assert client.post(URL, {"don_vi": "999999", "cach": "manual"}).status_code == 404
    assert client.post(URL, {"don_vi": "²", "cach": "manual"}).status_code == 404
    assert not AssignmentRule.objects.exists()


def test_the_page_costs_a_fixed_number_of_queries(
    signed_in, officers, province, appraisal, django_assert_num_queries
):
    for n in range(3):
        staff_member(f"cv.them{n}", "SPECIALIST", province["division"])
    processing(officers)
    client = signed_in(officers["lead"])
    client.get(URL)
    with django_assert_num_queries(PAGE_QUERIES + VERIFIED_SESSION):  # a leader: the session's device is read
        response = client.get(URL)
    assert response.status_code == 200


def test_the_menu_links_it_for_leaders_only(signed_in, officers):
    assert URL in signed_in(officers["dept"]).get("/mot-cua/tong-quan/").content.decode()
    assert URL not in signed_in(officers["specialist"]).get("/mot-cua/tong-quan/").content.decode()
