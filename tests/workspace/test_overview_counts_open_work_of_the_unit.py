"""The leaders' overview of a unit: open dossiers by status, due soon, overdue by handler and by step, waiting for
the leader's signature, each linking into the filtered queue; exact figures with a fixed number of queries."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter, submit_online
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import WORK_MENU, assign_specialist, request_for, transferred

pytestmark = pytest.mark.django_db

# session, user, role assignments, agency tree, unread notifications; per side (receiving, handling, current):
# open by status, overdue by handler, overdue by step, due soon; the late handlers' names; the unit's open steps by
# work list (work.unit_counts); the menu's work counts
OVERVIEW_QUERIES = 5 + 3 * 4 + 1 + 1 + WORK_MENU


@pytest.fixture
def work(make_procedure, officers):
    make_procedure(
        steps=[
            ("Thẩm định", "SPECIALIST", "5", "working_days"),
            ("Ký duyệt", "AGENCY_LEAD", "2", "working_days"),
        ]
    )
    counter = officers["counter"]
    late = transferred(officers)
    assign_specialist(late, officers, "2026-03-09 11:00", by="lead")
    receive_at_counter(request_for(), counter, at=timezone.now())
    submit_online(request_for(), counter, at=timezone.now())
    return late


def figure(page: str, label: str) -> int:
    return int(re.search(r"<strong>(\d+)</strong>" + re.escape(label), page).group(1))


def test_lead_sees_the_open_work_of_the_agency(signed_in, officers, work, django_assert_num_queries):
    client = signed_in(officers["lead"])
    client.get("/mot-cua/tong-quan/")  # calendars and working hours are kept per process after the first use
    with django_assert_num_queries(
        OVERVIEW_QUERIES + VERIFIED_SESSION
    ):  # a leader: the session's device is read
        response = client.get("/mot-cua/tong-quan/")
    assert response.status_code == 200
    page = response.content.decode()
    assert figure(page, "hồ sơ đang giải quyết") == 3
    assert figure(page, "đã quá hạn") == 1
    assert figure(page, "sắp đến hạn") == 0
    assert "<td>Nguyễn Tuphap</td><td>1</td>" in page  # the specialist holds the overdue dossier
    assert "Thẩm định" in page  # the overdue dossier's current step
    assert "hang=don-vi&amp;don_vi=" in page and "qua_han=on" in page


def test_another_units_leader_sees_none_of_it(signed_in, officers, work, django_user_model, province):
    from tests.builders.org import assign

    other = django_user_model.objects.create_user("gd.khac", password="x-long-password-1")
    assign(other, "AGENCY_LEAD", province["commune_a"])
    page = signed_in(other).get("/mot-cua/tong-quan/").content.decode()
    assert figure(page, "hồ sơ đang giải quyết") == 0 and figure(page, "đã quá hạn") == 0
