"""The daily roll-up is provably the raw computation: on randomised dossiers (every status, receipts and ends at
any minute — midnight in Vietnam included —, pauses open and closed, apologies, digitised components, missing
appointments), for random periods, every measure read from the roll-up equals the same measure counted
straight from the dossier tables as a state at a moment (``services.raw``). And the roll-up kept dossier by
dossier (``rollup.refresh``, after each change) is row for row the roll-up rebuilt from scratch."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua.reports.models import COUNTERS, DailyCount
from motcua.reports.services import measures, raw, rollup
from tests.builders.reports import DAYS, MINUTES, ORIGIN, change, make

pytestmark = pytest.mark.django_db


pause = st.tuples(st.integers(0, 20 * 24 * 60), st.one_of(st.none(), st.integers(0, 15 * 24 * 60)))
dossier = st.fixed_dictionaries(
    {
        "status": st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 9]),
        "channel": st.sampled_from("1123"),
        "receiving": st.integers(0, 1),
        "handling": st.integers(0, 2),
        "version": st.integers(0, 1),
        "received": st.integers(0, MINUTES),
        "due_days": st.one_of(st.none(), st.integers(-1, 20)),
        "due_minute": st.integers(0, 24 * 60 - 1),
        "duration": st.integers(0, 25 * 24 * 60),
        "pauses": st.lists(pause, max_size=2),
        "apology": st.booleans(),
        "digitised": st.booleans(),
    }
)
period = st.tuples(st.integers(0, DAYS + 15), st.integers(0, 20))


def daily_rows() -> set:
    rows = DailyCount.objects.values_list(
        "day", "handling_id", "receiving_id", "field_id", "channel", *COUNTERS
    )
    return {(str(row[0]), *row[1:]) for row in rows if any(row[5:])}


def every_day():
    """One-day periods over the whole window: the end-of-day stocks of every day, and each day's events."""
    return [(day, 0) for day in range(-1, DAYS + 12)]


def check_periods(periods):
    for offset, length in periods:
        start = ORIGIN.date() + dt.timedelta(days=offset)
        end = start + dt.timedelta(days=length)
        expected = raw.query(start, end)
        got = {
            key: figures
            for key, figures in measures.query(start, end, group_by=("handling_id", "field_id")).items()
            if any(figures.values())
        }
        assert got == expected, (start, end)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=st.lists(dossier, min_size=3, max_size=30), periods=st.lists(period, min_size=2, max_size=6))
def test_rollup_measures_equal_the_raw_computation(world, specs, periods):
    with transaction.atomic():
        make(world, specs)
        rollup.rebuild()
        check_periods(periods + every_day())
        transaction.set_rollback(True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    specs=st.lists(dossier, min_size=1, max_size=15),
    changes=st.lists(dossier, min_size=1, max_size=15),
    periods=st.lists(period, min_size=1, max_size=3),
)
def test_refreshing_dossier_by_dossier_equals_rebuilding(world, specs, changes, periods):
    """Dossiers are refreshed one by one as they are created, then change (status, end, appointment, pauses) and
    are refreshed again: the roll-up is then the rebuilt one, and still the raw computation."""
    with transaction.atomic():
        ids = make(world, specs)
        for pk in ids:
            rollup.refresh([pk])
        for pk, spec in zip(ids, changes, strict=False):
            change(world, pk, spec)
            rollup.refresh([pk])
        kept = daily_rows()
        check_periods(periods)
        rollup.rebuild()
        assert daily_rows() == kept
        transaction.set_rollback(True)


def test_a_range_refresh_after_a_bulk_load_equals_rebuilding(world):
    """Bulk writers (the load generator) bypass the signal; refreshing the window they wrote fixes the roll-up."""
    import random

    rng = random.Random(7)
    specs = [
        {
            "status": rng.choice([2, 3, 4, 5, 7, 8, 9, 10, 10]),
            "channel": rng.choice("123"),
            "receiving": rng.randint(0, 1),
            "handling": rng.randint(0, 2),
            "version": rng.randint(0, 1),
            "received": rng.randint(0, MINUTES),
            "due_days": rng.choice([None, 3, 7, 12]),
            "due_minute": rng.randint(0, 1439),
            "duration": rng.randint(0, 20 * 1440),
            "pauses": [(rng.randint(0, 5000), rng.choice([None, 3000]))] if rng.random() < 0.3 else [],
            "apology": rng.random() < 0.2,
            "digitised": rng.random() < 0.5,
        }
        for _ in range(60)
    ]
    first = make(world, specs[:30])
    rollup.rebuild()
    make(world, specs[30:])  # written behind the roll-up's back
    assert DailyCount.objects.count() > 0
    rollup.refresh_range(ORIGIN.date() - dt.timedelta(days=1), ORIGIN.date() + dt.timedelta(days=DAYS + 1))
    kept = daily_rows()
    rollup.rebuild()
    assert daily_rows() == kept
    assert len(first) == 30
    whole = raw.query(ORIGIN.date(), ORIGIN.date() + dt.timedelta(days=DAYS))
    assert sum(f.received for f in whole.values()) > 20 and sum(f.open_end for f in whole.values()) > 0
    assert sum(f.overdue_end + f.late + f.paused_end + f.carried_over for f in whole.values()) > 0
    check_periods([(0, DAYS), (10, 20), (45, 0), (60, 50)])
    check_periods(every_day())
