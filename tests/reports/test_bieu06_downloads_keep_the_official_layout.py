"""Biểu 06 downloads: the .xlsx opens with the official heading (form number, legal basis, title, period, reporting
and receiving units, unit of count), the three heading rows merged as on the form, the column numbers (1)–(13),
then the rows with the same figures as the screen; the PDF carries the same text (checked with pdftotext)."""

import io

import pytest
from openpyxl import load_workbook

from tests.builders.reports import finished, processing
from tests.system_tools import run_tool

pytestmark = pytest.mark.django_db

QUARTER = "?don_vi={unit}&ky=q1&nam=2026&cach_tinh=nd09&theo=then&mau=agency"


@pytest.fixture
def quarter(procedure, officers, live):
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
        finished(officers, "2026-01-05 09:15", "2026-01-07 10:00", channel="2")
        processing(officers, "2026-03-10 09:15")


def test_xlsx_has_the_official_heading_and_columns(signed_in, leader, province, quarter):
    response = signed_in(leader).get("/bao-cao/bieu-06.xlsx" + QUARTER.format(unit=province["justice"].pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert 'filename="bieu-06_000.00.03.H56_20251215-20260314.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Biểu số 06/VPCP/KSTT"
    assert sheet["A2"].value == "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
    assert (
        sheet["D1"].value
        == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"
    )
    assert sheet["D3"].value == "Kỳ báo cáo: Quý I năm 2026 (Từ ngày 15/12/2025 đến ngày 14/03/2026)"
    assert sheet["J1"].value == "Đơn vị báo cáo: Sở Tư pháp"
    assert (
        sheet["J2"].value == "Đơn vị nhận báo cáo: UBND tỉnh"
    )  # no provincial office in this small province
    assert sheet["J3"].value == "Đơn vị tính: Số hồ sơ TTHC."
    heading = [[sheet.cell(row=r, column=c).value for c in range(1, 14)] for r in (6, 7, 8)]
    assert heading[0][:3] == ["STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết"]
    assert heading[0][6] == "Số hồ sơ đã giải quyết" and heading[0][10] == "Số lượng hồ sơ đang giải quyết"
    assert heading[1][2:7] == ["Tổng số", "Trong đó", None, None, "Tổng số"]
    assert heading[2][3:6] == ["Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước"]
    assert heading[2][7:10] == ["Trước hạn", "Đúng hạn", "Quá hạn"] and heading[2][11:13] == [
        "Trong hạn",
        "Quá hạn",
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A6:A8", "B6:B8", "C6:F6", "G6:J6", "K6:M6", "C7:C8", "D7:F7", "K7:K8", "L7:M7"} <= merged
    assert [sheet.cell(row=9, column=c).value for c in range(1, 14)] == [f"({n})" for n in range(1, 14)]
    total = [sheet.cell(row=10, column=c).value for c in range(1, 14)]
    assert total == [None, "Tổng số", 3, 1, 2, 0, 2, 2, 0, 0, 1, 1, 0]
    assert sheet.cell(row=11, column=2).value == "Cấp tỉnh"
    assert sheet.page_setup.orientation == "landscape"
    texts = [sheet.cell(row=r, column=c).value for r in range(12, sheet.max_row + 1) for c in (1, 10)]
    assert "NGƯỜI LẬP BIỂU" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts


def test_pdf_carries_the_same_form(signed_in, leader, province, quarter, tmp_path):
    response = signed_in(leader).get("/bao-cao/bieu-06.pdf" + QUARTER.format(unit=province["justice"].pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "bieu06.pdf"
    path.write_bytes(response.content)
    text = run_tool(
        "pdftotext",
        "-layout",
        str(path),
        "-",
        why="the PDF's text is not checked",
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    for expected in (
        "Biểu số 06/VPCP/KSTT",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN",
        "Kỳ báo cáo: Quý I năm 2026",
        "Đơn vị báo cáo: Sở Tư pháp",
        "Số hồ sơ nhận giải quyết",
        "Số lượng hồ sơ đang giải quyết",
        "Trực tuyến",
        "(13)",
        "Đăng ký, quản lý cư trú",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert expected in text, expected
    total = next(line for line in text.splitlines() if "Tổng số" in line and any(ch.isdigit() for ch in line))
    assert total.split()[-11:] == ["3", "1", "2", "0", "2", "2", "0", "0", "1", "1", "0"]


def test_centre_variant_counts_what_the_centre_received(signed_in, leader, province, quarter):
    from openpyxl import load_workbook as load

    query = QUARTER.format(unit=province["centre"].pk).replace("mau=agency", "mau=centre")
    response = signed_in(leader).get("/bao-cao/bieu-06.xlsx" + query)
    sheet = load(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Biểu số II.06a/VPCP/KSTT"
    assert "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in sheet["D1"].value
    assert sheet.cell(row=10, column=3).value == 3  # all three were received at the provincial centre
    agency = signed_in(leader).get("/bao-cao/" + QUARTER.format(unit=province["centre"].pk)).content.decode()
    assert '<td class="n">0</td>' in agency  # as an agency the centre handles none of them


def test_the_files_stay_vietnamese_for_an_english_reader(signed_in, leader, province, quarter):
    client = signed_in(leader)
    client.cookies["django_language"] = "en"
    response = client.get(
        "/bao-cao/bieu-06.xlsx" + QUARTER.format(unit=province["justice"].pk), HTTP_ACCEPT_LANGUAGE="en"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert (
        sheet.cell(row=10, column=2).value == "Tổng số" and sheet.cell(row=11, column=2).value == "Cấp tỉnh"
    )
    assert sheet["C6"].value == "Số hồ sơ nhận giải quyết"
