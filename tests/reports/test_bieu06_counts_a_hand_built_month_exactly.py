"""SPEC §4.1 acceptance: dossiers with known outcomes — early, on time, late (with and without an apology),
in progress within and past the appointment, paused, refused, withdrawn, stopped, carried over from the previous
period, and some outside the period — give exactly the expected Biểu 06 for March 2026, with its identities; the
roll-up kept after each transition, the roll-up rebuilt from scratch and the raw computation from the dossiers
all agree. (Runs on SQLite and, with DATABASE_URL, on PostgreSQL.)"""

import datetime as dt

import pytest

from motcua.reports.services import bieu06, measures, raw, rollup
from motcua.reports.services.periods import build as period
from motcua.reports.services.units import THEN, Registry
from tests.builders.dossiers import act
from tests.builders.reports import finish_inputs, finished, processing, refused

pytestmark = pytest.mark.django_db

MARCH = period("month", year=2026, number=3)
TODAY = dt.date(2026, 11, 22)


def build_month(officers):
    """Appointments: 7 working days after receipt (no holiday in March 2026)."""
    lead, counter, specialist = officers["lead"], officers["counter"], officers["specialist"]
    made = {}
    made["early"] = finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")  # due 11/03
    made["on_time_online"] = finished(
        officers, "2026-03-03 09:15", "2026-03-12 08:30", channel="2"
    )  # due 12/03
    late = processing(officers, "2026-03-04 09:15")  # due 13/03
    late = act(
        late,
        "apologize",
        lead,
        "2026-03-12 15:00",
        reason="Cần xác minh",
        new_due_at="2026-03-20T16:00+07:00",
    )
    made["late_apologised"] = act(late, "finish", lead, "2026-03-17 10:00", **finish_inputs("2026-03-17"))
    made["open_in_time_online"] = processing(officers, "2026-03-25 09:15", channel="2")  # due 03/04
    made["open_overdue"] = processing(officers, "2026-03-05 09:15")  # due 16/03, still open
    paused = processing(officers, "2026-03-06 09:15")  # due 17/03, paused from 10/03
    made["paused"] = act(paused, "request_supplement", specialist, "2026-03-10 10:00", reason="Thiếu bản sao")
    made["refused"] = refused(officers, "2026-03-09 10:00")
    withdrawn = processing(officers, "2026-03-10 09:15")
    made["withdrawn"] = act(withdrawn, "withdraw", counter, "2026-03-12 09:00", reason="Công dân xin rút")
    stopped = processing(officers, "2026-03-11 09:15")
    made["stopped"] = act(stopped, "stop", lead, "2026-03-20 09:00", reason="Không đủ điều kiện")
    made["late_postal"] = finished(officers, "2026-03-16 09:15", "2026-03-31 09:00", channel="3")  # due 25/03
    resumed = processing(officers, "2026-03-09 09:15")  # due 18/03, paused 11/03 → 16/03: due moves 3 days
    resumed = act(resumed, "request_supplement", specialist, "2026-03-11 09:15", reason="Thiếu tờ khai")
    resumed = act(resumed, "receive_supplement", counter, "2026-03-16 09:15")
    made["on_time_after_pause"] = act(
        resumed, "finish", lead, resumed.original_due_at.strftime("%Y-%m-%d 08:00"),
        **finish_inputs(resumed.original_due_at.strftime("%Y-%m-%d")),
    )  # fmt: skip
    made["carried_over_early"] = finished(officers, "2026-02-23 09:15", "2026-03-03 10:00")  # due 04/03
    made["carried_over_overdue"] = processing(officers, "2026-02-27 09:15")  # due 10/03, still open
    made["february"] = finished(officers, "2026-02-02 09:15", "2026-02-05 10:00")  # before the period
    made["april"] = processing(officers, "2026-04-01 09:15")  # after the period
    from motcua.dossiers.services.intake import submit_online
    from tests.builders.dossiers import at, request_for

    made["not_accepted"] = submit_online(request_for(channel="2"), counter, at=at("2026-03-20 10:00"))
    return made


EXPECTED_MARCH = {
    3: 12, 4: 2, 5: 8, 6: 2,  # received: 2 online, 8 at the counter or by post; 2 from February
    7: 8, 8: 2, 9: 4, 10: 2,  # early 2; on time 2 + withdrawn + stopped; late 2 (one with an apology)
    11: 4, 12: 2, 13: 2,  # in progress: within time (incl. the paused one) 2; past the appointment 2
}  # fmt: skip


def march(province, mapping=THEN, **kwargs):
    registry = Registry.load(on=TODAY)
    return bieu06.build(
        registry[province["ubnd"].pk], MARCH, mapping=mapping, registry=registry, on=TODAY, **kwargs
    )


def test_the_appointments_are_those_the_expectations_assume(procedure, officers, live):
    with live():
        made = build_month(officers)
    due = {name: d.original_due_at.date() if d.original_due_at else None for name, d in made.items()}
    assert due["early"] == dt.date(2026, 3, 11)
    assert due["late_apologised"] == dt.date(2026, 3, 13) and made[
        "late_apologised"
    ].due_at.date() == dt.date(2026, 3, 20)
    assert due["open_in_time_online"] == dt.date(2026, 4, 3)
    assert due["open_overdue"] == dt.date(2026, 3, 16)
    assert due["on_time_after_pause"] == dt.date(2026, 3, 23)  # 18/03 + the 3 working days paused
    assert due["carried_over_overdue"] == dt.date(2026, 3, 10)
    assert made["on_time_after_pause"].timeliness == "on_time"


def test_march_gives_the_expected_columns_and_identities(procedure, officers, province, live):
    with live():
        build_month(officers)
    report = march(province)
    total, province_level, field = report.rows[0], report.rows[1], report.rows[2]
    assert [r.kind for r in report.rows] == ["total", "level", "field"]
    assert total.values == EXPECTED_MARCH
    assert province_level.label == "Cấp tỉnh" and province_level.values == EXPECTED_MARCH
    assert field.label == "Đăng ký, quản lý cư trú" and field.values == EXPECTED_MARCH
    assert report.broken_identities() == []
    assert bieu06.identities(total.values) == []


def daily_rows() -> set:
    """The roll-up's non-zero rows."""
    from motcua.reports.models import COUNTERS, DailyCount

    rows = DailyCount.objects.values_list(
        "day", "handling_id", "receiving_id", "field_id", "channel", *COUNTERS
    )
    return {row for row in rows if any(row[5:])}


def test_the_rebuilt_roll_up_and_the_raw_computation_agree(procedure, officers, province, live):
    with live():
        build_month(officers)
    incremental = march(province).rows[0].values
    kept = daily_rows()
    rollup.rebuild()
    assert march(province).rows[0].values == incremental == EXPECTED_MARCH
    assert daily_rows() == kept
    from_dossiers = raw.query(MARCH.start, MARCH.end)
    from_rollup = {
        k: v
        for k, v in measures.query(MARCH.start, MARCH.end, group_by=("handling_id", "field_id")).items()
        if any(v.values())
    }
    assert from_dossiers == from_rollup


def test_dashboard_figures_count_refused_withdrawn_stopped_and_paused_apart(
    procedure, officers, province, live
):
    with live():
        build_month(officers)
    figures = measures.query(MARCH.start, MARCH.end)[()]
    assert figures.refused == 1 and figures.withdrawn == 1 and figures.stopped == 1
    assert figures.paused_end == 1 and figures.late == 2 and figures.late_apologised == 1
    assert figures.received == 10 and figures.received_online == 2 and figures.received_postal == 1


def test_february_and_the_next_period(procedure, officers, province, live):
    with live():
        build_month(officers)
    registry = Registry.load(on=TODAY)
    unit = registry[province["justice"].pk]
    february = bieu06.build(unit, period("month", year=2026, number=2), registry=registry, on=TODAY).rows[0]
    # both carried-over dossiers are still within time at the end of February
    assert february.values == {3: 3, 4: 0, 5: 3, 6: 0, 7: 1, 8: 1, 9: 0, 10: 0, 11: 2, 12: 2, 13: 0}
    april = bieu06.build(unit, period("month", year=2026, number=4), registry=registry, on=TODAY).rows[0]
    # carried over into April: the 4 still in progress at the end of March; received in April: 1
    assert april.values[6] == 4 and april.values[5] == 1 and april.values[3] == 5
    assert bieu06.identities(april.values) == []
