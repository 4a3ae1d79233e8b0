"""Nghị định 13/2023 — leaders and inspectors read the personal-data access log: a unit's leaders the reads by
their unit's officers and of their unit's records, TTHC controllers and administrators the whole province; other
officers get a 403 that says why. Filters by officer, period (dd/mm/yyyy, Vietnam time) and record; newest first,
50 a page with "Xem tiếp"; a fixed number of queries."""

import datetime as dt
import re

import pytest

from motcua.org.personal_data import record_read
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import WORK_MENU
from tests.builders.org import assign

pytestmark = pytest.mark.django_db

URL = "/mot-cua/nhat-ky-du-lieu-ca-nhan/"
# session, user, role assignments, agency tree; unread notifications; the menu's work counts; the page of rows with
# officer and unit
PAGE_QUERIES = 4 + 1 + WORK_MENU + 1 + VERIFIED_SESSION  # a leader's session is second-factor verified
UTC = dt.UTC


def read(user, acting, subjects, label, at):
    return record_read(
        user,
        kind="dossier",
        records=[("dossier", label)],
        label=label,
        purpose="handling",
        via="workspace:dossier",
        acting_agency_id=acting.pk,
        subject_units=[s.pk for s in subjects],
        at=at,
    )


@pytest.fixture
def reads(officers, province):
    p = province
    return {
        # the centre's counter officer reads a dossier the Sở Tư pháp handles (10/03/2026 00:30 in Vietnam)
        "centre": read(
            officers["counter"],
            p["centre"],
            [p["justice"], p["centre"]],
            "HS-TUPHAP",
            dt.datetime(2026, 3, 9, 17, 30, tzinfo=UTC),
        ),
        "commune": read(
            officers["other_counter"],
            p["commune_a"],
            [p["commune_a"]],
            "HS-XA",
            dt.datetime(2026, 3, 11, 2, tzinfo=UTC),
        ),
        "division": read(
            officers["specialist"],
            p["division"],
            [p["justice"], p["division"]],
            "HS-PHONG",
            dt.datetime(2026, 3, 9, 3, tzinfo=UTC),
        ),
    }


def labels(response) -> list[str]:
    return re.findall(r"<td>(HS-[A-Z0-9-]+)</td>", response.content.decode())


@pytest.fixture
def extra_staff(django_user_model, province):
    def make(username, role, agency, **kw):
        user = django_user_model.objects.create_user(username, password="x-long-password-1")
        assign(user, role, province[agency], valid_from=dt.date(2024, 1, 1), **kw)
        return user

    return {
        "centre_head": make("gd.ttpvhcc", "CENTRE_HEAD", "centre"),
        "controller": make("kiemsoat", "TTHC_CONTROLLER", "ubnd", includes_subunits=True),
    }


def test_each_reader_sees_their_scope(signed_in, officers, extra_staff, reads):
    expected = {
        officers["lead"]: ["HS-TUPHAP", "HS-PHONG"],  # of the Sở's dossiers, whoever read them
        # the division's head works on the Sở's dossiers (org.permissions: a division's role counts for its agency)
        officers["dept"]: ["HS-TUPHAP", "HS-PHONG"],
        extra_staff["centre_head"]: ["HS-TUPHAP"],  # by the centre's officers
        extra_staff["controller"]: ["HS-XA", "HS-TUPHAP", "HS-PHONG"],  # the province, newest first
        officers["admin"]: ["HS-XA", "HS-TUPHAP", "HS-PHONG"],
    }
    for user, shown in expected.items():
        response = signed_in(user).get(URL)
        assert response.status_code == 200, user
        assert labels(response) == shown, user.username


def test_other_officers_are_told_why_not(signed_in, officers, reads):
    for who in ("counter", "specialist", "clerk"):
        response = signed_in(officers[who]).get(URL)
        page = response.content.decode()
        assert response.status_code == 403 and "HS-" not in page
        assert "Chỉ lãnh đạo đơn vị, công chức kiểm soát thủ tục hành chính và quản trị hệ thống" in page


def test_times_are_shown_in_vietnam_and_filters_apply(signed_in, officers, reads, django_assert_num_queries):
    client = signed_in(officers["admin"])
    client.get(URL)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(URL, {"tu_ngay": "10/03/2026", "den_ngay": "10/03/2026"})
    assert labels(response) == ["HS-TUPHAP"]  # 17:30 UTC on 09/03 is 00:30 on 10/03 in Vietnam
    page = response.content.decode()
    assert "10/03/2026 00:30:00" in page and "Trung tâm Phục vụ hành chính công tỉnh" in page
    assert "Tiếp nhận, giải quyết hồ sơ" in page and "Hồ sơ" in page
    assert "Trang hồ sơ" in page and "workspace:dossier" not in page  # the page in words, no internal name
    assert labels(client.get(URL, {"can_bo": "tn.khac"})) == ["HS-XA"]
    assert labels(client.get(URL, {"ban_ghi": "hs-phong"})) == ["HS-PHONG"]


def test_a_bad_filter_is_named_next_to_its_field(signed_in, officers, reads):
    client = signed_in(officers["admin"])
    response = client.get(URL, {"tu_ngay": "31/02/2026", "can_bo": "tn.an"})
    page = response.content.decode()
    assert response.status_code == 400 and "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm" in page
    assert 'value="tn.an"' in page and "HS-" not in page
    response = client.get(URL, {"tu_ngay": "12/03/2026", "den_ngay": "10/03/2026"})
    assert (
        response.status_code == 400
        and "Ngày kết thúc phải từ ngày bắt đầu trở đi." in response.content.decode()
    )
    response = client.get(URL, {"den_ngay": "31/12/9999"})
    assert (
        response.status_code == 400
        and "Chỉ tra cứu được từ 01/01/2000 đến 31/12/2100." in response.content.decode()
    )
    response = client.get(URL, {"sau": "không-phải-con-trỏ"})
    assert response.status_code == 400 and "Xem tiếp" in response.content.decode()


def test_pages_of_fifty_newest_first(signed_in, officers, province, reads, django_assert_num_queries):
    start = dt.datetime(2026, 3, 1, 1, tzinfo=UTC)
    for n in range(57):
        read(
            officers["counter"],
            province["centre"],
            [province["centre"]],
            f"HS-{n:03d}",
            start + dt.timedelta(minutes=n),
        )
    client = signed_in(officers["admin"])
    first = client.get(URL)
    shown = labels(first)
    assert len(shown) == 50 and shown[:3] == ["HS-XA", "HS-TUPHAP", "HS-PHONG"] and shown[3] == "HS-056"
    (next_url,) = re.findall(r'href="(\?[^"]*sau=[^"]+)"', first.content.decode())
    with django_assert_num_queries(PAGE_QUERIES):
        second = client.get(URL + next_url.replace("&amp;", "&"))
    assert labels(second) == [f"HS-{n:03d}" for n in range(9, -1, -1)]
    assert "Xem tiếp" not in second.content.decode()  # the last page


@pytest.mark.parametrize(
    "via, label",
    [
        ("workspace:intake-applicant", "Tra cứu người nộp tại quầy"),
        ("documents:form-pdf", "Tải biểu mẫu đã phát hành (PDF)"),
        ("documents:book-xlsx", "Sổ theo dõi hồ sơ (Excel)"),
        ("documents:book", "Sổ theo dõi hồ sơ"),
        ("GET /api/v1/dossiers/{code}", "API: GET /api/v1/dossiers/{code}"),
    ],
)
def test_each_way_in_is_named_in_words(via, label):
    from motcua.org.personal_data import via_label

    assert via_label(via) == label
