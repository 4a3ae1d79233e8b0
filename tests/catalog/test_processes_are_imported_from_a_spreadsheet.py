"""Approved internal processes are imported from a spreadsheet, one row per step: each process is checked whole
(rows, numbering, units, the shares against the legal time limit) and written in its own transaction; a process
with an error is reported with its line numbers and not written, the others still are; a second run changes
nothing."""

import datetime as dt
import io

import pytest

from motcua.catalog.importing import processes as process_import
from motcua.catalog.importing.processes import ImportFileError, import_processes
from motcua.catalog.models import InternalProcess, ProcessStep
from tests.builders.catalog import PROCESS_STEPS, process_rows, process_workbook, published_procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(province):
    return published_procedure()  # 1.004222, commune level, 7 working days, in force from 1/7/2025


def _step(order, **changes):
    """A step of PROCESS_STEPS with some of its cells replaced."""
    names = (
        "order",
        "name",
        "role",
        "performer",
        "unit",
        "amount",
        "time_unit",
        "signs",
        "tells",
        "back",
        "out",
    )
    step = dict(zip(names, PROCESS_STEPS[order - 1], strict=True))
    step.update(changes)
    return tuple(step.values())


def test_a_process_is_published_with_its_decision_and_a_second_run_changes_nothing(version):
    file = process_workbook(process_rows())
    summary = import_processes(file)
    assert (summary.created, summary.unchanged, summary.errors) == (1, 0, [])
    process = InternalProcess.objects.get()
    assert (process.state, process.level, process.valid_from, process.decision_signer) == (
        "published",
        "commune",
        dt.date(2025, 7, 1),
        "Phó Chủ tịch UBND tỉnh",
    )
    assert process.steps.count() == 6
    assert process.steps.get(order=3).send_back_to == [2]

    again = import_processes(process_workbook(process_rows()))
    assert (again.created, again.unchanged) == (0, 1)
    assert InternalProcess.objects.count() == 1 and ProcessStep.objects.count() == 6
    assert "không đổi" in process_import.render_report(again)


def test_a_changed_process_is_published_anew_and_the_old_one_ends_on_the_eve(version):
    import_processes(process_workbook(process_rows()))
    changed = [_step(1), _step(2), _step(3, amount=3), *[_step(n) for n in (4, 5, 6)]]
    summary = import_processes(
        process_workbook(
            process_rows(changed, decision="30/QĐ-UBND", decision_date="15/12/2025", valid_from="01/01/2026")
        )
    )
    assert (summary.created, summary.errors) == (1, [])
    old, new = InternalProcess.objects.order_by("number")
    assert old.valid_to == dt.date(2025, 12, 31)
    assert (new.number, new.valid_from, new.steps.get(order=3).limit_amount) == (2, dt.date(2026, 1, 1), 3)


def test_bad_rows_are_reported_with_their_line_numbers_and_their_process_is_not_written(version, province):
    published_procedure(code="1.000894", name="Đăng ký kết hôn")
    bad = [
        _step(1),
        _step(2, role="Thủ kho"),  # line 9: unknown role
        _step(3, back="4"),  # line 10: sent back to a later step
        _step(4, unit="000.99.99.H56"),  # line 11: no such unit
        _step(5, amount=0),  # line 12: no time
        _step(6, time_unit="tuần"),  # line 13
    ]
    rows = process_rows() + process_rows(bad, code="1.000894", decision="13/QĐ-UBND", header=False)
    summary = import_processes(process_workbook(rows))

    assert (summary.created, summary.failed) == (1, 1)
    assert InternalProcess.objects.get().version.procedure.code == "1.004222"
    by_line = {e.line: e.reason for e in summary.errors}
    assert set(by_line) == {9, 10, 11, 12, 13}
    assert "vai trò “Thủ kho” không nhận ra" in by_line[9]
    assert "bước 3 chỉ trả lại được về một bước trước nó" in by_line[10]
    assert "000.99.99.H56" in by_line[11]
    assert "lớn hơn 0" in by_line[12]
    assert "tuần" in by_line[13]
    report = process_import.render_report(summary)
    assert "dòng 9: vai trò" in report and "1.000894" in report and "lỗi, không nhập" in report


def test_shares_exceeding_the_legal_limit_are_refused_with_the_reason(version):
    too_long = [_step(1), _step(2), _step(3, amount=5), *[_step(n) for n in (4, 5, 6)]]
    summary = import_processes(process_workbook(process_rows(too_long)))
    assert summary.created == 0 and InternalProcess.objects.count() == 0
    [error] = summary.errors
    assert (error.line, error.last_line) == (2, 7)
    assert "vượt thời hạn giải quyết theo quy định" in error.reason
    assert "64 giờ làm việc" in error.reason and "56 giờ làm việc" in error.reason


def test_steps_are_numbered_from_one_without_gaps_or_repeats(version):
    rows = process_rows([_step(1), _step(3), _step(3, name="Lặp lại"), _step(4), _step(5), _step(6)])
    summary = import_processes(process_workbook(rows))
    reasons = [str(e) for e in summary.errors]
    assert any("dòng 4: bước 3 đã có ở dòng 3" in r for r in reasons)
    assert any("thiếu bước 2" in r for r in reasons)
    assert InternalProcess.objects.count() == 0


def test_a_partner_step_needs_its_unit(version):
    rows = process_rows([*[_step(n) for n in (1, 2, 3)], _step(4, performer="Cơ quan phối hợp")])
    [error] = import_processes(process_workbook(rows)).errors
    assert error.line == 5 and "Mã đơn vị" in error.reason


def test_roles_and_performers_are_read_as_officers_write_them(version):
    steps = [
        _step(1, role="CÔNG CHỨC TIẾP NHẬN, TRẢ KẾT QUẢ", performer="bo phan mot cua"),
        _step(2, role="trưởng phòng", performer="Phòng chuyên môn của cơ quan giải quyết"),
        _step(3, role="chuyen vien thu ly", performer="phòng"),
        _step(4, role="Chủ tịch UBND", performer="UBND cấp xã", signs="X"),
        _step(5, role="văn thư", performer="Cơ quan có thẩm quyền giải quyết", time_unit="giờ làm việc"),
        _step(6, role="Công chức một cửa", performer="Một cửa", tells="có"),
    ]
    summary = import_processes(process_workbook(process_rows(steps)))
    assert summary.errors == []
    stored = list(InternalProcess.objects.get().steps.order_by("order").values_list("role", "performer"))
    assert stored == [
        ("COUNTER_OFFICER", "receiving"),
        ("DEPT_LEAD", "division"),
        ("SPECIALIST", "division"),
        ("AGENCY_LEAD", "commune"),
        ("CLERK", "competent"),
        ("COUNTER_OFFICER", "receiving"),
    ]


def test_a_utf8_csv_is_read_and_rows_without_a_code_continue_the_process_above(version):
    rows = process_rows()
    for row in rows[2:]:  # as when the process columns are merged cells: only the first row carries them
        row[:7] = [""] * 7
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    file = io.BytesIO(("\ufeff" + text).encode("utf-8"))
    summary = import_processes(file, filename="quy_trinh.csv")
    assert (summary.created, summary.errors) == (1, [])
    assert InternalProcess.objects.get().steps.count() == 6


def test_a_continuation_row_may_not_change_the_decision(version):
    rows = process_rows()
    rows[3][0] = ""
    rows[3][3] = "99/QĐ-UBND"
    [error] = import_processes(process_workbook(rows)).errors
    assert error.line == 4 and "99/QĐ-UBND" in error.reason
    assert InternalProcess.objects.count() == 0


def test_a_dry_run_reports_without_writing(version):
    summary = import_processes(process_workbook(process_rows()), dry_run=True)
    assert summary.created == 1 and summary.dry_run
    assert InternalProcess.objects.count() == 0
    assert "Chạy thử" in process_import.render_report(summary)


@pytest.mark.parametrize(
    ("content", "filename", "reason"),
    [
        (b"Ma thu tuc,Buoc\n1.004222,1\n", "a.csv", "thiếu cột"),
        (b"ten,tuoi\nAn,3\n", "a.csv", "Không tìm thấy dòng tiêu đề"),
        ("Mã thủ tục,Bước\n".encode("utf-16"), "a.csv", "UTF-8"),
        (b"PK\x03\x04 not really a workbook", "a.xlsx", "Không đọc được tệp Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.xls", ".xls"),
        (b"%PDF-1.4", "a.pdf", "Chỉ nhận tệp .xlsx hoặc .csv"),
    ],
)
def test_a_file_that_is_not_a_process_table_is_refused_whole(version, content, filename, reason):
    with pytest.raises(ImportFileError) as refused:
        import_processes(io.BytesIO(content), filename=filename)
    assert reason in str(refused.value)
    assert InternalProcess.objects.count() == 0


def test_dates_typed_as_excel_dates_a_title_row_and_header_variants_are_read(version):
    rows = process_rows(decision_date=dt.date(2025, 6, 20), valid_from=dt.datetime(2025, 7, 1))
    rows[0][0] = "Mã TTHC"
    rows[0][9] = "VAI TRO THUC HIEN"
    rows.insert(0, ["QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (kèm theo Quyết định số 12/QĐ-UBND)"])
    summary = import_processes(process_workbook(rows))
    assert (summary.created, summary.errors) == (1, [])
    assert summary.results[0].first_line == 3
    assert InternalProcess.objects.get().valid_from == dt.date(2025, 7, 1)


def test_two_processes_of_one_procedure_and_level_from_the_same_day_are_both_refused(version):
    rows = process_rows() + process_rows(decision="14/QĐ-UBND", header=False)
    summary = import_processes(process_workbook(rows))
    assert summary.created == 0 and InternalProcess.objects.count() == 0
    assert [(e.line, e.last_line) for e in summary.errors] == [(2, 7), (8, 13)]
    assert "cùng ngày hiệu lực với quy trình ở dòng 8–13" in summary.errors[0].reason
