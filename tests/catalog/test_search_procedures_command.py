import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.catalog.small_catalogue import build


@pytest.fixture
def catalogue(province):
    build(province)


def test_json_output_is_a_list_best_first(catalogue, capsys):
    call_command("search_procedures", "dang ky thuong tru", "--limit", "3", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["code"] == "1.004222"
    assert rows[0]["name"] == "Đăng ký thường trú (sửa đổi)"
    assert set(rows[0]) >= {"code", "name", "score", "field"}
    assert len(rows) <= 3
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_json_is_utf8_not_escaped(catalogue, capsys):
    call_command("search_procedures", "khai sinh", "--json")
    out = capsys.readouterr().out
    assert "Thủ tục đăng ký khai sinh" in out and "\\u" not in out


def test_table_output(catalogue, capsys):
    call_command("search_procedures", "xin giấy phép xây nhà")
    out = capsys.readouterr().out
    assert "1.013225" in out and "kết quả" in out


def test_nothing_found(catalogue, capsys):
    call_command("search_procedures", "zzzz qqqq")
    assert "Không tìm thấy" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["   "], ["khai sinh", "--limit", "0"]])
def test_bad_input_exits_2(catalogue, args):
    with pytest.raises(CommandError) as raised:
        call_command("search_procedures", *args)
    assert raised.value.returncode == 2


def test_reindex_command(catalogue, capsys):
    call_command("reindex_procedures")
    assert "Đã lập chỉ mục 5 thủ tục" in capsys.readouterr().out
