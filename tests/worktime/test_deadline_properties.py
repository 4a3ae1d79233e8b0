"""Properties over random receipts, amounts and pauses: the due time is never before the start, grows with the
amount, and a pause never makes it earlier."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.worktime.engine import (
    VIETNAM,
    DeadlineClock,
    Duration,
    Pause,
    PauseMode,
    TimeUnit,
    WorkingHours,
    WorkTimeEngine,
    vietnam_calendar,
)

ENGINE = WorkTimeEngine(vietnam_calendar(), WorkingHours.default())
UNITS = [TimeUnit.WORKING_DAYS, TimeUnit.WORKING_HOURS, TimeUnit.CALENDAR_DAYS, TimeUnit.MONTHS]

moments = st.datetimes(min_value=dt.datetime(2018, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=VIETNAM)
)
amounts = st.integers(min_value=0, max_value=400)
units = st.sampled_from(UNITS)


def _amount(amount: int, unit: TimeUnit) -> int:
    return amount % 60 if unit is TimeUnit.MONTHS else amount


@settings(max_examples=400, deadline=None)
@given(moments, amounts, units)
def test_due_is_never_before_start(start, amount, unit):
    due = ENGINE.due(start, _amount(amount, unit), unit)
    assert due >= start
    assert due.utcoffset() == dt.timedelta(hours=7)


@settings(max_examples=400, deadline=None)
@given(moments, amounts, amounts, units)
def test_due_is_monotonic_in_the_amount(start, a, b, unit):
    small, large = sorted((_amount(a, unit), _amount(b, unit)))
    assert ENGINE.due(start, small, unit) <= ENGINE.due(start, large, unit)


@settings(max_examples=400, deadline=None)
@given(moments, moments, units)
def test_due_is_monotonic_in_the_start(a, b, unit):
    early, late = sorted((a, b))
    assert ENGINE.due(early, 3, unit) <= ENGINE.due(late, 3, unit)


@settings(max_examples=400, deadline=None)
@given(
    moments,
    st.integers(min_value=0, max_value=30),
    units,
    st.integers(min_value=0, max_value=60 * 24 * 20),
    st.integers(min_value=0, max_value=60 * 24 * 20),
    st.sampled_from(list(PauseMode)),
)
def test_a_pause_never_makes_the_due_time_earlier(start, amount, unit, offset, length, mode):
    clock = DeadlineClock(ENGINE, start, Duration(amount, unit))
    pause_start = start + dt.timedelta(minutes=offset)
    paused = clock.with_pause(Pause(pause_start, pause_start + dt.timedelta(minutes=length), mode=mode))
    assert paused.due_at() >= clock.due_at()


@settings(max_examples=300, deadline=None)
@given(moments, st.integers(min_value=1, max_value=200))
def test_working_hours_consume_exactly_the_amount(start, hours):
    due = ENGINE.due(start, hours, TimeUnit.WORKING_HOURS)
    assert ENGINE.working_seconds_between(start, due) == hours * 3600
