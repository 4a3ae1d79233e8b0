"""The officers' report screens (``/bao-cao/``): Biểu 06, the dashboard and the overdue list are for officers who
hold ``reports.view`` (leaders, TTHC controllers) over their units and subunits; each page runs a fixed number of
SQL queries whatever the number of dossiers; a wrong parameter comes back next to its field, and nothing else."""

import re

import pytest

from tests.builders.dossiers import WORK_MENU, act
from tests.builders.org import assign
from tests.builders.reports import finish_inputs, finished, processing

pytestmark = pytest.mark.django_db

MARCH = "?don_vi={unit}&ky=t3&nam=2026&cach_tinh=calendar&theo=then"
# session, user, role assignments, agency tree, agencies, successions, unread notifications, the menu's work counts,
# then the page's own
BIEU06_QUERIES = 9 + WORK_MENU  # + the roll-up, the fields' names
DASHBOARD_QUERIES = (
    11 + WORK_MENU
)  # + the roll-up, the daily series, the fields' names, the dossiers overdue now
OVERDUE_QUERIES = 11 + WORK_MENU  # + the facts, the dossiers, their pauses and apologies


@pytest.fixture
def month(procedure, officers, live):
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
        late = processing(officers, "2026-03-04 09:15")
        late = act(
            late, "apologize", officers["lead"], "2026-03-12 15:00",
            reason="Cần xác minh với cơ quan công an", new_due_at="2026-03-20T16:00+07:00",
        )  # fmt: skip
        act(late, "finish", officers["lead"], "2026-03-17 10:00", **finish_inputs("2026-03-17"))
        stuck = processing(officers, "2026-03-05 09:15")
        act(
            stuck,
            "request_supplement",
            officers["specialist"],
            "2026-03-06 09:00",
            reason="Thiếu bản sao sổ đỏ",
        )
        act(stuck, "receive_supplement", officers["counter"], "2026-03-09 09:00")
        processing(officers, "2026-03-25 09:15", channel="2")


def prime(client, url):
    """Calendars are kept per process after their first use (like the workspace's pages)."""
    client.get(url)


def test_biểu_06_page(signed_in, leader, province, month, django_assert_num_queries):
    client = signed_in(leader)
    url = "/bao-cao/" + MARCH.format(unit=province["ubnd"].pk)
    prime(client, url)
    with django_assert_num_queries(BIEU06_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Biểu số 06/VPCP/KSTT" in page and "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC" in page
    assert "Văn phòng Chính phủ" in page  # the province reports to the Government Office
    total = re.search(r'<tr class="total">(.*?)</tr>', page, re.S).group(1)
    values = re.findall(r'<td class="n">(\d+)</td>', total)
    assert values == ["4", "1", "3", "0", "2", "1", "0", "1", "2", "1", "1"]  # (3) … (13)
    assert 'rowspan="3"' in page and 'colspan="4"' in page and "(13)" in page
    assert "bieu-06.xlsx?" in page and "bieu-06.pdf?" in page


def test_dashboard_page_draws_accessible_charts(
    signed_in, leader, province, month, django_assert_num_queries
):
    client = signed_in(leader)
    url = "/bao-cao/tong-quan/" + MARCH.format(unit=province["ubnd"].pk)
    prime(client, url)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 5
    assert 'role="img"' in page and "<desc id=" in page and "Bảng số liệu" in page
    assert (
        "Đã giải quyết 2 hồ sơ, trong đó trước hạn và đúng hạn 1 hồ sơ, đạt 50,00%; quá hạn 1 hồ sơ, chiếm 50,00%."
        in page
    )
    assert "Thẩm định, xử lý hồ sơ" in page  # overdue now, by step


def test_overdue_list_gives_reasons_and_apologies(
    signed_in, leader, province, month, django_assert_num_queries
):
    client = signed_in(leader)
    url = "/bao-cao/qua-han/" + MARCH.format(unit=province["ubnd"].pk)
    prime(client, url)
    with django_assert_num_queries(OVERDUE_QUERIES):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "Cần xác minh với cơ quan công an" in page and "hẹn lại 20/03/2026" in page
    )  # the late one, apologised
    assert "Thiếu bản sao sổ đỏ" in page  # the one overdue at the end of March, with its pause
    assert page.count(">000.00.03.H56-2603") == 2


def test_officers_without_a_reports_role_are_refused_and_see_no_link(signed_in, officers, province, month):
    client = signed_in(officers["counter"])
    assert client.get("/bao-cao/").status_code == 403
    assert client.get("/bao-cao/tong-quan/").status_code == 403
    assert 'href="/bao-cao/"' not in client.get("/mot-cua/tong-quan/").content.decode()
    client = signed_in(officers["lead"])  # the director of Sở Tư pháp
    assert 'href="/bao-cao/"' in client.get("/mot-cua/tong-quan/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/bao-cao/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_a_director_reports_on_the_department_only(signed_in, officers, province, month):
    client = signed_in(officers["lead"])
    mine = client.get("/bao-cao/" + MARCH.format(unit=province["justice"].pk))
    assert mine.status_code == 200 and "Sở Tư pháp" in mine.content.decode()
    other = client.get("/bao-cao/" + MARCH.format(unit=province["ubnd"].pk)).content.decode()
    assert "Bạn không có quyền xem báo cáo của đơn vị này" in other and 'class="total"' not in other
    assert client.get("/bao-cao/bieu-06.xlsx" + MARCH.format(unit=province["ubnd"].pk)).status_code == 400


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "ky=tuy-chon&tu_ngay=31/02/2026&den_ngay=05/03/2026",
            "tu_ngay",
            "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.",
        ),
        (
            "ky=tuy-chon&tu_ngay=10/03/2026&den_ngay=01/03/2026",
            "den_ngay",
            "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.",
        ),
        ("ky=tuy-chon&den_ngay=01/03/2026", "tu_ngay", "Cần ngày bắt đầu kỳ báo cáo."),
        ("ky=t3&nam=1890", "nam", "Năm phải từ 2000 đến 2100."),
        ("ky=t3&nam=2031", "ky", "Kỳ báo cáo chưa bắt đầu."),
        ("ky=t13&nam=2026", "ky", "chọn một lựa chọn hợp lệ."),
    ],
)
def test_wrong_parameters_are_named_next_to_their_field(signed_in, leader, province, query, field, message):
    client = signed_in(leader)
    page = client.get(f"/bao-cao/?don_vi={province['ubnd'].pk}&{query}").content.decode()
    assert re.search(rf'<p class="field-error" id="err-{field}">[^<]*{re.escape(message[:30])}', page), page[
        -3000:
    ]
    assert f'aria-describedby="err-{field}"' in page and 'aria-invalid="true"' in page
    assert 'class="bieu06"' not in page


def test_remapping_a_unit_that_has_ceased_is_refused_with_its_successor(signed_in, leader, province):
    from tests.builders.org import justice_merged

    justice_merged(province, legal_basis="QĐ 1")
    client = signed_in(leader)
    page = client.get(f"/bao-cao/?don_vi={province['justice'].pk}&ky=t3&nam=2026&theo=today").content.decode()
    assert "đã kết thúc hoạt động ngày 19/03/2026" in page and "Sở Tư pháp và Nội vụ" in page
    assert 'id="err-theo"' in page


def test_a_commune_leader_sees_only_the_commune(django_user_model, signed_in, province):
    import datetime as dt

    chair = django_user_model.objects.create_user("ct.donghoa", password="x-long-password-1")
    assign(chair, "AGENCY_LEAD", province["commune_a"], valid_from=dt.date(2024, 1, 1))
    page = signed_in(chair).get("/bao-cao/tong-quan/").content.decode()
    options = re.findall(r'<option value="(\d+)"', page.split('name="ky"')[0])
    assert options == [str(province["commune_a"].pk)]


@pytest.mark.parametrize(("path", "queries"), [("/bao-cao/bieu-06.xlsx", 8), ("/bao-cao/bieu-06.pdf", 8)])
def test_downloads_have_fixed_queries(
    signed_in, leader, province, month, path, queries, django_assert_num_queries
):
    client = signed_in(leader)
    url = path + MARCH.format(unit=province["ubnd"].pk)
    prime(client, url)
    with django_assert_num_queries(queries):  # the page's, without the unread notifications of the layout
        assert client.get(url).status_code == 200
