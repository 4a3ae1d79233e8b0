"""Biểu 06 through the API (``GET /api/v1/reports/bieu06``) and the command line (``motcua report bieu06``): the
same rows; invalid parameters answer 422 naming each parameter (API) or exit with code 2 and a message naming
the option (command line); a caller without ``reports.view`` over the unit gets 403."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.builders.reports import finished, processing

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/bieu06"


@pytest.fixture
def march(procedure, officers, live):
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00", channel="2")
        processing(officers, "2026-03-05 09:15")


def test_api_gives_the_thirteen_columns(signed_in, leader, march):
    response = signed_in(leader).get(URL, {"unit": "000.00.00.H56", "from": "2026-03-01", "to": "2026-03-31"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["form"] == "Biểu số 06/VPCP/KSTT" and data["unit"]["identifier"] == "000.00.00.H56"
    assert [c["key"] for c in data["columns"]] == [f"c{n}" for n in range(3, 14)]
    total = data["rows"][0]
    assert {k: total[k] for k in ("label", "c3", "c4", "c5", "c7", "c8", "c11", "c13")} == {
        "label": "Tổng số", "c3": 2, "c4": 1, "c5": 1, "c7": 1, "c8": 1, "c11": 1, "c13": 1,
    }  # fmt: skip
    assert data["identities_hold"] is True and data["period"]["from"] == "2026-03-01"
    quarter = (
        signed_in(leader).get(URL, {"unit": "000.00.00.H56", "period": "2026-Q1", "window": "nd09"}).json()
    )
    assert quarter["period"]["from"] == "2025-12-15" and quarter["period"]["due"] == "2026-03-20"


def test_api_says_up_to_when_the_figures_are_complete(signed_in, leader, march):
    """The same answer as the report screens' “Số liệu đến …” (``rollup.current_as_of``): with nothing waiting,
    the moment of the request."""
    import datetime as dt

    from django.utils import timezone

    before = timezone.now()
    data = signed_in(leader).get(URL, {"unit": "000.00.00.H56", "period": "2026-Q1"}).json()
    as_of = dt.datetime.fromisoformat(data["figures_as_of"])
    assert before - dt.timedelta(seconds=1) <= as_of <= timezone.now() + dt.timedelta(seconds=1)


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ({"unit": "000.00.00.H56", "from": "2026-03-31", "to": "2026-03-01"}, {"to"}),
        ({"unit": "000.00.00.H56", "from": "2026-02-30", "to": "2026-03-01"}, {"from"}),
        ({"unit": "000.00.00.H56"}, {"from", "to"}),
        ({"unit": "999.99.99.H56", "period": "2026-Q1"}, {"unit"}),
        (
            {"unit": "000.00.00.H56", "period": "2026-Q9", "window": "weekly", "mapping": "x"},
            {"window", "mapping"},
        ),
        ({"unit": "000.00.00.H56", "period": "2026-Q9"}, {"period"}),
        ({"unit": "000.00.00.H56", "period": "2026-Q1", "from": "2026-01-01"}, {"period"}),
        ({"unit": "000.00.00.H56", "period": "2026", "variant": "district"}, {"variant"}),
        ({"from": "2026-01-01", "to": "2026-01-31"}, {"unit"}),
    ],
)
def test_api_refuses_invalid_parameters_with_422(signed_in, leader, query, fields):
    response = signed_in(leader).get(URL, query)
    assert response.status_code == 422
    named = {error["loc"][-1] for error in response.json()["detail"]}
    assert named == fields and all(error["msg"] for error in response.json()["detail"])


def test_api_needs_a_reports_role_over_the_unit(client, signed_in, officers, march):
    assert client.get(URL, {"unit": "000.00.00.H56", "period": "2026-03"}).status_code == 401
    response = signed_in(officers["lead"]).get(URL, {"unit": "000.00.00.H56", "period": "2026-03"})
    assert response.status_code == 403 and "UBND tỉnh" in response.json()["detail"]
    assert (
        signed_in(officers["lead"]).get(URL, {"unit": "000.00.03.H56", "period": "2026-03"}).status_code
        == 200
    )


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_command_prints_one_json_object_per_row(march):
    lines = run(
        "bieu06", "--unit", "000.00.00.H56", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"
    )
    rows = [json.loads(line) for line in lines.splitlines()]
    assert [r["label"] for r in rows] == ["Tổng số", "Cấp tỉnh", "Đăng ký, quản lý cư trú"]
    assert all({f"c{n}" for n in range(3, 14)} <= set(r) for r in rows)
    assert (rows[0]["c3"], rows[0]["c7"], rows[0]["c11"]) == (2, 1, 1)


def test_command_writes_the_official_files(march, tmp_path):
    xlsx = tmp_path / "b.xlsx"
    assert run(
        "bieu06", "--unit", "000.00.00.H56", "--period", "2026-03", "--format", "xlsx", "--output", str(xlsx)
    ).strip() == str(xlsx)
    assert xlsx.read_bytes()[:2] == b"PK"
    pdf = tmp_path / "b.pdf"
    run("bieu06", "--unit", "000.00.00.H56", "--period", "2026-03", "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes()[:4] == b"%PDF"
    text = run("bieu06", "--unit", "000.00.00.H56", "--period", "2026-03")
    assert "Biểu số 06/VPCP/KSTT" in text and "Tổng số" in text


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--unit", "000.00.00.H56", "--from", "2026-03-31", "--to", "2026-03-01"), "--to"),
        (("--unit", "000.00.00.H56", "--from", "31/03/2026", "--to", "2026-04-01"), "--from"),
        (("--unit", "nope", "--period", "2026-03"), "--unit"),
        (("--unit", "000.00.00.H56", "--period", "2026-13"), "--period"),
        (("--unit", "000.00.00.H56", "--period", "2026-03", "--format", "docx"), "--format"),
        (("--unit", "000.00.00.H56", "--period", "2026-03", "--window", "lunar"), "--window"),
    ],
)
def test_command_exits_with_code_2_naming_the_option(args, option, province, tmp_path):
    with pytest.raises(CommandError) as error:
        run("bieu06", *args, "--output", str(tmp_path / "x.xlsx"))
    assert error.value.returncode == 2 and option in str(error.value)
    assert not (tmp_path / "x.xlsx").exists()


def test_command_line_exit_status_is_2(province, capsys):
    from django.core.management import execute_from_command_line

    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(
            [
                "motcua",
                "report",
                "bieu06",
                "--unit",
                "000.00.00.H56",
                "--from",
                "2026-13-01",
                "--to",
                "2026-12-01",
            ]
        )
    assert exit_.value.code == 2 and "--from" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["motcua", "report", "bieu06", "--from", "2026-01-01"])  # --unit missing
    assert exit_.value.code == 2


def test_rebuild_command_verifies_the_roll_up(march):
    out = io.StringIO()
    call_command("rebuild_report_rollups", "--verify", stdout=out)
    assert "khớp với cách tính trực tiếp" in out.getvalue()
    with pytest.raises(CommandError) as error:
        call_command("rebuild_report_rollups", "--from", "2026-03-01", stdout=io.StringIO())
    assert error.value.returncode == 2


def test_api_has_fixed_queries(signed_in, leader, march, django_assert_num_queries):
    client = signed_in(leader)
    # session, user, the roles (does the second factor apply to this unverified session? SecondFactorMiddleware),
    # agencies, successions, role assignments, agency tree, the roll-up, the fields' names
    with django_assert_num_queries(9):
        assert client.get(URL, {"unit": "000.00.00.H56", "period": "2026-03"}).status_code == 200


def test_check_finds_a_roll_up_that_drifted_and_does_not_repair_it(march):
    from django.db.models import F

    from motcua.reports.models import DailyCount

    out = io.StringIO()
    call_command("rebuild_report_rollups", "--check", stdout=out)
    assert "khớp với cách tính trực tiếp" in out.getvalue() and "Đã tính lại" not in out.getvalue()
    row = DailyCount.objects.filter(received__gt=0).first()
    DailyCount.objects.filter(pk=row.pk).update(received=F("received") + 1)  # a refresh that never ran
    with pytest.raises(CommandError, match="khác cách tính trực tiếp"):
        call_command("rebuild_report_rollups", "--check", stdout=io.StringIO())
    call_command("rebuild_report_rollups", "--verify", stdout=io.StringIO())  # the rebuild repairs it
    call_command("rebuild_report_rollups", "--check", stdout=io.StringIO())
