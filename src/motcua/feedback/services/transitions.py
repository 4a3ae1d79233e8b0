"""The one path that changes a feedback's status: :func:`apply` a row of ``feedback.lifecycle.TRANSITIONS``
(including the intake of a PAKN, ``receive``, and the record of a complaint or denunciation, ``redirect``).

It locks the row, refuses a stale page, checks the source status, the actor's role in the handling unit (or the
sender's pseudo-role), the required inputs, runs the action's effect, appends one log entry with the step's
deadline and whether it was met, and — after the commit — sends ``feedback_transitioned``. A refusal raises
:class:`FeedbackError` naming the rule; nothing is written then. The row lookups and the refusals of the wrong
state and of a missing input are the shared ones of ``motcua.core.workflow``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core import workflow
from motcua.core.rules import RuleError
from motcua.core.text import fold
from motcua.core.workflow import require_inputs
from motcua.feedback import lifecycle
from motcua.feedback.choices import Channel, Classification, Reaction
from motcua.feedback.lifecycle import PUBLIC, SENDER, TABLE, Transition
from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.models.log import seal_legacy_entries, seal_row
from motcua.feedback.services import complaints, deadlines
from motcua.feedback.services.codes import new_code
from motcua.feedback.signals import Transitioned, feedback_transitioned
from motcua.org import permissions
from motcua.org.models import Agency
from motcua.org.roles import Role

ROLE_PRIORITY = [Role.AGENCY_LEAD, Role.PAKN_OFFICER, SENDER, PUBLIC]

INPUT_LABELS = {
    "classification": gettext_lazy("phân loại"),
    "reason": gettext_lazy("lý do"),
    "request": gettext_lazy("nội dung cần bổ sung"),
    "content": gettext_lazy("nội dung bổ sung"),
    "agency": gettext_lazy("đơn vị nhận"),
    "answer": gettext_lazy("nội dung trả lời"),
    "public_question": gettext_lazy("nội dung công khai"),
    "public_title": gettext_lazy("tiêu đề công khai"),
    "reaction": gettext_lazy("ý kiến"),
}


class FeedbackError(RuleError):
    """A refused action or input (see :class:`RuleError`); ``errors``: field → message for form input."""

    def __init__(
        self, kind: str, message: str, *, rule: str = "", field: str = "", errors: dict | None = None
    ):
        super().__init__(kind, message, rule=rule, field=field)
        self.errors = errors or ({field: message} if field else {})


class Outcome(workflow.Outcome[Feedback, Transition]):
    """The applied row's outcome (``motcua.core.workflow.Outcome``); ``feedback``: its item."""

    @property
    def feedback(self) -> Feedback:
        return self.item


def transition_for(action: str) -> Transition:
    return TABLE.row(action, FeedbackError)


def acting_role(
    user,
    feedback: Feedback,
    transition: Transition,
    at: dt.datetime,
    access: permissions.Access | None = None,
    as_sender: bool = False,
) -> str | None:
    """The role in which ``user`` may perform ``transition`` on ``feedback`` now, or None. ``as_sender``: the
    visitor proved to be the sender (code and check value) on this request."""
    allowed: set[str] = set()
    if transition.roles - {SENDER, PUBLIC}:
        access = access or permissions.Access.of(user, at)
        unit = feedback.receiving_agency_id if feedback.pk is None else feedback.handling_agency_id
        allowed |= access.roles_in(unit) & transition.roles
    if SENDER in transition.roles and feedback.pk is not None:
        own_account = getattr(user, "pk", None) is not None and feedback.account_id == user.pk
        if own_account or as_sender:
            allowed.add(SENDER)
    if PUBLIC in transition.roles and feedback.pk is None and feedback.channel == Channel.PORTAL:
        allowed.add(PUBLIC)
    return next((r for r in ROLE_PRIORITY if r in allowed), None)


def allowed_actions(
    user, feedback: Feedback, at: dt.datetime | None = None, access: permissions.Access | None = None
) -> list[Transition]:
    """The officer actions ``user`` may take on ``feedback`` now (status and role; inputs not considered)."""
    at = at or timezone.now()
    access = access or permissions.Access.of(user, at)
    return [
        t
        for t in lifecycle.available(feedback.status)
        if t.roles - {SENDER, PUBLIC}
        and acting_role(user, feedback, t, at, access) in {Role.AGENCY_LEAD, Role.PAKN_OFFICER}
        and CONDITIONS.get(t.action, _always)(feedback)
    ]


def _always(feedback) -> bool:
    return True


CONDITIONS = {"reopen": lambda f: f.reaction == Reaction.DISAGREE}


def apply(
    feedback: Feedback | int | str,
    action: str,
    actor,
    *,
    inputs: dict | None = None,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
    access: permissions.Access | None = None,
    as_sender: bool = False,
) -> Outcome:
    transition = transition_for(action)
    inputs = dict(inputs or {})
    now = at or timezone.now()
    with transaction.atomic():
        locked, current = workflow.open_item(
            feedback, Feedback, _lock, transition, expected_version, _stale, FeedbackError
        )
        TABLE.check_state(transition, current, FeedbackError)
        agency = (
            locked.receiving_agency if locked.pk is None else locked.handling_agency
        )  # where the actor acts
        role = workflow.require_role(
            acting_role(actor, locked, transition, now, access, as_sender),
            transition,
            agency,
            FORBIDDEN,
            FeedbackError,
        )
        require_inputs(transition, inputs, INPUT_LABELS, FeedbackError)
        note, data, due_at, on_time = EFFECTS[transition.action](locked, transition, inputs, now)
        locked.status = transition.next_status(current)
        created = locked.pk is None
        if created:
            locked.version = 0
            locked.save()
        seq = locked.version + 1
        if seq > 1 and not locked.log_head:  # a log written before the key: its entries get their MACs first
            locked.log_head = seal_legacy_entries(locked.pk)
        entry = FeedbackLogEntry(
            feedback=locked,
            seq=seq,
            action=transition.action,
            from_status=current or "",
            to_status=locked.status,
            actor=actor if getattr(actor, "pk", None) else None,
            role=role,
            agency=agency,
            at=now,
            due_at=due_at,
            on_time=on_time,
            note=note,
            data=data,
        )
        entry.chain_to(locked.log_head)  # keyed, after the previous entry (motcua.core.logkeys)
        entry.save()
        locked.version, locked.log_head = seq, entry.hash
        seal_row(locked)
        locked.save()
        event = Transitioned(
            feedback_id=locked.pk,
            action=transition.action,
            from_status=current,
            to_status=locked.status,
            actor_id=getattr(actor, "pk", None),
            entry_id=entry.pk,
        )
        feedback_transitioned.publish([event])  # the receivers' jobs, in this transaction (the outbox)
    return Outcome(locked, entry, transition)


FORBIDDEN = gettext_lazy("%(rule)s “%(label)s”: bạn không có vai trò phù hợp tại %(agency)s.")


def _stale(feedback: Feedback, expected: int) -> str:
    return _(
        "Phản ánh %(code)s đã được cập nhật sau khi bạn mở trang; hãy tải lại trang trước khi thao tác."
    ) % {"code": feedback.code}


def _lock(feedback) -> Feedback:
    """The item, its row alone locked; read again when a concurrent winner moved it (a transfer changes its
    handling unit) while this waited (``motcua.core.workflow.lock_first``)."""
    query = Feedback.objects.select_for_update(of=("self",)).select_related(
        "receiving_agency", "handling_agency"
    )
    if isinstance(feedback, Feedback | int):
        found = workflow.lock_first(
            query, {"pk": feedback.pk if isinstance(feedback, Feedback) else feedback}
        )
        if found is None:
            raise Feedback.DoesNotExist(_("Không có phản ánh “%(code)s”.") % {"code": feedback})
        return found
    found = workflow.lock_first(query, {"code": feedback})
    if found is None:
        raise FeedbackError("not_found", _("Không có phản ánh “%(code)s”.") % {"code": feedback})
    return found


def _text(inputs: dict, name: str, limit: int = 10000) -> str:
    value = str(inputs.get(name) or "").strip()
    if len(value) > limit:
        raise FeedbackError(
            "invalid_input",
            _("%(input)s dài quá %(limit)s ký tự.") % {"input": INPUT_LABELS.get(name, name), "limit": limit},
            field=name,
        )
    return value


def _restart_clock(feedback: Feedback, now: dt.datetime) -> None:
    """Receipt, a transfer or a supplement: the answer is due ``answer`` working days later (SPEC §6.4)."""
    feedback.clock_start = now
    feedback.answer_due_at = deadlines.due("answer", now, feedback.handling_agency)
    feedback.deadline_at = feedback.answer_due_at


# --- effects: (feedback, transition, inputs, now) → (note, data, due_at, on_time) --------------------------------


def _receive(f, t, inputs, now):
    f.received_at = now
    f.code = new_code(f.receiving_agency, timezone.localdate(now))
    _restart_clock(f, now)
    return "", {"channel": f.channel}, f.answer_due_at, None


def _redirect(f, t, inputs, now):
    """A complaint or a denunciation: recorded (so the sender has a reference) with the explanation of where to
    send it (SPEC §6.1); closed at once, never published."""
    f.received_at = f.clock_start = f.closed_at = now
    f.code = new_code(f.receiving_agency, timezone.localdate(now))
    f.redirect_note = complaints.explanation(f.kind)
    return f.redirect_note, {}, None, None


def _classification(value) -> str:
    if value not in Classification.values:
        raise FeedbackError("invalid_input", _("Phân loại không hợp lệ."), rule="P2", field="classification")
    return value


def _classify(f, t, inputs, now):
    f.classification = _classification(inputs["classification"])
    return str(Classification(f.classification).label), {"classification": f.classification}, None, None


def _refuse(f, t, inputs, now):
    due = deadlines.due("refuse", f.clock_start, f.handling_agency)
    f.handled_at, f.handled_on_time, f.closed_at, f.deadline_at = now, now <= due, now, None
    return _text(inputs, "reason"), {}, due, now <= due


def _request_info(f, t, inputs, now):
    if f.log.filter(action="request_info").exists():
        raise FeedbackError(
            "conflict", _("P4: đã yêu cầu bổ sung một lần; chỉ yêu cầu bổ sung một lần."), rule=t.code
        )
    due = deadlines.due("request_info", f.clock_start, f.handling_agency)
    f.deadline_at = None  # waiting for the sender
    return _text(inputs, "request"), {}, due, now <= due


def _supplement(f, t, inputs, now):
    text = _text(inputs, "content")
    f.supplement = (f.supplement + "\n\n" + text).strip()
    _restart_clock(f, now)
    return text, {}, f.answer_due_at, None


def _transfer(f, t, inputs, now):
    value = inputs["agency"]
    target = (
        value
        if isinstance(value, Agency)
        else Agency.objects.filter(pk=value).first()
        if str(value).isascii() and str(value).isdigit()
        else Agency.objects.filter(identifier=str(value).strip()).first()
    )
    if target is None:
        raise FeedbackError("invalid_input", _("Không có đơn vị nhận này."), rule=t.code, field="agency")
    if target.pk == f.handling_agency_id:
        raise FeedbackError(
            "invalid_input",
            _("Phản ánh đang ở đơn vị này; hãy chọn đơn vị khác."),
            rule=t.code,
            field="agency",
        )
    previous = f.handling_agency
    f.handling_agency = target
    _restart_clock(f, now)
    return (
        _text(inputs, "reason"),
        {"from": previous.identifier, "to": target.identifier},
        f.answer_due_at,
        None,
    )


def _process(f, t, inputs, now):
    if inputs.get("classification"):
        f.classification = _classification(inputs["classification"])
    if not f.classification:
        raise FeedbackError(
            "missing_input",
            _("P7 “Tiếp nhận xử lý”: hãy phân loại phản ánh trước."),
            rule=t.code,
            field="classification",
        )
    return "", {}, f.answer_due_at, None


def _draft(f, t, inputs, now):
    f.answer = _text(inputs, "answer", 20000)
    return "", {}, f.answer_due_at, None


def _return_draft(f, t, inputs, now):
    return _text(inputs, "reason"), {}, f.answer_due_at, None


def _approve(f, t, inputs, now):
    due = f.answer_due_at
    f.handled_at, f.handled_on_time = now, due is None or now <= due
    f.publish_due_at = deadlines.due("publish", now, f.handling_agency)
    f.deadline_at = f.publish_due_at
    return "", {}, due, f.handled_on_time


def _publish(f, t, inputs, now):
    f.public_question = _text(inputs, "public_question", 20000)
    f.public_title = _text(inputs, "public_title", 250) or f.title
    due = f.publish_due_at
    on_time = due is None or now <= due
    if f.published_at is None:
        f.published_on_time = on_time
    f.published_at, f.is_public, f.closed_at, f.deadline_at = now, True, now, None
    f.search_text = fold(" ".join([f.public_title, f.public_question, f.answer]))
    return "", {}, due, on_time


def _react(f, t, inputs, now):
    if f.reaction:
        raise FeedbackError(
            "conflict", _("Bạn đã cho ý kiến về câu trả lời này."), rule=t.code, field="reaction"
        )
    if inputs["reaction"] not in Reaction.values:
        raise FeedbackError("invalid_input", _("Ý kiến không hợp lệ."), rule=t.code, field="reaction")
    f.reaction, f.reacted_at = inputs["reaction"], now
    return "", {"reaction": f.reaction}, None, None


def _reopen(f, t, inputs, now):
    if f.reaction != Reaction.DISAGREE:
        raise FeedbackError(
            "wrong_state", _("P13: chỉ xử lý lại khi người gửi không đồng ý với câu trả lời."), rule=t.code
        )
    f.is_public, f.closed_at = False, None
    _restart_clock(f, now)
    return _text(inputs, "reason"), {}, f.answer_due_at, None


EFFECTS = {
    "receive": _receive,
    "redirect": _redirect,
    "classify": _classify,
    "refuse": _refuse,
    "request_info": _request_info,
    "supplement": _supplement,
    "transfer": _transfer,
    "process": _process,
    "draft_answer": _draft,
    "return_draft": _return_draft,
    "approve": _approve,
    "publish": _publish,
    "react": _react,
    "reopen": _reopen,
}
assert set(EFFECTS) == set(TABLE.by_action), "every transition needs exactly one effect"
