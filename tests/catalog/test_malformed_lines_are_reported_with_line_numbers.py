"""A malformed line is reported with its line number; the other lines still import."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalog.importing.loader import import_file
from motcua.catalog.models import Procedure

GOOD = {
    "ma_thu_tuc": "1.000001",
    "ten_thu_tuc": "Thủ tục A",
    "cap_thuc_hien": "Cấp xã",
    "linh_vuc": "Hộ tịch",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcMiễn phí",
}


def lines(*items):
    return "".join((i if isinstance(i, str) else json.dumps(i, ensure_ascii=False)) + "\n" for i in items)


@pytest.mark.django_db
def test_bad_lines_are_reported_and_the_rest_imports(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        lines(
            GOOD,
            '{"ma_thu_tuc": "1.000002", "ten_thu_tuc": ',  # 2: truncated JSON
            dict(GOOD, ma_thu_tuc=""),  # 3: no code
            dict(GOOD, ma_thu_tuc="TTHC-01"),  # 4: bad code
            "[1, 2]",  # 5: not an object
            dict(GOOD, ma_thu_tuc="1.000003", ten_thu_tuc="Thủ tục C"),
            {"foo": "bar"},  # 7: unknown format
            dict(GOOD, ma_thu_tuc="1.000003"),  # 8: duplicate code
        ),
        encoding="utf-8",
    )
    summary = import_file(path, valid_from=dt.date(2025, 7, 1))
    assert summary.created == 2
    assert [e.line for e in summary.errors] == [2, 3, 4, 5, 7, 8]
    assert "JSON không hợp lệ" in summary.errors[0].reason
    assert "thiếu mã" in summary.errors[1].reason
    assert "TTHC-01" in summary.errors[2].reason
    assert set(Procedure.objects.values_list("code", flat=True)) == {"1.000001", "1.000003"}


@pytest.mark.django_db
def test_command_prints_a_vietnamese_summary_with_line_numbers(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_text(lines(GOOD, "not json"), encoding="utf-8")
    call_command("import_procedures", str(path), "--valid-from", "2025-07-01")
    out = capsys.readouterr().out
    assert "tạo mới: 1" in out and "lỗi: 1" in out and "dòng 2:" in out
    assert "Thời hạn giải quyết đọc được" in out and "Phí, lệ phí đọc được" in out
    call_command("import_procedures", str(path))
    assert "không thay đổi: 1" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args", [["/nonexistent/file.jsonl"], ["{path}", "--valid-from", "1/7/2025"], ["{path}", "--limit", "0"]]
)
def test_missing_file_or_bad_option_exits_with_code_2(tmp_path, args):
    path = tmp_path / "ok.jsonl"
    path.write_text(lines(GOOD), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_procedures", *[a.format(path=path) for a in args])
    assert error.value.returncode == 2
