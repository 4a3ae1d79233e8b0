"""The one path that changes a dossier's status: :func:`apply` a row of the transition table.

It locks the dossier row, refuses a stale request, checks the transition's source status, the actor's role in the
unit of the transition's scope and the required inputs, runs the action's effect, moves the clock, appends one
tamper-evident entry to the process log, and — after the commit — sends ``dossiers_transitioned``: once per
transition, or once for all the transitions of a :func:`batch`.
Any refusal raises :class:`TransitionError` naming the rule broken; nothing is changed then.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.catalog.choices import LimitUnit, PauseMode
from motcua.core import ids, logkeys, workflow
from motcua.core.rules import RuleError
from motcua.core.workflow import require_inputs
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import PauseReason, StepKind, WorkQueue
from motcua.dossiers.lifecycle import BY_ACTION, TABLE, Clock, Scope, Transition
from motcua.dossiers.models import Apology, Dossier, DossierPause, DossierResult, DossierStep, ProcessLogEntry
from motcua.dossiers.models.log import GENESIS, RowValues, row_seal
from motcua.dossiers.services import clock as dossier_clock
from motcua.dossiers.services import routing
from motcua.dossiers.services.codes import new_code
from motcua.dossiers.signals import Transitioned, dossiers_transitioned
from motcua.org import permissions
from motcua.org import services as org_services
from motcua.org.models import Agency
from motcua.org.roles import Role

ROLE_PRIORITY = [
    Role.AGENCY_LEAD,
    Role.DEPT_LEAD,
    Role.CLERK,
    Role.SPECIALIST,
    Role.CASHIER,
    Role.COUNTER_OFFICER,
    Role.CENTRE_HEAD,
    Role.ADMIN,
    lifecycle.APPLICANT,
]


class TransitionError(RuleError):
    """A refused transition (see :class:`RuleError`; ``rule``: T1…T14 of the table)."""


class Outcome(workflow.Outcome[Dossier, Transition]):
    """The applied row's outcome (``motcua.core.workflow.Outcome``); ``dossier``: its item."""

    @property
    def dossier(self) -> Dossier:
        return self.item


def transition_for(action: str) -> Transition:
    return TABLE.row(action, TransitionError)


def scope_agency(dossier: Dossier, transition: Transition) -> Agency:
    return {
        Scope.RECEIVING: dossier.receiving_agency,
        Scope.CURRENT: dossier.current_agency,
        Scope.HANDLING: dossier.handling_agency,
        Scope.ANY_OPEN: dossier.handling_agency,
    }[transition.scope]


def scope_agency_id(dossier: Dossier, transition: Transition) -> int | None:
    """The id of :func:`scope_agency`, read from the row without loading the agency."""
    return {
        Scope.RECEIVING: dossier.receiving_agency_id,
        Scope.CURRENT: dossier.current_agency_id,
        Scope.HANDLING: dossier.handling_agency_id,
        Scope.ANY_OPEN: dossier.handling_agency_id,
    }[transition.scope]


def acting_role(
    user, dossier: Dossier, transition: Transition, at: dt.datetime, access: permissions.Access | None = None
) -> str | None:
    """The role in which ``user`` may perform ``transition`` on ``dossier`` now, or None."""
    access = access or permissions.Access.of(user, at)
    if transition.scope == Scope.ANY_OPEN:
        held = access.roles_in(dossier.handling_agency_id) | access.roles_in(dossier.receiving_agency_id)
    else:
        held = access.roles_in(scope_agency_id(dossier, transition))
    allowed = held & transition.roles
    if (
        lifecycle.APPLICANT in transition.roles
        and getattr(user, "pk", None) is not None
        and dossier.account_id == user.pk
    ):
        allowed = allowed | {lifecycle.APPLICANT}
    return next((r for r in ROLE_PRIORITY if r in allowed), next(iter(sorted(allowed)), None))


def may(
    user,
    dossier: Dossier,
    action: str,
    at: dt.datetime | None = None,
    access: permissions.Access | None = None,
) -> bool:
    """Would :func:`apply` accept ``action`` from ``user`` now (status, role and step conditions; the inputs are
    not considered)? Cheaper than :func:`allowed_actions` when one action is asked about."""
    transition = BY_ACTION.get(action)
    at = at or timezone.now()
    access = access or permissions.Access.of(user, at)
    return bool(
        transition
        and dossier.status in transition.sources
        and acting_role(user, dossier, transition, at, access)
        and STEP_CONDITIONS.get(action, _always)(dossier)
        and _actor_may(user, dossier, action, access)
    )


def allowed_actions(
    user, dossier: Dossier, at: dt.datetime | None = None, access: permissions.Access | None = None
) -> list[Transition]:
    """The transitions ``user`` may apply to ``dossier`` now (pass ``access`` to reuse one permission snapshot):
    status and role, and the step conditions of :data:`STEP_CONDITIONS` read from the dossier's current step and
    its prefetched steps. The effects check the same conditions again under the row lock."""
    at = at or timezone.now()
    access = access or permissions.Access.of(user, at)
    return [
        t
        for t in lifecycle.available(dossier.status)
        if acting_role(user, dossier, t, at, access)
        and STEP_CONDITIONS.get(t.action, _always)(dossier)
        and _actor_may(user, dossier, t.action, access)
    ]


def _always(dossier) -> bool:
    return True


def _open_step(dossier) -> DossierStep | None:
    step = dossier.current_step
    return step if step is not None and step.finished_at is None else None


def _at_partner(dossier) -> bool:
    step = _open_step(dossier)
    return step is not None and step.kind == StepKind.PARTNER


def _has_earlier_step(dossier) -> bool:
    step = _open_step(dossier)
    return step is not None and any(
        s.kind == StepKind.INTERNAL and s.finished_at is not None and s.order < step.order
        for s in dossier.steps.all()
    )


def _to_sign(dossier) -> bool:
    step = _open_step(dossier)
    return step is not None and step.needs_signature


def _issuing(dossier) -> bool:
    """The open step is the clerk's: the result is issued by T13 (``finish``), not forwarded."""
    step = _open_step(dossier)
    return step is not None and step.role == Role.CLERK


# Conditions on the internal steps, beyond status and role, that decide whether an action can succeed now.
STEP_CONDITIONS = {
    "forward": lambda d: (
        _open_step(d) is not None and not _at_partner(d) and not _to_sign(d) and not _issuing(d)
    ),
    "approve": lambda d: _to_sign(d) and not _at_partner(d),
    "send_back": lambda d: not _at_partner(d) and _has_earlier_step(d),
    "consult_partner": lambda d: not _at_partner(d),
    "return_from_partner": _at_partner,
}
# Actions that complete the open step: only its assignee or a leader of its unit (``routing.may_complete``).
COMPLETES_STEP = frozenset({"forward", "approve", "send_back"})


def _actor_may(user, dossier, action: str, access: permissions.Access) -> bool:
    return action not in COMPLETES_STEP or routing.may_complete(user, _open_step(dossier), access)


# --- the service -------------------------------------------------------------------------------------------------


def apply(
    dossier: Dossier | int | str,
    action: str,
    actor,
    *,
    inputs: dict | None = None,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
    access: permissions.Access | None = None,
) -> Outcome:
    """Apply ``action`` to ``dossier`` (an instance, its id or its code) as ``actor``; see the module docstring.

    A new dossier (an unsaved instance) takes the transitions whose source is ``NEW`` (intake). ``access`` reuses
    the actor's permission snapshot of the request (it must be the actor's)."""
    transition = transition_for(action)
    inputs = dict(inputs or {})
    now = at or timezone.now()
    # Inside a batch the batch's transaction is the unit: no savepoint per transition (an error leaves the batch).
    with transaction.atomic(savepoint=_batch.get() is None):
        locked, current = workflow.open_item(
            dossier, Dossier, _lock, transition, expected_version, _stale, TransitionError
        )
        TABLE.check_state(transition, current, TransitionError)
        acting_agency = scope_agency(locked, transition)  # where the actor acts (before the effect moves it)
        role = workflow.require_role(
            acting_role(actor, locked, transition, now, access),
            transition,
            acting_agency,
            FORBIDDEN,
            TransitionError,
        )
        step = _open_step(locked) if transition.action in COMPLETES_STEP else None
        if step is not None and step.kind == StepKind.INTERNAL:  # a partner's step answers by its own row
            _require_completer(actor, locked, step, now, access)
        require_inputs(transition, inputs, INPUT_LABELS, TransitionError)
        effect = EFFECTS[transition.action]
        note, data, step_due, on_time = effect(locked, transition, actor, inputs, now)
        locked.status = transition.next_status(current)
        created = locked.pk is None
        inserted = False
        if created:
            # A new dossier's row keeps the hash of its first entry, which hashes the dossier's id: with the id
            # taken first (PostgreSQL) the row is written once; else it is inserted now and its head set below.
            locked.version = 0
            locked.pk = ids.next_id(Dossier)
            if locked.pk is None:
                locked.save(force_insert=True)
                inserted = True
        entry = _append(
            locked,
            transition,
            actor,
            role,
            acting_agency,
            current,
            note,
            data,
            step_due,
            on_time,
            now,
            created,
        )
        locked.version = entry.seq
        locked.log_head = entry.hash
        locked.seal = row_seal(RowValues.of(locked))  # binds the row's legal fields to the log's head
        if inserted:
            locked.save(update_fields=["version", "log_head", "seal"])
        else:
            locked.save(force_insert=created)
        entry.save()
        event = Transitioned(
            dossier_id=locked.pk,
            action=transition.action,
            from_status=current,
            to_status=locked.status,
            actor_id=getattr(actor, "pk", None),
            entry_id=entry.pk,
        )
        batched = _batch.get()
        if batched is not None:
            batched.append(event)
        else:
            dossiers_transitioned.publish([event])  # the receivers' jobs, in this transaction (the outbox)
    return Outcome(locked, entry, transition)


FORBIDDEN = gettext_lazy(
    "%(rule)s “%(label)s”: bạn không có vai trò phù hợp tại %(agency)s vào thời điểm này."
)


def _stale(dossier: Dossier, expected: int) -> str:
    return _(
        "Hồ sơ %(dossier)s đã được cập nhật (lần %(version)s) sau khi bạn mở trang (lần "
        "%(expected)s); hãy tải lại trang trước khi thao tác."
    ) % {"dossier": dossier, "version": dossier.version, "expected": expected}


_batch: contextvars.ContextVar[list[Transitioned] | None] = contextvars.ContextVar(
    "transition_batch", default=None
)


@contextmanager
def batch() -> Iterator[None]:
    """One transaction for several :func:`apply` calls, all or nothing; after its commit the receivers get every
    transition in one ``dossiers_transitioned`` (a batch intake refreshes the roll-up and issues its receipts in
    a few queries, not a few per dossier). Nested, it joins the outer batch. The transitions of a batch take no
    savepoint of their own: a refused one must end the batch (let its error propagate), never be caught inside."""
    with transaction.atomic():
        if _batch.get() is not None:
            yield
            return
        events: list[Transitioned] = []
        token = _batch.set(events)
        try:
            yield
        finally:
            _batch.reset(token)
        dossiers_transitioned.publish(events)


def _lock(dossier) -> Dossier:
    """The dossier (an instance, its id, its code or reference), its row locked (and only its row: ``of=("self",)``
    leaves the agencies and the procedure version it joins unlocked), read again when a concurrent winner moved it
    while this waited (``motcua.core.workflow.lock_first``)."""
    query = Dossier.objects.select_for_update(of=("self",)).select_related(
        "receiving_agency", "handling_agency", "current_agency", "procedure_version"
    )
    if isinstance(dossier, Dossier | int):
        found = workflow.lock_first(query, {"pk": dossier.pk if isinstance(dossier, Dossier) else dossier})
    else:
        found = workflow.lock_first(query, {"code": dossier}, {"reference": dossier})
    if found is None:
        raise Dossier.DoesNotExist(_("Không có hồ sơ “%(code)s”.") % {"code": dossier})
    return found


def _append(  # the entry, unsaved
    dossier, transition, actor, role, agency, from_status, note, data, step_due, on_time, now, created
) -> ProcessLogEntry:
    if created:  # the dossier was inserted in this transaction: its log starts here
        seq, prev = 1, GENESIS
    else:
        last = (
            ProcessLogEntry.objects.filter(dossier=dossier)
            .order_by("-seq")
            .values_list("seq", "hash")
            .first()
        )
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = ProcessLogEntry(
        dossier=dossier,
        seq=seq,
        at=now,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=_person(actor),
        role=role or "",
        agency=agency,
        action=transition.action,
        from_status=from_status,
        to_status=dossier.status,
        note=note or "",
        step_due_at=step_due,
        on_time=on_time,
        data=data or {},
        prev_hash=prev,
        key_id=logkeys.keyring().current_id,
    )
    entry.hash = entry.compute_hash()
    return entry  # saved by apply, after the dossier row


def _person(user) -> str:
    if user is None:
        return ""
    name = " ".join(p for p in (getattr(user, "last_name", ""), getattr(user, "first_name", "")) if p)
    return name or user.get_username()


INPUT_LABELS = {
    "reason": gettext_lazy("lý do"),
    "handler": gettext_lazy("người được phân công"),
    "partner": gettext_lazy("cơ quan phối hợp"),
    "share_amount": gettext_lazy("thời gian dành cho cơ quan phối hợp"),
    "new_due_at": gettext_lazy("ngày hẹn trả mới"),
    "result_number": gettext_lazy("số, ký hiệu văn bản kết quả"),
    "result_summary": gettext_lazy("trích yếu kết quả"),
    "result_signer": gettext_lazy("người ký kết quả"),
    "result_signed_on": gettext_lazy("ngày ký kết quả"),
    "new_agency": gettext_lazy("cơ quan kế thừa"),
    "legal_basis": gettext_lazy("căn cứ pháp lý"),
    "amount": gettext_lazy("số tiền"),
    "transaction": gettext_lazy("mã giao dịch"),
}


# --- effects: one per action; they return (note, data, step due, step on time) ----------------------------------


def _reason(inputs) -> str:
    return str(inputs.get("reason", "")).strip()


def _start_clock(dossier: Dossier, now: dt.datetime) -> None:
    dossier.code = dossier.code or new_code(dossier.handling_agency, timezone.localdate(now))
    dossier.received_at = now
    dossier_clock.refresh_due(dossier, now)


def _close(dossier: Dossier, now: dt.datetime) -> None:
    dossier.closed_at = now
    dossier.current_handler = None
    dossier.current_step = None
    if dossier.pk is None:  # refused at the counter: nothing was opened
        return
    for pause in dossier.pauses.filter(ended_at__isnull=True):
        pause.ended_at = now
        pause.save(update_fields=["ended_at"])
    for step in DossierStep.objects.filter(dossier=dossier, finished_at__isnull=True):
        _finish_step(step, now)


def _claim(step: DossierStep, actor) -> None:
    """An unassigned step completed by someone holding its role is recorded as done by them (a send-back to it
    returns to them)."""
    if step.handler_id is None and getattr(actor, "pk", None) is not None:
        step.handler = actor
        step.save(update_fields=["handler"])


def _judged(step: DossierStep) -> dict:
    """The finished step's timeliness for its log entry (the Phiếu kiểm soát prints early, on time or late)."""
    return {"step_timeliness": step.timeliness} if step.timeliness else {}


def _finish_step(step: DossierStep, now: dt.datetime) -> bool | None:
    """Close ``step`` now: early, on time or late against its own deadline (None: it had none)."""
    step.finished_at = now
    on_time = None
    if step.due_at:
        step.timeliness = dossier_clock.step_timeliness(step.due_at, now)
        on_time = step.timeliness != "late"
    step.save(update_fields=["finished_at", "timeliness"])
    return on_time


def _start_step(
    dossier: Dossier, step: DossierStep, now: dt.datetime, planned: list[DossierStep] | None = None
) -> DossierStep:
    """Start ``step`` now: its deadline from its share, its handler if the step says who (``routing.route``).
    A leader's "Phân công thụ lý" step is done by the unit's rule when the next step's unit assigns automatically:
    it ends at once and the next step starts with the specialist the rule chose (the step actually started is
    returned). ``planned``: the steps after ``step`` not saved yet (at transfer)."""
    step.started_at = now
    step.due_at = routing.step_due(dossier, step, now)
    routing.route(step, now)
    step.save()
    dossier.current_step = step
    dossier.current_agency = step.agency
    dossier.current_handler = step.handler
    if routing.dispatches(step) and step.handler_id is None:
        following = planned[0] if planned else _next_planned(dossier, step)
        chosen = routing.auto_assignee(following.agency_id, timezone.localdate(now))
        if chosen is not None:
            _finish_step(step, now)
            following.handler_id = chosen
            return _start_step(dossier, following, now, planned[1:] if planned else None)
    return step


def _plan_steps(dossier: Dossier, now: dt.datetime) -> list[DossierStep]:
    """The dossier's steps from its internal process (``routing.plan_steps``)."""
    return routing.plan_steps(dossier, now)


def _require_completer(actor, dossier: Dossier, step: DossierStep, now: dt.datetime, access) -> None:
    if not routing.may_complete(actor, step, access or permissions.Access.of(actor, now)):
        raise TransitionError(
            "forbidden",
            _(
                "T6: bước “%(step)s” đã được giao cho người khác hoặc đang chờ phân công; chỉ người được phân công "
                "hoặc lãnh đạo đơn vị mới hoàn thành được bước này."
            )
            % {"step": step.name},
            rule="T6",
        )


def _effect_submit_online(dossier, transition, actor, inputs, now):
    dossier.submitted_at = dossier.submitted_at or now
    dossier.reception_due_at = dossier_clock.reception_due(
        dossier_clock.engine_for(dossier), dossier.submitted_at
    )
    dossier.current_agency = dossier.receiving_agency
    return "Nộp trực tuyến", {"reference": dossier.reference}, dossier.reception_due_at, None


def _effect_receive(dossier, transition, actor, inputs, now):
    dossier.submitted_at = dossier.submitted_at or now
    dossier.current_agency = dossier.receiving_agency
    _start_clock(dossier, now)
    data = {"code": dossier.code, "due_at": dossier.due_at.isoformat() if dossier.due_at else None}
    return "Tiếp nhận hồ sơ, cấp mã " + dossier.code, data, None, None


def _effect_accept(dossier, transition, actor, inputs, now):
    on_time = now <= dossier.reception_due_at if dossier.reception_due_at else None
    dossier.supplement_state = ""
    _start_clock(dossier, now)
    data = {"code": dossier.code, "due_at": dossier.due_at.isoformat() if dossier.due_at else None}
    return "Tiếp nhận hồ sơ trực tuyến, cấp mã " + dossier.code, data, dossier.reception_due_at, on_time


def _effect_refuse(dossier, transition, actor, inputs, now):
    dossier.submitted_at = dossier.submitted_at or now
    dossier.current_agency = dossier.current_agency_id and dossier.current_agency or dossier.receiving_agency
    _close(dossier, now)
    return _reason(inputs), {}, None, None


def _effect_request_completion(dossier, transition, actor, inputs, now):
    dossier.supplement_state = "Yêu cầu một cửa bổ sung"
    return _reason(inputs), {"items": inputs.get("items", [])}, None, None


def _effect_resubmit(dossier, transition, actor, inputs, now):
    dossier.supplement_state = "Công dân đã gửi bổ sung"
    return str(inputs.get("note", "")), {}, None, None


def _effect_submit_supplement(dossier, transition, actor, inputs, now):
    dossier.supplement_state = "Công dân đã gửi bổ sung trực tuyến"
    return str(inputs.get("note", "")).strip(), {"files": list(inputs.get("files", []))}, None, None


def _effect_request_withdrawal(dossier, transition, actor, inputs, now):
    if dossier.withdrawal_requested_at is not None:
        raise TransitionError(
            "conflict",
            _("T11: đã có đề nghị rút hồ sơ này, đang chờ bộ phận một cửa xác nhận."),
            rule="T11",
        )
    dossier.withdrawal_requested_at = now
    return _reason(inputs), {}, None, None


def _effect_pay_online(dossier, transition, actor, inputs, now):
    try:
        amount = int(inputs.get("amount"))
    except (TypeError, ValueError):
        amount = 0
    if amount <= 0:
        raise TransitionError(
            "invalid_input", _("Số tiền thanh toán phải là số đồng dương."), rule="7.2", field="amount"
        )
    dossier.paid_online_at = now
    dossier.paid_online_amount = (dossier.paid_online_amount or 0) + amount
    data = {
        "amount": amount,
        "transaction": str(inputs.get("transaction")),
        "gateway": str(inputs.get("gateway", "")),
    }
    note = "Thanh toán trực tuyến %s đồng, mã giao dịch %s" % (
        f"{amount:,}".replace(",", "."),
        data["transaction"],
    )
    return note, data, None, None


def _effect_transfer(dossier, transition, actor, inputs, now):
    if identifier := inputs.get("agency"):
        agency = org_services.agency_on(str(identifier), timezone.localdate(now))
        if agency is None:
            raise TransitionError(
                "invalid_input",
                _("T5: không có cơ quan mã định danh “%(identifier)s”.") % {"identifier": identifier},
                rule="T5",
                field="agency",
            )
        dossier.handling_agency = agency
    steps = _plan_steps(dossier, now)
    first = _start_step(dossier, steps[0], now, steps[1:])
    for step in steps[1:]:
        if step.pk is None:
            step.save()
    data = {"agency": dossier.handling_agency.identifier}
    if dossier.process is not None:
        data["process"] = {
            "number": dossier.process.number,
            "decision": dossier.process.decision_number,
            "level": dossier.process.level,
        }
    return f"Chuyển đến {dossier.handling_agency}", data, first.due_at, None


def _current_step(dossier) -> DossierStep:
    step = dossier.current_step
    if step is None or step.finished_at is not None:
        raise TransitionError("conflict", _("Hồ sơ không có bước xử lý đang mở."), rule="T6")
    return step


def _user(value, field: str):
    User = get_user_model()
    user = (
        value
        if isinstance(value, User)
        else User.objects.filter(pk=value).first()
        if str(value).isascii() and str(value).isdigit()
        else User.objects.filter(username=value).first()
    )
    if user is None:
        raise TransitionError(
            "invalid_input", _("Không có cán bộ “%(user)s”.") % {"user": value}, rule="T6", field=field
        )
    return user


def _check_processor(handler, unit, now) -> None:
    if not permissions.roles_in(handler, unit, now) & lifecycle.PROCESSORS:
        raise TransitionError(
            "invalid_input",
            _("T6: %(person)s không có vai trò xử lý tại %(agency)s.")
            % {"person": _person(handler), "agency": unit},
            rule="T6",
            field="handler",
        )


def _effect_assign(dossier, transition, actor, inputs, now):
    step = _current_step(dossier)
    handler = _user(inputs["handler"], "handler")
    if routing.dispatches(step):
        # "Phân công thụ lý" is a step of its own: assigning completes it and starts the next with the handler
        following = _next_planned(dossier, step)
        _check_processor(handler, following.agency, now)
        _claim(step, actor)
        on_time = _finish_step(step, now)
        following.handler = handler
        _start_step(dossier, following, now)
        return (
            f"Phân công {_person(handler)}: {following.name}",
            {"handler": handler.pk, "step": following.order, **_judged(step)},
            step.due_at,
            on_time,
        )
    _check_processor(handler, dossier.current_agency, now)
    step.handler = handler
    step.save(update_fields=["handler"])
    dossier.current_handler = handler
    return (
        f"Phân công {_person(handler)}: {step.name}",
        {"handler": handler.pk, "step": step.order},
        step.due_at,
        None,
    )


def _effect_forward(dossier, transition, actor, inputs, now):
    step = _current_step(dossier)
    if step.kind == StepKind.PARTNER:
        raise TransitionError(
            "conflict", _("Hồ sơ đang ở cơ quan phối hợp: dùng “trả kết quả liên thông”."), rule="T6"
        )
    if step.needs_signature:
        raise TransitionError(
            "conflict", _("Bước này là bước ký duyệt: lãnh đạo ký duyệt hoặc trả lại."), rule="T6"
        )
    if step.role == Role.CLERK:
        raise TransitionError(
            "conflict", _("Bước này là bước phát hành: văn thư vào số, phát hành kết quả."), rule="T6"
        )
    _claim(step, actor)
    on_time = _finish_step(step, now)
    following = _start_next(dossier, step, inputs, now)
    note = f"Hoàn thành “{step.name}”, chuyển “{following.name}”"
    return note, {"step": step.order, **_judged(step)}, step.due_at, on_time


def _next_planned(dossier, step: DossierStep) -> DossierStep:
    """The step after ``step`` (unsaved if new): the next planned one, else the clerk's issuing step."""
    following = (
        dossier.steps.filter(started_at__isnull=True, finished_at__isnull=True, kind__in=StepKind.values)
        .order_by("order", "id")
        .first()
    )
    return following if following is not None else routing.issue_step(dossier, step.order + 1)


def _start_next(dossier, step: DossierStep, inputs, now) -> DossierStep:
    """Start the step after ``step`` (with the handler named in ``inputs``, if any)."""
    following = _next_planned(dossier, step)
    if handler := inputs.get("handler"):
        following.handler = _user(handler, "handler")
    return _start_step(dossier, following, now)


def _effect_approve(dossier, transition, actor, inputs, now):
    step = _current_step(dossier)
    if not step.needs_signature:
        raise TransitionError("conflict", _("Bước hiện tại không phải bước ký duyệt."), rule="T6")
    _claim(step, actor)
    step.signed_by = actor if getattr(actor, "pk", None) else None
    step.signed_at = now
    step.save(update_fields=["signed_by", "signed_at"])
    on_time = _finish_step(step, now)
    following = _start_next(dossier, step, inputs, now)
    comment = str(inputs.get("note") or "").strip()
    note = f"Ký duyệt “{step.name}”, chuyển “{following.name}”" + (f": {comment}" if comment else "")
    return (
        note,
        {"step": step.order, "signer": _person(actor), "signed_at": now.isoformat(), **_judged(step)},
        step.due_at,
        on_time,
    )


def _again(dossier: Dossier, step: DossierStep) -> DossierStep:
    """A new (unsaved) step that does ``step`` over: same place in the process, unit, role, handler and limit."""
    return DossierStep(
        dossier=dossier,
        order=step.order,
        name=step.name,
        agency=step.agency,
        role=step.role,
        handler=step.handler,
        limit_amount=step.limit_amount,
        limit_unit=step.limit_unit,
        process_step=step.process_step,
        needs_signature=step.needs_signature,
        queue=step.queue,
    )


def _effect_send_back(dossier, transition, actor, inputs, now):
    step = _current_step(dossier)
    if step.kind == StepKind.PARTNER:
        raise TransitionError(
            "conflict", _("Hồ sơ đang ở cơ quan phối hợp: dùng “trả kết quả liên thông”."), rule="T6"
        )
    done = dossier.steps.filter(finished_at__isnull=False, order__lt=step.order, kind=StepKind.INTERNAL)
    allowed = list(step.process_step.send_back_to or []) if step.process_step_id else []
    wanted = inputs.get("to_step")
    if wanted not in (None, ""):
        try:
            wanted = int(wanted)
        except (TypeError, ValueError):
            wanted = -1
        if wanted not in (allowed or [s.order for s in done]):
            raise TransitionError(
                "invalid_input",
                _("Bước này không được trả lại về bước %(target)s.") % {"target": inputs.get("to_step")},
                rule="T6",
                field="to_step",
            )
        done = done.filter(order=wanted)
    elif allowed:
        done = done.filter(order=max(allowed))
    previous = done.order_by("-order", "-id").first()
    if previous is None and wanted not in (None, ""):
        raise TransitionError(
            "invalid_input",
            _("Bước %(target)s chưa được thực hiện: không trả lại về bước này được.") % {"target": wanted},
            rule="T6",
            field="to_step",
        )
    if previous is None:
        raise TransitionError(
            "conflict", _("Đây là bước đầu tiên: không có bước trước để trả lại."), rule="T6"
        )
    _finish_step(step, now)
    redo = _again(dossier, previous)
    redo.sent_back = True
    _start_step(dossier, redo, now)
    # the steps between the target and this one are done over after it, by the same people
    for between in dossier.steps.filter(
        finished_at__isnull=False, order__gt=previous.order, order__lt=step.order, kind=StepKind.INTERNAL
    ).order_by("-id"):
        if not dossier.steps.filter(order=between.order, started_at__isnull=True).exists():
            _again(dossier, between).save()
    again = _again(dossier, step)
    again.save()
    return _reason(inputs), {"from_step": step.order, "to_step": previous.order}, step.due_at, None


def _effect_consult_partner(dossier, transition, actor, inputs, now):
    if _at_partner(dossier):
        raise TransitionError(
            "conflict",
            _("Hồ sơ đang ở cơ quan phối hợp: chờ cơ quan phối hợp trả kết quả liên thông."),
            rule="T6",
        )
    partner = org_services.agency_on(str(inputs["partner"]), timezone.localdate(now))
    if partner is None:
        raise TransitionError(
            "invalid_input",
            _("Không có cơ quan phối hợp “%(partner)s”.") % {"partner": inputs["partner"]},
            rule="T6",
            field="partner",
        )
    try:
        share = Decimal(str(inputs["share_amount"]))
    except (InvalidOperation, ValueError):
        raise TransitionError(
            "invalid_input", _("Thời gian liên thông phải là một số."), rule="T6", field="share_amount"
        ) from None
    unit = inputs.get("share_unit") or LimitUnit.WORKING_DAYS
    if share <= 0 or unit not in LimitUnit.values:
        raise TransitionError(
            "invalid_input",
            _("Thời gian liên thông phải dương, với đơn vị hợp lệ."),
            rule="T6",
            field="share_amount",
        )
    current = dossier.current_step
    order = current.order if current else 0
    step = DossierStep(
        dossier=dossier,
        order=order,
        kind=StepKind.PARTNER,
        agency=partner,
        role=Role.SPECIALIST,
        queue=WorkQueue.ASSIGN,
        name=str(inputs.get("task") or f"Liên thông: {partner}"),
        limit_amount=share,
        limit_unit=unit,
    )
    _start_step(dossier, step, now)
    return (
        f"Chuyển liên thông đến {partner}",
        {"partner": partner.identifier, "share": str(share), "unit": unit},
        step.due_at,
        None,
    )


def _effect_return_from_partner(dossier, transition, actor, inputs, now):
    step = _current_step(dossier)
    if step.kind != StepKind.PARTNER:
        raise TransitionError("conflict", _("Hồ sơ không ở cơ quan phối hợp."), rule="T6")
    on_time = _finish_step(step, now)
    resume = (
        dossier.steps.filter(kind=StepKind.INTERNAL, started_at__isnull=False, finished_at__isnull=True)
        .order_by("-order", "-id")
        .first()
    )
    if resume is None:  # a partner step of the approved process: the process goes on
        _start_next(dossier, step, inputs, now)
    else:
        dossier.current_agency = dossier.handling_agency
        dossier.current_step = resume
        dossier.current_handler = resume.handler
    return (
        str(inputs.get("note") or f"{step.agency} trả kết quả liên thông"),
        {"partner": step.agency.identifier, **_judged(step)},
        step.due_at,
        on_time,
    )


def _open_pause(dossier, reason: str, mode: str, inputs, now) -> DossierPause:
    dossier.has_pauses = True
    return DossierPause.objects.create(
        dossier=dossier,
        reason=reason,
        mode=mode,
        agency=dossier.current_agency,
        started_at=now,
        note=_reason(inputs),
    )


def _effect_request_supplement(dossier, transition, actor, inputs, now):
    if dossier.pauses.filter(reason=PauseReason.SUPPLEMENT, agency=dossier.current_agency).exists():
        raise TransitionError(
            "conflict",
            _(
                "T7: %(agency)s đã yêu cầu bổ sung hồ sơ này một lần; "
                "mỗi cơ quan chỉ được yêu cầu bổ sung một lần."
            )
            % {"agency": dossier.current_agency},
            rule="T7",
        )
    mode = dossier_clock.pause_mode_for(PauseReason.SUPPLEMENT, dossier.pause_mode)
    _open_pause(dossier, PauseReason.SUPPLEMENT, mode, inputs, now)
    dossier.supplement_state = "Yêu cầu công dân bổ sung"
    dossier_clock.refresh_due(dossier, now)
    return _reason(inputs), {"items": inputs.get("items", []), "mode": dossier.pause_mode}, None, None


def _resume(dossier, reason: str, now) -> DossierPause:
    pause = dossier.pauses.filter(reason=reason, ended_at__isnull=True).order_by("-started_at").first()
    if pause is None:
        raise TransitionError("conflict", _("Không có yêu cầu đang chờ để kết thúc."), rule="T8")
    pause.ended_at = now
    pause.save(update_fields=["ended_at"])
    dossier_clock.refresh_due(dossier, now)
    # the open step's deadline moves by the pause, as the dossier's does
    step = _open_step(dossier)
    if step is not None and step.due_at is not None:
        step.due_at = routing.step_due(dossier, step, now)
        step.save(update_fields=["due_at"])
    return pause


def _effect_receive_supplement(dossier, transition, actor, inputs, now):
    pause = _resume(dossier, PauseReason.SUPPLEMENT, now)
    dossier.supplement_state = "Hoàn thành bổ sung"
    if pause.mode == PauseMode.RESTART:
        # the whole limit runs again from now, and the work starts again at the first step
        for step in dossier.steps.filter(finished_at__isnull=True):
            _finish_step(step, now)
        steps = _plan_steps(dossier, now)
        _start_step(dossier, steps[0], now, steps[1:])
        for step in steps[1:]:
            if step.pk is None:
                step.save()
    return str(inputs.get("note", "Tiếp nhận hồ sơ bổ sung")), {"mode": pause.mode}, None, None


def _effect_request_payment(dossier, transition, actor, inputs, now):
    mode = dossier_clock.pause_mode_for(PauseReason.FINANCIAL_OBLIGATION, dossier.pause_mode)
    _open_pause(dossier, PauseReason.FINANCIAL_OBLIGATION, mode, inputs, now)
    dossier_clock.refresh_due(dossier, now)
    return _reason(inputs), {"amount": inputs.get("amount")}, None, None


def _effect_confirm_payment(dossier, transition, actor, inputs, now):
    _resume(dossier, PauseReason.FINANCIAL_OBLIGATION, now)
    return (
        str(inputs.get("note", "Đã thực hiện nghĩa vụ tài chính")),
        {"receipt": inputs.get("receipt", "")},
        None,
        None,
    )


def _effect_stop(dossier, transition, actor, inputs, now):
    _close(dossier, now)
    return _reason(inputs), {}, None, None


def _effect_withdraw(dossier, transition, actor, inputs, now):
    _close(dossier, now)
    return (
        _reason(inputs),
        {"requested_by": inputs.get("requested_by", ""), "fees": inputs.get("fees", "")},
        None,
        None,
    )


def _parse_moment(value, field: str, rule: str) -> dt.datetime:
    try:
        moment = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
    except ValueError:  # well-formed but impossible, e.g. 2026-02-30
        moment = None
    if moment is None:
        raise TransitionError(
            "invalid_input",
            _("%(rule)s: thời điểm “%(value)s” không hợp lệ (ISO 8601).") % {"rule": rule, "value": value},
            rule=rule,
            field=field,
        )
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _effect_apologize(dossier, transition, actor, inputs, now):
    new_due = _parse_moment(inputs["new_due_at"], "new_due_at", "T12")
    if dossier.due_at is None or new_due <= dossier.due_at:
        raise TransitionError(
            "invalid_input",
            _("T12: ngày hẹn mới phải sau ngày hẹn trả hiện tại."),
            rule="T12",
            field="new_due_at",
        )
    previous = dossier.due_at
    dossier.has_apologies = True
    Apology.objects.create(
        dossier=dossier,
        agency=dossier.handling_agency,
        previous_due_at=previous,
        new_due_at=new_due,
        reason=_reason(inputs),
        signer=str(inputs.get("signer", "")),
        created_at=now,
    )
    dossier_clock.refresh_due(dossier, now)
    return (
        _reason(inputs),
        {"previous_due_at": previous.isoformat(), "new_due_at": new_due.isoformat()},
        None,
        None,
    )


def _effect_finish(dossier, transition, actor, inputs, now):
    unsigned = dossier.steps.filter(needs_signature=True, finished_at__isnull=True).first()
    if unsigned is not None:
        raise TransitionError(
            "conflict",
            _("T13: kết quả chưa được ký duyệt (bước “%(step)s”); chưa phát hành được.")
            % {"step": unsigned.name},
            rule="T13",
        )
    signed_on = inputs["result_signed_on"]
    signed_on = signed_on if isinstance(signed_on, dt.date) else parse_date(str(signed_on))
    if signed_on is None or signed_on > timezone.localdate(now):
        raise TransitionError(
            "invalid_input",
            _("T13: ngày ký kết quả không hợp lệ hoặc ở tương lai."),
            rule="T13",
            field="result_signed_on",
        )
    issuing = _open_step(dossier)
    if issuing is not None and issuing.queue == WorkQueue.ISSUE:
        _claim(issuing, actor)
    DossierResult.objects.create(
        dossier=dossier,
        number=str(inputs["result_number"]),
        summary=str(inputs["result_summary"]),
        signer=str(inputs["result_signer"]),
        signed_on=signed_on,
        result_code=str(inputs.get("result_code", "")),
        issuing_agency=dossier.handling_agency,
    )
    dossier.finished_at = now
    dossier.timeliness = dossier_clock.timeliness(dossier, now)
    _close(dossier, now)
    dossier.current_agency = dossier.receiving_agency
    return (
        f"Có kết quả: {inputs['result_number']}",
        {"timeliness": dossier.timeliness},
        dossier.original_due_at,
        (dossier.timeliness != "late") if dossier.timeliness else None,
    )


def _effect_return_result(dossier, transition, actor, inputs, now):
    method = inputs.get("method") or dossier.result_delivery
    dossier.returned_at = now
    return (
        str(inputs.get("note", "Trả kết quả")),
        {"method": method, "receiver": inputs.get("receiver", "")},
        None,
        None,
    )


def _effect_reassign_agency(dossier, transition, actor, inputs, now):
    new_agency = org_services.agency_on(str(inputs["new_agency"]), timezone.localdate(now))
    if new_agency is None:
        raise TransitionError(
            "invalid_input",
            _("Không có cơ quan “%(agency)s” vào ngày này.") % {"agency": inputs["new_agency"]},
            rule="9.2",
            field="new_agency",
        )
    old = dossier.handling_agency
    dossier.handling_agency = new_agency
    if dossier.current_agency_id == old.pk:
        dossier.current_agency = new_agency
        for step in dossier.steps.filter(finished_at__isnull=True, agency=old):
            step.agency = new_agency
            step.save(update_fields=["agency"])
    return (
        f"Chuyển từ {old} sang {new_agency}",
        {"from": old.identifier, "to": new_agency.identifier, "legal_basis": str(inputs["legal_basis"])},
        None,
        None,
    )


EFFECTS = {
    "submit_online": _effect_submit_online,
    "receive": _effect_receive,
    "refuse_at_counter": _effect_refuse,
    "accept": _effect_accept,
    "request_completion": _effect_request_completion,
    "resubmit": _effect_resubmit,
    "refuse": _effect_refuse,
    "transfer": _effect_transfer,
    "assign": _effect_assign,
    "forward": _effect_forward,
    "approve": _effect_approve,
    "send_back": _effect_send_back,
    "consult_partner": _effect_consult_partner,
    "return_from_partner": _effect_return_from_partner,
    "request_supplement": _effect_request_supplement,
    "submit_supplement": _effect_submit_supplement,
    "receive_supplement": _effect_receive_supplement,
    "request_payment": _effect_request_payment,
    "confirm_payment": _effect_confirm_payment,
    "stop": _effect_stop,
    "request_withdrawal": _effect_request_withdrawal,
    "pay_online": _effect_pay_online,
    "withdraw": _effect_withdraw,
    "apologize": _effect_apologize,
    "finish": _effect_finish,
    "return_result": _effect_return_result,
    "reassign_agency": _effect_reassign_agency,
}
assert set(EFFECTS) == set(BY_ACTION), "every transition needs exactly one effect"

__all__ = ["EFFECTS", "Clock", "Outcome", "TransitionError", "allowed_actions", "apply", "may"]
