"""The Sổ theo dõi hồ sơ of a unit for a period: the dossiers it received, in order of receipt, numbered per year
(the numbers the receipts print), on screen by pages and as .xlsx with the official columns; an invalid date is
named next to its field and nothing else happens; only the officer's own units can be chosen."""

import io

import openpyxl
import pytest
from django.urls import reverse

from motcua.documents.models import IssuedForm
from motcua.documents.services import book
from motcua.dossiers.services.intake import refuse_at_counter
from tests.builders.dossiers import WORK_MENU_COUNTER, act, at, receive, request_for

pytestmark = pytest.mark.django_db

OFFICER = 4  # officer_required
PAGE = (
    OFFICER + 1 + WORK_MENU_COUNTER
)  # and the layout: unread notifications; the menu's work counts (a counter's)
ROWS = 3  # the rows with their joins; transfer times; the number of the first row in its year
LOGGED = 1  # the personal-data access log's row naming the dossiers shown (names, addresses, phones)


@pytest.fixture
def received(procedure, officers, province, issued):
    with issued():
        first = act(
            receive(officers, "2026-03-09 09:15"), "transfer", officers["counter"], "2026-03-09 10:00"
        )
        second = receive(officers, "2026-03-09 14:00")
        third = receive(officers, "2026-03-10 08:00")
        refuse_at_counter(
            request_for(), officers["counter"], reason="Sai thẩm quyền", at=at("2026-03-10 09:00")
        )
    return first, second, third


def query(province, start="09/03/2026", end="10/03/2026", **extra):
    return {"unit": province["centre"].pk, "start": start, "end": end, **extra}


def test_the_book_numbers_the_units_dossiers_like_the_receipts(
    received, officers, province, signed_in, django_assert_num_queries
):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(PAGE + ROWS + LOGGED):
        response = client.get(reverse("documents:book"), query(province))
    page = response.content.decode()
    first, second, third = received
    assert [page.index(d.code) for d in received] == sorted(page.index(d.code) for d in received)
    assert "Sổ theo dõi hồ sơ" in page and "Trung tâm Phục vụ hành chính công tỉnh" in page
    assert "10:00 09/03/2026" in page  # transferred to the competent body
    assert "09:15 18/03/2026" in page  # appointment of the first dossier
    numbers = [IssuedForm.objects.get(dossier=d, kind="receipt").data["book"]["number"] for d in received]
    assert numbers == ["1", "2", "3"]
    rows = book.page(province["centre"].pk, at("2026-03-09 00:00").date(), at("2026-03-10 00:00").date()).rows
    assert [(r.volume, r.number, r.code) for r in rows] == [
        ("2026", n, d.code) for n, d in enumerate(received, 1)
    ]
    # keyset pages: the next page starts after the last row and continues the numbering
    later = book.page(
        province["centre"].pk, rows[0].received.date(), rows[-1].received.date(), after=None, limit=2
    )
    rest = book.page(
        province["centre"].pk, rows[0].received.date(), rows[-1].received.date(), after=later.next
    )
    assert [r.number for r in later.rows] + [r.number for r in rest.rows] == [1, 2, 3]
    # a period starting later keeps the year's numbering
    only_third = client.get(reverse("documents:book"), query(province, start="10/03/2026")).content.decode()
    assert third.code in only_third and first.code not in only_third


def test_the_book_exports_xlsx_with_the_official_columns(
    received, officers, province, signed_in, django_assert_num_queries
):
    client = signed_in(officers["counter"])
    # no layout; the row count; one batch; the access log
    with django_assert_num_queries(OFFICER + 1 + ROWS + LOGGED):
        response = client.get(reverse("documents:book-xlsx"), query(province))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="so-theo-doi_000.00.02.H56_20260309-20260310.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    assert [c.value for c in sheet[4]] == [
        "Quyển số",
        "TT",
        "Mã hồ sơ",
        "Tên TTHC",
        "Số lượng hồ sơ (bộ)",
        "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Ngày, tháng, năm",
        None,
        None,
        None,
        None,
        "Ký nhận",
        "Ghi chú",
    ]
    assert [c.value for c in sheet[5]][8:13] == [
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả cho cá nhân, tổ chức",
    ]
    first = [c.value for c in sheet[6]]
    assert first[:8] == [
        "2026",
        1,
        received[0].code,
        "Đăng ký thường trú",
        1,
        "Trần Thị Bình",
        "Phường Hạc Thành, 0912345678",
        "Sở Tư pháp",
    ]
    assert first[8:10] == ["09:15 09/03/2026", "09:15 18/03/2026"] and first[10] == "10:00 09/03/2026"
    assert sheet.max_row == 5 + 3


def test_an_invalid_date_is_named_next_to_its_field_and_nothing_is_read(
    received, officers, province, signed_in, django_assert_num_queries
):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(PAGE):
        page = client.get(reverse("documents:book"), query(province, start="31/02/2026")).content.decode()
    assert 'id="err-start"' in page and "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm" in page
    assert received[0].code not in page
    page = client.get(reverse("documents:book"), query(province, start="11/03/2026")).content.decode()
    assert 'id="err-end"' in page and "Ngày kết thúc phải từ ngày bắt đầu trở đi." in page
    response = client.get(reverse("documents:book-xlsx"), query(province, end="hôm nay"))
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert 'id="err-end"' in response.content.decode()
    partial = client.get(reverse("documents:book"), query(province, start="x"), HTTP_HX_REQUEST="true")
    assert 'hx-swap-oob="true"' in partial.content.decode() and "<html" not in partial.content.decode()


def test_an_officer_sees_only_the_books_of_own_units(received, officers, province, signed_in):
    client = signed_in(officers["other_counter"])
    page = client.get(reverse("documents:book"), query(province)).content.decode()
    assert received[0].code not in page and 'id="err-unit"' in page
    assert client.get(reverse("documents:book-xlsx"), query(province)).status_code == 400
    own = client.get(
        reverse("documents:book"), query(province, unit=province["commune_a"].pk)
    ).content.decode()
    assert "UBND xã Đông Hòa" in own and "không tiếp nhận hồ sơ nào" in own
