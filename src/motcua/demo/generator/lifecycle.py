"""The simulated life of one dossier, drawn at random with the calibration and timed with the domain's own rules:
intake (channel, submission, the reception deadline of ``dossiers.services.clock``), refusal or acceptance (the
appointment from the dossier's clock), transfer to the handling agency and its step, withdrawal or stop, a
supplement or payment pause (its mode and the due date after it from the dossier's clock: pause or restart),
then the finish early, on time or late (with an apology), classified by the clock, and the return of the result.

Every entry is the one the transition would have written (action, statuses, note, data), so the log reads like a
real one; nothing is written here (see ``rows`` and ``writer``)."""

from __future__ import annotations

import datetime as dt
import functools
import random

from motcua.catalog.choices import Channel
from motcua.demo.generator.applicants import applicant
from motcua.demo.generator.calibration import (
    APOLOGY_REASONS,
    CHANNELS,
    EARLY,
    KEEP_OPEN_AT_CUTOFF,
    ON_TIME,
    PAYMENT_PAUSE,
    REFUSAL_REASONS,
    REFUSED,
    SIGNERS,
    STOP_REASONS,
    STOPPED,
    STRAGGLERS,
    SUPPLEMENT_PAUSE,
    SUPPLEMENT_REASONS,
    WAITING_AT_COUNTER,
    WITHDRAWAL_REASONS,
    WITHDRAWN,
)
from motcua.demo.generator.catalogue import Combo, People
from motcua.demo.generator.plan import NOBODY, Pending
from motcua.demo.generator.window import UnitTime
from motcua.dossiers.choices import PauseReason, ResultDelivery, Status, Timeliness
from motcua.dossiers.services.clock import deadline_clock, pause_mode_for, reception_due, step_timeliness
from motcua.dossiers.services.intake import regime_for
from motcua.worktime.engine import VIETNAM, Extension, Pause
from motcua.worktime.engine import PauseMode as ClockPauseMode
from motcua.worktime.engine import PauseReason as ClockPauseReason
from motcua.worktime.engine.clock import classify

_regime = functools.lru_cache(maxsize=4096)(regime_for)


def _fate(x: float) -> str:
    """What becomes of an accepted dossier, from a uniform draw."""
    if x < WITHDRAWN:
        return "withdrawn"
    if x < WITHDRAWN + STOPPED:
        return "stopped"
    if x < WITHDRAWN + STOPPED + STRAGGLERS:
        return "straggler"
    return "resolved"


def _fields(combo: Combo, case_id: int, channel: str, delivery: str, day: dt.date, limit: tuple,
            submitted: dt.datetime, reception_due: dt.datetime | None) -> dict:  # fmt: skip
    """The dossier's fields at submission (the rest is set as its life goes on, ids when it is written)."""
    regime, form_set = _regime(day)
    return dict(
        code=None, external_code="", procedure_version_id=combo.version_id, case_id=case_id,
        receiving_agency_id=combo.receiving_id, handling_agency_id=combo.handling_id,
        current_agency_id=combo.receiving_id, current_handler_id=None, current_step_id=None, channel=channel,
        result_delivery=delivery, representative_id=None, summary=combo.name, sets=1, legal_regime=regime,
        form_set=form_set, supplement_state="", limit_amount=limit[0], limit_unit=limit[1],
        pause_mode=combo.pause_mode, submitted_at=submitted, reception_due_at=reception_due, received_at=None,
        original_due_at=None, due_at=None, finished_at=None, returned_at=None, closed_at=None, timeliness="",
    )  # fmt: skip


class Life:
    """Draws the lives of dossiers with one random generator, up to the cut-off."""

    def __init__(self, rng: random.Random, cutoff: dt.datetime, people: People):
        self.rng, self.cutoff, self.people = rng, cutoff, people

    # --- intake ------------------------------------------------------------------------------------------------

    def dossier(self, day: dt.date, combo: Combo, unit: UnitTime) -> Pending:
        rng = self.rng
        case_id, components, limits = rng.choice(combo.cases)
        channel = self._channel(limits)
        received = unit.moment(day, rng)
        submitted, reception, delivery = self._submission(channel, unit, received)
        counter = rng.choice(self.people.counter[combo.receiving_id])
        d = _fields(combo, case_id, channel, delivery, day, limits[channel], submitted, reception)
        comps = [(cid, name, o, c, True) for cid, name, o, c in components]
        p = Pending(d=d, applicant=applicant(rng, combo.enterprise), components=comps, log=[])
        if channel == Channel.ONLINE:
            p.record(submitted, NOBODY, combo.receiving_id, "submit_online", None, Status.SUBMITTED,
                     "Nộp trực tuyến", {"reference": None}, reception)  # fmt: skip
        x = rng.random()
        if x < REFUSED:
            self._refuse(p, combo, counter, received)
            return p
        self._accept(p, combo, unit, counter, received)
        self._process(p, combo, unit, counter, _fate(x - REFUSED))
        return p

    def _channel(self, limits: dict) -> str:
        x, channel = self.rng.random(), Channel.DIRECT
        for ch, share in CHANNELS:
            if x < share:
                channel = ch
                break
            x -= share
        return channel if channel in limits else next(iter(limits))

    def _submission(self, channel: str, unit: UnitTime, received: dt.datetime) -> tuple:
        """(submitted, reception deadline, result delivery): online dossiers were submitted earlier (evening,
        weekend…) and are mostly accepted within the online reception limit."""
        rng = self.rng
        if channel != Channel.ONLINE:
            postal = channel == Channel.POSTAL or rng.random() < 0.08
            return received, None, ResultDelivery.POSTAL if postal else ResultDelivery.COUNTER
        submitted = received - dt.timedelta(seconds=rng.randint(600, 3 * 86400))
        if submitted < self.cutoff - dt.timedelta(days=400):
            submitted = received - dt.timedelta(minutes=10)
        due = reception_due(unit.engine, submitted)
        if received > due and rng.random() < 0.9:
            submitted = received - dt.timedelta(seconds=rng.randint(300, 4 * 3600))
            due = reception_due(unit.engine, submitted)
        delivery = rng.choices(
            (ResultDelivery.ONLINE, ResultDelivery.COUNTER, ResultDelivery.POSTAL), (50, 45, 5)
        )
        return submitted, due, delivery[0]

    def _refuse(self, p: Pending, combo: Combo, counter: tuple, received: dt.datetime) -> None:
        reason = self.rng.choice(REFUSAL_REASONS)
        p.d.update(status=Status.REFUSED, closed_at=received)
        online = p.d["channel"] == Channel.ONLINE
        action, frm = ("refuse", Status.SUBMITTED) if online else ("refuse_at_counter", None)
        p.record(received, counter, combo.receiving_id, action, frm, Status.REFUSED, reason, {})

    def _accept(
        self, p: Pending, combo: Combo, unit: UnitTime, counter: tuple, received: dt.datetime
    ) -> None:
        """A code (numbered in receipt order when the day is complete) and the appointment of the clock."""
        d = p.d
        d["code"], d["_code_key"] = "", (combo.handling_id, received.date())
        p.clock = deadline_clock(unit.engine, received, d["limit_amount"], d["limit_unit"])
        due = p.clock.original_due
        d.update(received_at=received, due_at=due, original_due_at=due)
        data = {"code": d["code"], "due_at": due.isoformat()}
        if d["channel"] == Channel.ONLINE:
            reception = d["reception_due_at"]
            p.record(received, counter, combo.receiving_id, "accept", Status.SUBMITTED, Status.ACCEPTED,
                     "Tiếp nhận hồ sơ trực tuyến, cấp mã ", data, reception, received <= reception)  # fmt: skip
        else:
            p.record(received, counter, combo.receiving_id, "receive", None, Status.ACCEPTED,
                     "Tiếp nhận hồ sơ, cấp mã ", data)  # fmt: skip

    # --- processing ---------------------------------------------------------------------------------------------

    def _process(self, p: Pending, combo: Combo, unit: UnitTime, counter: tuple, fate: str) -> None:
        engine, received = unit.engine, p.d["received_at"]
        span = max(unit.spd // 8, engine.position(p.d["due_at"]) - engine.position(received))
        moved = self._transfer(p, combo, unit, counter, span)
        if moved is None:
            return
        transfer, processor, lead = moved
        if fate in ("withdrawn", "stopped"):
            self._close_early(p, combo, unit, (counter, lead), transfer, span, fate)
            return
        resumed = self._pause(p, combo, unit, (counter, processor), transfer, span)
        if resumed is None or fate == "straggler":
            return  # paused, or still open and overdue by the cut-off (or soon)
        self._resolve(p, combo, unit, (counter, lead), resumed)

    def _transfer(self, p: Pending, combo: Combo, unit: UnitTime, counter: tuple, span: int):
        """To the handling agency, which starts its step: (when, processor, lead), None after the cut-off."""
        rng, d, hand_id = self.rng, p.d, combo.handling_id
        transfer = unit.later(d["received_at"], rng.randint(60, max(120, min(4 * 3600, span // 10))))
        if transfer >= self.cutoff:
            d["status"] = Status.ACCEPTED
            return None
        step_due = unit.engine.due(transfer, d["limit_amount"], d["limit_unit"])
        processor = rng.choice(self.people.processor[hand_id])
        lead = rng.choice(self.people.lead[hand_id])
        p.record(transfer, counter, combo.receiving_id, "transfer", Status.ACCEPTED, Status.PROCESSING,
                 f"Chuyển đến {combo.handling.name}", {"agency": combo.handling.identifier}, step_due)  # fmt: skip
        p.step = [1, "Thẩm định, xử lý hồ sơ", hand_id, "SPECIALIST", d["limit_amount"], d["limit_unit"],
                  transfer, step_due, None, ""]  # fmt: skip
        d.update(current_agency_id=hand_id, status=Status.PROCESSING)
        p.step_open = True
        return transfer, processor, lead

    def _close_early(self, p, combo, unit, cast, transfer, span, fate) -> None:
        """Withdrawn at the citizen's request (at the counter) or stopped by the agency's lead."""
        rng, (counter, lead) = self.rng, cast
        at = unit.later(transfer, rng.randint(unit.spd // 4, max(unit.spd // 2, int(span * 0.6))))
        if at >= self.cutoff:
            return
        if fate == "withdrawn":
            p.record(at, counter, combo.receiving_id, "withdraw", Status.PROCESSING, Status.WITHDRAWN,
                     rng.choice(WITHDRAWAL_REASONS), {"requested_by": p.applicant[1], "fees": ""})  # fmt: skip
            p.d["status"] = Status.WITHDRAWN
        else:
            p.record(
                at, lead, combo.handling_id, "stop", Status.PROCESSING, Status.STOPPED, STOP_REASONS[0], {}
            )
            p.d["status"] = Status.STOPPED
        p.d.update(closed_at=at, current_step_id=None)
        self._close_step(p, at)

    # --- pauses ---------------------------------------------------------------------------------------------------

    def _pause(self, p, combo, unit, cast, transfer, span) -> dt.datetime | None:
        """Maybe a supplement or payment pause: when the work goes on (``transfer`` without a pause), None while
        the pause is still open at the cut-off."""
        rng, hand_id = self.rng, combo.handling_id
        x = rng.random()
        if x >= SUPPLEMENT_PAUSE + PAYMENT_PAUSE:
            return transfer
        reason = PauseReason.SUPPLEMENT if x < SUPPLEMENT_PAUSE else PauseReason.FINANCIAL_OBLIGATION
        start = unit.later(transfer, rng.randint(60, max(120, int(span * 0.3))))
        end = unit.later(start, rng.randint(unit.spd // 2, 8 * unit.spd))
        if start >= self.cutoff:
            return transfer
        mode = pause_mode_for(reason, combo.pause_mode)
        self._request(p, combo, cast[1], reason, mode, start)
        note = p.log[-1][7]
        if end >= self.cutoff:
            p.pauses.append((reason, mode, hand_id, start, None, note))
            supplement = reason == PauseReason.SUPPLEMENT
            p.d["status"] = Status.SUPPLEMENT_REQUESTED if supplement else Status.FINANCIAL_OBLIGATION
            return None
        p.pauses.append((reason, mode, hand_id, start, end, note))
        p.clock = p.clock.with_pause(Pause(start, end, ClockPauseReason(reason), ClockPauseMode(mode)))
        self._resume(p, combo, cast, reason, mode, end)
        p.d["due_at"] = p.d["original_due_at"] = p.clock.due_at()
        return end

    def _request(self, p: Pending, combo: Combo, processor: tuple, reason: str, mode: str, at) -> None:
        rng, hand_id = self.rng, combo.handling_id
        if reason == PauseReason.SUPPLEMENT:
            p.record(at, processor, hand_id, "request_supplement", Status.PROCESSING, Status.SUPPLEMENT_REQUESTED,
                     SUPPLEMENT_REASONS[rng.randrange(2)], {"items": [], "mode": mode})  # fmt: skip
            p.d["supplement_state"] = "Yêu cầu công dân bổ sung"
            return
        amount = rng.choice((100000, 500000, 1500000, 4200000))
        p.record(at, processor, hand_id, "request_payment", Status.PROCESSING, Status.FINANCIAL_OBLIGATION,
                 "Thông báo nộp phí, lệ phí, nghĩa vụ tài chính", {"amount": amount})  # fmt: skip

    def _resume(self, p: Pending, combo: Combo, cast: tuple, reason: str, mode: str, at) -> None:
        counter, processor = cast
        if reason == PauseReason.SUPPLEMENT:
            p.d["supplement_state"] = "Hoàn thành bổ sung"
            p.record(at, counter, combo.receiving_id, "receive_supplement", Status.SUPPLEMENT_REQUESTED,
                     Status.PROCESSING, "Tiếp nhận hồ sơ bổ sung", {"mode": mode})  # fmt: skip
            return
        p.record(at, processor, combo.handling_id, "confirm_payment", Status.FINANCIAL_OBLIGATION, Status.PROCESSING,
                 "Đã thực hiện nghĩa vụ tài chính", {"receipt": ""})  # fmt: skip

    # --- the finish -----------------------------------------------------------------------------------------------

    def _resolve(self, p: Pending, combo: Combo, unit: UnitTime, cast: tuple, resumed: dt.datetime) -> None:
        """Finish early, on time or late (drawn), or stay in progress when that falls after the cut-off."""
        engine, due = unit.engine, p.d["original_due_at"]
        now_pos = engine.position(resumed)
        timeliness, finish = self._finish_time(unit, due, now_pos)
        if (
            finish >= self.cutoff
            and timeliness == Timeliness.EARLY
            and self.rng.random() > KEEP_OPEN_AT_CUTOFF
        ):
            finish = self._before_cutoff(engine, now_pos, finish)
        if finish >= self.cutoff:
            if timeliness == Timeliness.LATE:
                self._apology(p, combo, unit, cast[1])
            return  # in progress at the cut-off
        finish = max(finish, unit.later(p.last_at, 60))
        if timeliness == Timeliness.LATE:
            self._apology(p, combo, unit, cast[1], before=finish)
        self._finish(p, combo, unit, finish, cast)

    def _finish_time(self, unit: UnitTime, due: dt.datetime, now_pos: int) -> tuple[str, dt.datetime]:
        x = self.rng.random()
        if x < EARLY:
            finish = self._early(unit.engine, due, now_pos)
            if finish is not None:
                return Timeliness.EARLY, finish
            return Timeliness.ON_TIME, self._on_time(unit.engine, due, now_pos)
        if x < EARLY + ON_TIME:
            return Timeliness.ON_TIME, self._on_time(unit.engine, due, now_pos)
        engine = unit.engine
        return Timeliness.LATE, engine.at_position(
            engine.position(due) + self.rng.randint(unit.spd + 60, 6 * unit.spd)
        )

    def _early(self, engine, due: dt.datetime, now_pos: int) -> dt.datetime | None:
        """A working moment on a date before the due date (None if there is none left)."""
        latest = engine.position(dt.datetime.combine(due.date(), dt.time(0, 0), tzinfo=VIETNAM)) - 1
        if latest <= now_pos + 60:
            return None
        return engine.at_position(
            now_pos + 60 + int((latest - now_pos - 60) * self.rng.betavariate(1.3, 2.2))
        )

    def _on_time(self, engine, due: dt.datetime, now_pos: int) -> dt.datetime:
        """A moment of the due date, by the due time."""
        due_pos = engine.position(due)
        elapsed_today = due_pos - engine.position(
            dt.datetime.combine(due.date(), dt.time(0, 0), tzinfo=VIETNAM)
        )
        back = self.rng.randint(0, max(0, min(elapsed_today - 1, due_pos - now_pos - 60, 3 * 3600)))
        finish = engine.at_position(max(now_pos + 1, due_pos - back))
        return due if finish.date() != due.date() or finish > due else finish

    def _before_cutoff(self, engine, now_pos: int, finish: dt.datetime) -> dt.datetime:
        limit_pos = engine.position(self.cutoff)
        if limit_pos - now_pos > 120:
            return engine.at_position(now_pos + 60 + self.rng.randrange(limit_pos - now_pos - 120))
        return finish

    def _apology(self, p: Pending, combo: Combo, unit: UnitTime, lead: tuple, before=None) -> None:
        """Mẫu 04 before the due time, with a new appointment (the clock's extension)."""
        rng, engine, due = self.rng, unit.engine, p.d["original_due_at"]
        at = engine.at_position(engine.position(due) - rng.randint(600, unit.spd))
        if at <= p.last_at or at >= self.cutoff:
            return
        new_due = engine.at_position(engine.position(due) + rng.randint(2, 10) * unit.spd)
        if before is not None and new_due < before:
            new_due = before
        reason = rng.choice(APOLOGY_REASONS)
        p.apology = (combo.handling_id, due, new_due, reason, lead[1] or rng.choice(SIGNERS), at)
        p.record(at, lead, combo.handling_id, "apologize", Status.PROCESSING, Status.PROCESSING, reason,
                 {"previous_due_at": due.isoformat(), "new_due_at": new_due.isoformat()})  # fmt: skip
        p.clock = p.clock.with_extension(Extension(at, new_due=new_due, reason=reason))
        p.d["due_at"] = p.clock.due_at()

    def _close_step(self, p: Pending, at: dt.datetime) -> None:
        p.step[8] = at
        p.step[9] = step_timeliness(p.step[7], at)
        p.step_open = False

    def _finish(self, p: Pending, combo: Combo, unit: UnitTime, finish: dt.datetime, cast: tuple) -> None:
        rng, d, lead = self.rng, p.d, cast[1]
        # the clock's rule against its appointment (apologies aside: that is ``original_due_at``)
        timeliness = Timeliness(classify(finish, d["original_due_at"]).value)
        self._close_step(p, finish)
        number = f"{rng.randint(1, 9999)}/{finish.year}/{'QĐ' if rng.random() < 0.5 else 'GCN'}"
        p.result = (number, combo.result_name, lead[1] or rng.choice(SIGNERS), finish.date(), combo.result_code,
                    combo.handling_id)  # fmt: skip
        d.update(finished_at=finish, timeliness=timeliness, status=Status.FINISHED, closed_at=finish,
                 current_agency_id=combo.receiving_id, current_step_id=None)  # fmt: skip
        p.record(finish, lead, combo.handling_id, "finish", Status.PROCESSING, Status.FINISHED,
                 f"Có kết quả: {number}", {"timeliness": timeliness}, d["original_due_at"], timeliness != "late")  # fmt: skip
        self._return(p, combo, unit, finish, cast[0])

    def _return(self, p: Pending, combo: Combo, unit: UnitTime, finish: dt.datetime, counter: tuple) -> None:
        """The result handed back (~1.5 % wait at the counter for the citizen), unless after the cut-off."""
        rng, d = self.rng, p.d
        if rng.random() < WAITING_AT_COUNTER:
            return
        delay = rng.randint(600, 3 * unit.spd) if d["result_delivery"] != ResultDelivery.ONLINE else 60
        returned = unit.later(finish, delay)
        if returned >= self.cutoff:
            return
        d.update(returned_at=returned, status=Status.RETURNED)
        p.record(returned, counter, combo.receiving_id, "return_result", Status.FINISHED, Status.RETURNED,
                 "Trả kết quả", {"method": d["result_delivery"], "receiver": ""})  # fmt: skip
