"""Satisfaction statistics (``/bao-cao/hai-long/``) for holders of ``reports.view`` over their units and
subunits: per unit rated and per officer concerned, the number of ratings, each level and the average citizen
score over a period, on screen and as .xlsx, with a fixed number of SQL queries."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from motcua.org.permissions import Access
from motcua.satisfaction import services
from tests.builders.dossiers import WORK_MENU, at, receive
from tests.builders.org import assign
from tests.builders.reports import finished
from tests.builders.satisfaction import all_answers

pytestmark = pytest.mark.django_db

MARCH = "?don_vi={unit}&ky=t3&nam=2026&cach_tinh=calendar&theo=then"
# session, user, role assignments, agency tree, agencies, successions, unread notifications, the menu's work counts,
# per unit, per officer
STATS_QUERIES = 9 + WORK_MENU


@pytest.fixture
def leader(django_user_model, province):
    user = django_user_model.objects.create_user("kiemsoat.tthc", password="x-long-password-1")
    assign(user, "TTHC_CONTROLLER", province["ubnd"], valid_from=dt.date(2024, 1, 1), includes_subunits=True)
    return user


@pytest.fixture
def march(procedure, officers):
    good = finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
    services.rate_result(good, level="rat_hai_long", answers=all_answers(2), at=at("2026-03-10 08:00"))
    bad = finished(officers, "2026-03-03 09:15", "2026-03-06 10:00")
    services.rate_result(bad, level="khong_hai_long", answers=all_answers(0), at=at("2026-03-11 08:00"))
    counter = receive(officers, "2026-03-12 09:15")
    access = Access.of(officers["counter"], at("2026-03-12 09:20"))
    services.rate_reception(
        counter, level="hai_long", officer=officers["counter"], access=access, at=at("2026-03-12 09:20")
    )
    april = finished(officers, "2026-03-04 09:15", "2026-03-09 10:00")
    services.rate_result(april, level="hai_long", answers=all_answers(1), at=at("2026-04-01 08:00"))


def cells(page: str, name: str) -> list[str]:
    import re

    row = re.search(rf"<tr>\s*<th scope=\"row\">{re.escape(name)}.*?</tr>", page, re.S).group(0)
    return re.findall(r'<td class="num">(.*?)</td>', row)


def test_per_unit_and_per_officer_with_fixed_queries(
    client, leader, province, march, django_assert_num_queries
):
    client.force_login(leader)
    url = "/bao-cao/hai-long/" + MARCH.format(unit=province["ubnd"].pk)
    with django_assert_num_queries(STATS_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    #                                    n   quầy  KQ  rất  HL  không  tỷ lệ      điểm TB
    assert cells(page, "Sở Tư pháp") == ["2", "0", "2", "1", "0", "1", "50,00%", "6,00/12"]
    assert cells(page, "Trung tâm Phục vụ hành chính công tỉnh") == [
        "1",
        "1",
        "0",
        "0",
        "1",
        "0",
        "100,00%",
        "—",
    ]
    assert cells(page, "Tổng cộng") == ["3", "1", "2", "1", "1", "1", "66,67%", "6,00/12"]
    officer = cells(
        page, "Nguyễn An"
    )  # received, transferred and returned every dossier; rated at the counter
    assert officer == ["3", "1", "2", "1", "1", "1", "66,67%", "6,00/12"]
    assert 'href="/bao-cao/hai-long.xlsx?' in page


def test_the_spreadsheet_has_the_same_figures(client, leader, province, march):
    client.force_login(leader)
    response = client.get("/bao-cao/hai-long.xlsx" + MARCH.format(unit=province["ubnd"].pk))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    book = load_workbook(io.BytesIO(response.content))
    units = list(book["Theo đơn vị"].iter_rows(values_only=True))
    assert units[1][0] == "Đơn vị"
    assert ("Sở Tư pháp", 2, 0, 2, 1, 0, 1, 50.0, 6.0, 12) in units
    assert units[-1][:4] == ("Tổng cộng", 3, 1, 2)
    officers = list(book["Theo cán bộ"].iter_rows(values_only=True))
    assert ("Nguyễn Tuphap", "Sở Tư pháp", 2, 0, 2, 1, 0, 1, 50.0, 6.0, 12) in officers


def test_a_director_sees_the_department_only(client, officers, province, march):
    client.force_login(officers["lead"])
    mine = client.get("/bao-cao/hai-long/" + MARCH.format(unit=province["justice"].pk)).content.decode()
    assert "Sở Tư pháp" in mine and "Trung tâm Phục vụ" not in mine.split("Theo đơn vị")[1]
    other = client.get("/bao-cao/hai-long/" + MARCH.format(unit=province["ubnd"].pk)).content.decode()
    assert "Bạn không có quyền xem báo cáo của đơn vị này" in other and "Tổng cộng" not in other
    assert client.get("/bao-cao/hai-long.xlsx" + MARCH.format(unit=province["ubnd"].pk)).status_code == 400


def test_counter_officers_are_refused(client, officers):
    client.force_login(officers["counter"])
    assert client.get("/bao-cao/hai-long/").status_code == 403
