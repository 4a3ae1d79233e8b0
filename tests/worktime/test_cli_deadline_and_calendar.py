"""The ``motcua deadline`` and ``motcua calendar`` contract: first line ISO 8601 +07:00; bad input → a Vietnamese
error, exit code 2, nothing on stdout."""

import io
import os
import subprocess
import sys
from datetime import date as dt_date
from datetime import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.worktime import services

MOTCUA = Path(sys.executable).with_name("motcua")


@pytest.fixture(autouse=True)
def fresh_cache():
    services.invalidate_calendars()
    yield
    services.invalidate_calendars()


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (
            ["--start", "2025-03-10 09:15", "--amount", "3", "--unit", "working_days"],
            "2025-03-13T09:15:00+07:00",
        ),
        (
            ["--start", "2025-01-24 16:30", "--amount", "1", "--unit", "working_days"],
            "2025-02-03T16:30:00+07:00",
        ),
        (
            ["--start", "2025-03-14 16:30", "--amount", "1", "--unit", "working_hours"],
            "2025-03-17T08:00:00+07:00",
        ),
        (
            ["--start", "2025-01-20 09:15", "--amount", "10", "--unit", "calendar_days"],
            "2025-02-03T17:00:00+07:00",
        ),
        (["--start", "2025-03-31 09:15", "--amount", "1", "--unit", "months"], "2025-05-05T17:00:00+07:00"),
        (
            [
                "--start",
                "2025-03-10 07:00",
                "--amount",
                "8",
                "--unit",
                "working_hours",
                "--hours",
                "07:00-11:30,13:30-17:00",
            ],
            "2025-03-10T17:00:00+07:00",
        ),
        (
            ["--start", "2026-11-23 09:00", "--amount", "1", "--unit", "working_days"],
            "2026-11-25T09:00:00+07:00",
        ),
    ],
)
def test_deadline_prints_iso_due_time_first(args, first_line):
    out = run("deadline", *args)
    assert out.splitlines()[0] == first_line
    assert "Hẹn trả:" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2025-03-10 09:15", "--amount", "3", "--unit", "weeks"], "Đơn vị thời gian"),
        (["--start", "2025-03-10 09:15", "--amount", "-3", "--unit", "working_days"], "không được âm"),
        (["--start", "2025-03-10 09:15", "--amount", "ba", "--unit", "working_days"], "không phải là một số"),
        (["--start", "10/03/2025 09:15", "--amount", "3", "--unit", "working_days"], "Thời điểm bắt đầu"),
        (["--start", "2025-02-30 09:15", "--amount", "3", "--unit", "working_days"], "Thời điểm bắt đầu"),
        (
            [
                "--start",
                "2025-03-10 09:15",
                "--amount",
                "3",
                "--unit",
                "working_days",
                "--hours",
                "7:30-11:30,x",
            ],
            "không đúng định dạng",
        ),
        (
            [
                "--start",
                "2025-03-10 09:15",
                "--amount",
                "3",
                "--unit",
                "working_days",
                "--hours",
                "11:30-07:30,13:30-17:00",
            ],
            "giờ kết thúc phải sau giờ bắt đầu",
        ),
        (
            [
                "--start",
                "2025-03-10 09:15",
                "--amount",
                "3",
                "--unit",
                "working_days",
                "--unit-code",
                "999.99.99.H99",
            ],
            "Không tìm thấy cơ quan",
        ),
        (["--start", "2009-03-10 09:15", "--amount", "3", "--unit", "working_days"], "ngoài phạm vi"),
    ],
)
def test_deadline_bad_input_exit_code_2(args, message):
    out = io.StringIO()
    with pytest.raises(CommandError, match=message) as raised:
        call_command("deadline", *args, stdout=out)
    assert raised.value.returncode == 2
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_deadline_with_unit_code_uses_the_units_hours_and_local_days(province):
    from motcua.org.models import WorkingHours as StoredHours
    from motcua.worktime.engine import DayKind
    from motcua.worktime.models import CalendarOverride

    StoredHours.objects.create(
        agency=province["justice"], valid_from=dt_date(2024, 1, 1), morning_start=time(7, 0)
    )
    CalendarOverride.objects.create(
        date=dt_date(2025, 3, 11),
        kind=DayKind.LOCAL_OFF,
        name="Nghỉ riêng",
        source_doc="QĐ 1",
        agency=province["justice"],
    )
    args = ["--start", "2025-03-10 07:00", "--amount", "16", "--unit", "working_hours"]
    assert run("deadline", *args).splitlines()[0] == "2025-03-12T08:30:00+07:00"  # 7.5 h days, no local day
    with_unit = run("deadline", *args, "--unit-code", "000.00.03.H56")
    assert with_unit.splitlines()[0] == "2025-03-12T17:00:00+07:00"  # 8 h days, 11/03 off for this unit
    assert "Sở Tư pháp" in with_unit


@pytest.mark.django_db
def test_calendar_lists_days_off_and_makeup_days_with_kind_and_name():
    out = run("calendar", "2025")
    assert "25/01/2025" not in out  # an ordinary Saturday of the Tết break is not a special day
    assert "27/01/2025  Thứ Hai   compensatory    Nghỉ bù" in out
    assert "26/04/2025  Thứ Bảy   makeup_workday  Làm bù" in out
    assert "02/05/2025  Thứ Sáu   swap_off" in out
    out_2026 = run("calendar", "2026")
    assert "24/11/2026" in out_2026 and "Ngày Văn hóa Việt Nam" in out_2026
    assert "22/08/2026" in out_2026 and "31/08/2026" in out_2026


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["hai nghìn", "1990"])
def test_calendar_bad_year_exit_code_2(year):
    with pytest.raises(CommandError, match="Năm") as raised:
        call_command("calendar", year, stdout=io.StringIO())
    assert raised.value.returncode == 2


@pytest.mark.skipif(not MOTCUA.exists(), reason="console script not installed")
@pytest.mark.parametrize(
    ("args", "code", "stdout_first_line"),
    [
        (
            ["deadline", "--start", "2025-04-29 09:00", "--amount", "1", "--unit", "working_days"],
            0,
            "2025-05-05T09:00:00+07:00",
        ),
        (["deadline", "--start", "2025-04-29 09:00", "--amount", "1", "--unit", "fortnights"], 2, None),
        (["deadline", "--start", "2025-04-29", "--amount", "1", "--unit", "working_days"], 2, None),
        (["deadline", "--start", "2025-04-29 09:00", "--unit", "working_days"], 2, None),  # argparse: missing
    ],
)
def test_installed_console_command(tmp_path, args, code, stdout_first_line):
    env = {**os.environ, "MOTCUA_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "motcua.settings"}
    result = subprocess.run([str(MOTCUA), *args], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == code, result.stderr
    if stdout_first_line:
        assert result.stdout.splitlines()[0] == stdout_first_line
    else:
        assert result.stdout == ""
        assert result.stderr.strip()
