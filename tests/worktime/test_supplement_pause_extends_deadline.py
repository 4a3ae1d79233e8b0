"""The clock of a deadline (SPEC §8.5): supplement and financial-obligation pauses ("pause" and "restart"
modes), extensions (Mẫu 04), remaining time, and the early / on time / late classification."""

import pytest

from motcua.worktime.engine import (
    ComparisonRule,
    DeadlineClock,
    Duration,
    Extension,
    Pause,
    PauseMode,
    PauseReason,
    Timeliness,
    WorkTimeError,
)
from tests.builders.worktime import at

FIVE_DAYS = Duration(5, "working_days")


@pytest.fixture
def clock(engine):
    # Received Monday 03/03/2025 09:00, 5 working days → Monday 10/03/2025 09:00.
    return DeadlineClock(engine, at("2025-03-03 09:00"), FIVE_DAYS)


def test_original_due(clock):
    assert clock.original_due == at("2025-03-10 09:00")
    assert clock.due_at() == at("2025-03-10 09:00")


def test_supplement_pause_extends_deadline_by_working_time_paused(clock):
    # Request Wed 05/03 10:00, supplement received Fri 07/03 10:00: 2 working days paused.
    paused = clock.with_pause(Pause(at("2025-03-05 10:00"), at("2025-03-07 10:00")))
    assert paused.due_at() == at("2025-03-12 09:00")


def test_pause_over_a_weekend_counts_only_working_time(clock):
    # Fri 07/03 16:00 → Mon 10/03 08:00: 1 h Friday + 30 min Monday = 1 h 30 of working time.
    paused = clock.with_pause(Pause(at("2025-03-07 16:00"), at("2025-03-10 08:00")))
    assert paused.due_at() == at("2025-03-10 10:30")


def test_restart_mode_runs_the_whole_limit_again_from_the_supplement(clock):
    restarted = clock.with_pause(
        Pause(at("2025-03-05 10:00"), at("2025-03-07 10:00"), mode=PauseMode.RESTART)
    )
    assert restarted.due_at() == at("2025-03-14 10:00")
    assert restarted.restarted_at() == at("2025-03-07 10:00")
    assert clock.restarted_at() is None


def test_financial_obligation_pause_after_a_supplement(clock):
    ledger = clock.with_pause(Pause(at("2025-03-04 09:00"), at("2025-03-05 09:00"))).with_pause(
        Pause(at("2025-03-06 14:00"), at("2025-03-06 16:00"), reason=PauseReason.FINANCIAL_OBLIGATION)
    )
    # +1 working day, then +2 h: Tue 11/03 09:00 + 2 h → 11:00.
    assert ledger.due_at() == at("2025-03-11 11:00")


def test_open_pause_freezes_the_remaining_time(clock):
    paused = clock.with_pause(Pause(at("2025-03-05 09:00")))
    assert paused.is_paused(at("2025-03-06 09:00"))
    before = clock.state(at("2025-03-05 09:00")).remaining_seconds
    for moment in ("2025-03-05 15:00", "2025-03-06 09:00", "2025-03-12 16:00"):
        state = paused.state(at(moment))
        assert state.paused
        assert state.remaining_seconds == before
        assert state.text == "còn 3 ngày (đang tạm dừng)"
    with pytest.raises(WorkTimeError):
        paused.due_at()  # open pause: the due time depends on when the supplement arrives


def test_events_after_now_are_ignored(clock):
    paused = clock.with_pause(Pause(at("2025-03-07 10:00"), at("2025-03-07 11:00")))
    assert paused.due_at(at("2025-03-06 10:00")) == at("2025-03-10 09:00")
    assert paused.due_at(at("2025-03-07 12:00")) == at("2025-03-10 10:00")


def test_overlapping_pauses_are_refused(engine):
    with pytest.raises(WorkTimeError, match="chồng lấn"):
        DeadlineClock(
            engine,
            at("2025-03-03 09:00"),
            FIVE_DAYS,
            pauses=(Pause(at("2025-03-04 09:00"), at("2025-03-05 09:00")), Pause(at("2025-03-04 15:00"))),
        )
    with pytest.raises(WorkTimeError, match="sau thời điểm bắt đầu"):
        Pause(at("2025-03-05 09:00"), at("2025-03-04 09:00"))


def test_extension_with_new_date_and_with_duration(clock):
    letter = Extension(
        at("2025-03-10 08:00"), new_due=at("2025-03-14 16:00"), reason="Chờ ý kiến Sở Xây dựng"
    )
    assert clock.with_extension(letter).due_at() == at("2025-03-14 16:00")
    two_days = Extension(at("2025-03-10 08:00"), duration=Duration(2, "working_days"))
    assert clock.with_extension(two_days).due_at() == at("2025-03-12 09:00")
    four_hours = Extension(at("2025-03-10 08:00"), duration=Duration(4, "working_hours"))
    assert clock.with_extension(four_hours).due_at() == at("2025-03-10 15:00")  # 2 h 30 + 1 h 30
    with pytest.raises(WorkTimeError):
        Extension(at("2025-03-10 08:00"))


def test_extended_dossier_is_still_late_against_its_original_date(clock):
    extended = clock.with_extension(Extension(at("2025-03-10 08:00"), new_due=at("2025-03-14 16:00")))
    finished = at("2025-03-13 10:00")
    assert extended.classify(finished) is Timeliness.LATE
    assert extended.classify(finished, include_extensions=True) is Timeliness.EARLY


@pytest.mark.parametrize(
    ("finished", "date_only", "date_time"),
    [
        ("2025-03-07 16:00", Timeliness.EARLY, Timeliness.EARLY),  # an earlier day
        ("2025-03-10 08:00", Timeliness.ON_TIME, Timeliness.ON_TIME),  # due day, before the due time
        ("2025-03-10 09:00", Timeliness.ON_TIME, Timeliness.ON_TIME),  # exactly at the due time
        ("2025-03-10 15:00", Timeliness.ON_TIME, Timeliness.LATE),  # due day, after the due time
        ("2025-03-11 08:00", Timeliness.LATE, Timeliness.LATE),
    ],
)
def test_timeliness_by_date_only_and_by_date_time(clock, finished, date_only, date_time):
    assert clock.classify(at(finished), ComparisonRule.DATE_ONLY) is date_only
    assert clock.classify(at(finished), ComparisonRule.DATE_TIME) is date_time


def test_pause_is_deducted_before_judging_timeliness(clock):
    paused = clock.with_pause(Pause(at("2025-03-05 10:00"), at("2025-03-07 10:00")))
    assert clock.classify(at("2025-03-11 10:00")) is Timeliness.LATE
    assert paused.classify(at("2025-03-11 10:00")) is Timeliness.EARLY
