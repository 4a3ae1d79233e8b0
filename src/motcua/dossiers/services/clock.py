"""The dossier's clock: the working-time engine's DeadlineClock rebuilt from the stored pauses and apologies,
so the appointment, the remaining time and the timeliness always come from one computation."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from motcua.worktime import services as worktime
from motcua.worktime.engine import DeadlineClock, Duration, Extension, Pause, TimeUnit, whole_minutes_up
from motcua.worktime.engine.clock import PauseMode, PauseReason, classify


def engine_for(dossier, on: dt.date | None = None):
    """Deadlines are counted with the calendar and hours of the unit that gives the appointment (the counter)."""
    return worktime.engine_for(dossier.receiving_agency, on or timezone.localdate())


def deadline_clock(engine, received_at: dt.datetime, limit_amount, limit_unit: str, pauses=(), extensions=()):
    """The clock of a dossier received at ``received_at`` with the time limit ``limit_amount`` ``limit_unit``:
    its appointment (``original_due``), moved by its pauses — a pause shifts it by the working time paused, a
    restart counts the whole limit again from the pause's end — and by its apologies (``Extension``). Pure: the
    rows are the caller's (stored ones in :func:`clock_for`; the demo generator's before they are written)."""
    return DeadlineClock(
        engine,
        received_at,
        Duration(limit_amount, TimeUnit(limit_unit)),
        pauses=tuple(pauses),
        extensions=tuple(extensions),
    )


def clock_for(dossier) -> DeadlineClock | None:
    if dossier.received_at is None or dossier.limit_amount is None or not dossier.limit_unit:
        return None
    saved = dossier.pk is not None  # a dossier being received has neither pauses nor apologies yet
    pauses = (
        Pause(start=p.started_at, end=p.ended_at, reason=PauseReason(p.reason), mode=PauseMode(p.mode))
        for p in (dossier.pauses.all() if saved else ())
    )
    extensions = (
        Extension(a.created_at, new_due=a.new_due_at, reason=a.reason)
        for a in (dossier.apologies.all() if saved else ())
    )
    return deadline_clock(
        engine_for(dossier, timezone.localdate(dossier.received_at)),
        dossier.received_at,
        dossier.limit_amount,
        dossier.limit_unit,
        pauses,
        extensions,
    )


def pause_mode_for(reason: str, supplement_clock: str) -> str:
    """How a pause moves the clock (SPEC §8.5): a supplement follows the procedure's supplement clock (the
    dossier's ``pause_mode``: pause, or restart the whole limit once the supplement is received); a financial
    obligation always pauses."""
    return supplement_clock if reason == PauseReason.SUPPLEMENT else PauseMode.PAUSE.value


def reception_due(engine, submitted_at: dt.datetime) -> dt.datetime:
    """The reception deadline of an online dossier: ``MOTCUA_ONLINE_RECEPTION_HOURS`` working hours of the
    receiving unit after its submission (SPEC §7.2)."""
    from django.conf import settings

    return engine.due(submitted_at, settings.MOTCUA_ONLINE_RECEPTION_HOURS, TimeUnit.WORKING_HOURS)


def step_timeliness(due_at: dt.datetime | None, finished_at: dt.datetime) -> str:
    """A step ends early (a day before its due day), on time (by its due time) or late — the rule a dossier is
    judged by (``worktime.engine.clock.classify``); '' without a due time."""
    if due_at is None:
        return ""
    return classify(finished_at, due_at).value


def refresh_due(dossier, now: dt.datetime) -> None:
    """Set ``due_at`` (the current promise, apologies included) and ``original_due_at`` (the legal appointment:
    pauses included, apologies not — statistics judge against it)."""
    clock = clock_for(dossier)
    if clock is None:
        dossier.due_at = dossier.original_due_at = None
        return
    dossier.due_at = clock.due_at(now, include_extensions=True)
    dossier.original_due_at = clock.due_at(now, include_extensions=False)


def timeliness(dossier, finished: dt.datetime) -> str:
    clock = clock_for(dossier)
    return clock.classify(finished).value if clock is not None else ""


def remaining_text(dossier, now: dt.datetime | None = None) -> str:
    """“còn 2 ngày 3 giờ” / “quá hạn 1 ngày” (“2 days 3 hours left” / “1 day overdue” in English) for an open
    dossier ('' when it has no appointment). The same wording as the engine's ``ClockState.text``, translated."""
    clock = clock_for(dossier)
    if clock is None:
        return ""
    state = clock.state(now or timezone.now())
    seconds, per_day = state.remaining_seconds, clock.engine.hours.seconds_per_day
    if seconds >= 60:
        text = gettext("còn %(duration)s") % {"duration": _duration(whole_minutes_up(seconds), per_day)}
    elif seconds <= -60:
        text = gettext("quá hạn %(duration)s") % {"duration": _duration(-seconds, per_day)}
    else:
        text = gettext("đến hạn")
    return gettext("%(text)s (đang tạm dừng)") % {"text": text} if state.paused else text


def _duration(seconds: int, seconds_per_day: int) -> str:
    """“2 ngày 3 giờ”, “45 phút”: working days (of the unit's working time per day), hours and minutes."""
    days, rest = divmod(seconds, seconds_per_day)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(ngettext("%(n)s ngày", "%(n)s ngày", days) % {"n": days})
    if hours:
        parts.append(ngettext("%(n)s giờ", "%(n)s giờ", hours) % {"n": hours})
    if minutes or not parts:
        parts.append(ngettext("%(n)s phút", "%(n)s phút", minutes) % {"n": minutes})
    return " ".join(parts)


class Badge:
    """How a queue shows a dossier's deadline: ``state`` is one of ``late``, ``soon``, ``ok``, ``paused``,
    ``waiting`` (status 1, against its reception deadline) or ``closed``; ``text`` the words to read."""

    __slots__ = ("state", "text")

    def __init__(self, state: str, text: str):
        self.state, self.text = state, text

    def __repr__(self) -> str:
        return f"Badge({self.state!r}, {self.text!r})"


def badge(dossier, now: dt.datetime, soon_hours: int | None = None) -> Badge:
    """The deadline badge of a queue row without reading pauses or apologies: the stored ``due_at`` already
    includes them, so the remaining working time is the unit's working time from now to ``deadline_at``.
    (The dossier page uses :func:`remaining_text`, from the full clock.)"""
    if dossier.closed_at is not None or dossier.status in (3, 7, 8, 9, 10):
        return Badge("closed", "")
    if dossier.status in (5, 6):
        return Badge("paused", gettext("đang tạm dừng"))
    deadline = dossier.due_at if dossier.status != 1 else dossier.reception_due_at
    return _badge_until(dossier, deadline, now, soon_hours, waiting=dossier.status == 1)


def step_badge(step, dossier, now: dt.datetime, soon_hours: int | None = None) -> Badge:
    """The same badge for an open step of ``dossier``, against the step's own deadline (``step.due_at``, counted
    in the dossier's working time): a finished step or a paused dossier shows no remaining time."""
    if step.finished_at is not None or dossier.closed_at is not None:
        return Badge("closed", "")
    if dossier.status in (5, 6):
        return Badge("paused", gettext("đang tạm dừng"))
    return _badge_until(dossier, step.due_at, now, soon_hours)


def _badge_until(dossier, deadline, now: dt.datetime, soon_hours: int | None, waiting: bool = False) -> Badge:
    from django.conf import settings

    if deadline is None:
        return Badge("ok", "")
    engine = engine_for(dossier)
    seconds, per_day = engine.working_seconds_between(now, deadline), engine.hours.seconds_per_day
    soon = (soon_hours if soon_hours is not None else settings.MOTCUA_DUE_SOON_WORKING_HOURS) * 3600
    if seconds <= -60:
        return Badge("late", gettext("quá hạn %(duration)s") % {"duration": _duration(-seconds, per_day)})
    if seconds < 60:
        return Badge("late", gettext("đến hạn"))
    text = gettext("còn %(duration)s") % {"duration": _duration(whole_minutes_up(seconds), per_day)}
    if waiting:
        return Badge("waiting", text)
    return Badge("soon" if seconds <= soon else "ok", text)
