"""The dossier lifecycle as one declared transition table (SPEC §1.5–1.6). Pure data: no Django models (labels
are lazy translations, read in the language of the request).

Every status change is one of these rows, applied by ``services.transitions.apply``: it checks the current status
against ``sources``, the actor's role in the unit named by ``scope``, the ``requires`` inputs, then runs the
action's effect, moves the clock as ``clock`` says and appends one entry to the process log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from motcua.org.roles import Role

# Status codes (motcua.dossiers.choices.Status), repeated as plain ints to keep this module free of Django.
NEW = None  # a dossier that does not exist yet (created by the transition)
SUBMITTED, ACCEPTED, REFUSED, PROCESSING, SUPPLEMENT, FINANCIAL, WITHDRAWN, STOPPED, FINISHED, RETURNED = (
    range(1, 11)
)


class Scope(StrEnum):
    """The unit in which the actor must hold one of the roles."""

    RECEIVING = "receiving"  # the one-stop counter that received the dossier
    CURRENT = "current"  # the unit where the dossier is now (the handling agency or a liên thông partner)
    HANDLING = "handling"  # the competent agency (or any of its subunits)
    ANY_OPEN = "any"  # an administrator of either side (bulk transfer after a reorganisation)


class Clock(StrEnum):
    NONE = "none"
    START = "start"  # appointment computed from the receipt time (§8.4)
    PAUSE = "pause"  # supplement or financial obligation (§8.5)
    RESUME = "resume"  # pause ends: the due date moves by the pause (or restarts, per procedure)
    EXTEND = "extend"  # apology with a new appointment; the original is kept for statistics
    STOP = "stop"  # finished, stopped, withdrawn: timeliness is decided


@dataclass(frozen=True)
class Transition:
    code: str  # T1…T14 of SPEC §1.6, for error messages
    action: str
    label: str  # lazy (gettext_lazy): use str(t.label) where a plain string is needed
    sources: frozenset[int | None]
    target: int | None  # None: the status does not change
    roles: frozenset[str]
    scope: Scope
    requires: tuple[str, ...] = ()
    clock: Clock = Clock.NONE
    form: str = ""  # the form this transition issues (TT 01/2018 numbering; documents issue)

    def next_status(self, current: int | None) -> int:
        return current if self.target is None else self.target


# Not an officer role: the account that submitted the dossier online (``Dossier.account``) acts as its applicant.
# It is held on that dossier only, never assigned in a unit (``services.transitions.acting_role``).
APPLICANT = "applicant"

COUNTER = {Role.COUNTER_OFFICER}
PROCESSORS = {Role.SPECIALIST, Role.DEPT_LEAD, Role.AGENCY_LEAD, Role.CLERK}
LEADS = {Role.DEPT_LEAD, Role.AGENCY_LEAD}
OPEN_STATES = frozenset({SUBMITTED, ACCEPTED, PROCESSING, SUPPLEMENT, FINANCIAL})

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "T1",
        "submit_online",
        _("Nộp hồ sơ trực tuyến"),
        frozenset({NEW}),
        SUBMITTED,
        frozenset(COUNTER | {Role.ADMIN, APPLICANT}),
        Scope.RECEIVING,
    ),
    Transition(
        "T2",
        "receive",
        _("Tiếp nhận tại bộ phận một cửa"),
        frozenset({NEW}),
        ACCEPTED,
        frozenset(COUNTER),
        Scope.RECEIVING,
        clock=Clock.START,
        form="01",
    ),
    Transition(
        "T4",
        "refuse_at_counter",
        _("Từ chối tiếp nhận tại bộ phận một cửa"),
        frozenset({NEW}),
        REFUSED,
        frozenset(COUNTER),
        Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
        form="03",
    ),
    Transition(
        "T2",
        "accept",
        _("Tiếp nhận hồ sơ"),
        frozenset({SUBMITTED}),
        ACCEPTED,
        frozenset(COUNTER),
        Scope.RECEIVING,
        clock=Clock.START,
        form="01",
    ),
    Transition(
        "T3",
        "request_completion",
        _("Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận"),
        frozenset({SUBMITTED}),
        None,
        frozenset(COUNTER),
        Scope.RECEIVING,
        requires=("reason",),
        form="02",
    ),
    Transition(
        "T3",
        "resubmit",
        _("Công dân nộp lại hồ sơ đã hoàn thiện"),
        frozenset({SUBMITTED}),
        None,
        frozenset(COUNTER | {Role.ADMIN, APPLICANT}),
        Scope.RECEIVING,
    ),
    Transition(
        "T4",
        "refuse",
        _("Từ chối tiếp nhận"),
        frozenset({SUBMITTED}),
        REFUSED,
        frozenset(COUNTER),
        Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
        form="03",
    ),
    Transition(
        "T5",
        "transfer",
        _("Chuyển hồ sơ đến cơ quan giải quyết"),
        frozenset({ACCEPTED}),
        PROCESSING,
        frozenset(COUNTER),
        Scope.RECEIVING,
        form="05",
    ),
    Transition(
        "T6",
        "assign",
        _("Phân công xử lý"),
        frozenset({PROCESSING}),
        None,
        frozenset(LEADS),
        Scope.CURRENT,
        requires=("handler",),
    ),
    Transition(
        "T6",
        "forward",
        _("Hoàn thành bước và chuyển bước tiếp theo"),
        frozenset({PROCESSING}),
        None,
        frozenset(PROCESSORS),
        Scope.CURRENT,
    ),
    Transition(
        "T6",
        "send_back",
        _("Trả lại bước trước"),
        frozenset({PROCESSING}),
        None,
        frozenset(PROCESSORS),
        Scope.CURRENT,
        requires=("reason",),
    ),
    Transition(
        "T6",
        "consult_partner",
        _("Chuyển liên thông sang cơ quan phối hợp"),
        frozenset({PROCESSING}),
        None,
        frozenset(PROCESSORS),
        Scope.CURRENT,
        requires=("partner", "share_amount"),
    ),
    Transition(
        "T6",
        "return_from_partner",
        _("Cơ quan phối hợp trả kết quả liên thông"),
        frozenset({PROCESSING}),
        None,
        frozenset(PROCESSORS),
        Scope.CURRENT,
    ),
    Transition(
        "T7",
        "request_supplement",
        _("Yêu cầu bổ sung hồ sơ trong quá trình giải quyết"),
        frozenset({PROCESSING}),
        SUPPLEMENT,
        frozenset(PROCESSORS),
        Scope.CURRENT,
        requires=("reason",),
        clock=Clock.PAUSE,
        form="02",
    ),
    Transition(
        "T8",
        "submit_supplement",
        _("Công dân gửi hồ sơ bổ sung trực tuyến"),
        frozenset({SUPPLEMENT}),
        None,
        frozenset({APPLICANT}),
        Scope.RECEIVING,
    ),
    Transition(
        "T8",
        "receive_supplement",
        _("Tiếp nhận hồ sơ bổ sung"),
        frozenset({SUPPLEMENT}),
        PROCESSING,
        frozenset(COUNTER),
        Scope.RECEIVING,
        clock=Clock.RESUME,
    ),
    Transition(
        "T9",
        "request_payment",
        _("Thông báo thực hiện nghĩa vụ tài chính"),
        frozenset({PROCESSING}),
        FINANCIAL,
        frozenset(PROCESSORS | {Role.CASHIER}),
        Scope.CURRENT,
        requires=("reason",),
        clock=Clock.PAUSE,
    ),
    Transition(
        "T9",
        "confirm_payment",
        _("Xác nhận đã thực hiện nghĩa vụ tài chính"),
        frozenset({FINANCIAL}),
        PROCESSING,
        frozenset(PROCESSORS | {Role.CASHIER}),
        Scope.HANDLING,
        clock=Clock.RESUME,
    ),
    Transition(
        "T10",
        "stop",
        _("Dừng xử lý hồ sơ"),
        frozenset({PROCESSING}),
        STOPPED,
        frozenset({Role.AGENCY_LEAD}),
        Scope.HANDLING,
        requires=("reason",),
        clock=Clock.STOP,
        form="05-TT03",
    ),
    Transition(
        "T11",
        "request_withdrawal",
        _("Công dân đề nghị rút hồ sơ"),
        OPEN_STATES,
        None,
        frozenset({APPLICANT}),
        Scope.RECEIVING,
        requires=("reason",),
    ),
    Transition(
        "7.2",
        "pay_online",
        _("Thanh toán phí, lệ phí trực tuyến"),
        OPEN_STATES,
        None,
        frozenset({APPLICANT}),
        Scope.RECEIVING,
        requires=("amount", "transaction"),
    ),
    Transition(
        "T11",
        "withdraw",
        _("Rút hồ sơ theo đề nghị của công dân"),
        OPEN_STATES,
        WITHDRAWN,
        frozenset(COUNTER),
        Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
    ),
    Transition(
        "T12",
        "apologize",
        _("Xin lỗi và hẹn lại ngày trả kết quả"),
        frozenset({PROCESSING}),
        None,
        frozenset({Role.AGENCY_LEAD}),
        Scope.HANDLING,
        requires=("reason", "new_due_at"),
        clock=Clock.EXTEND,
        form="04",
    ),
    Transition(
        "T13",
        "finish",
        _("Hoàn thành giải quyết, có kết quả"),
        frozenset({PROCESSING}),
        FINISHED,
        frozenset({Role.AGENCY_LEAD, Role.CLERK}),
        Scope.HANDLING,
        requires=("result_number", "result_summary", "result_signer", "result_signed_on"),
        clock=Clock.STOP,
    ),
    Transition(
        "T14",
        "return_result",
        _("Trả kết quả cho công dân"),
        frozenset({FINISHED}),
        RETURNED,
        frozenset(COUNTER),
        Scope.RECEIVING,
    ),
    Transition(
        "9.2",
        "reassign_agency",
        _("Chuyển hồ sơ sang cơ quan kế thừa (sắp xếp tổ chức)"),
        # every open dossier, including online ones still waiting for reception (their competent body changes)
        frozenset({SUBMITTED, ACCEPTED, PROCESSING, SUPPLEMENT, FINANCIAL}),
        None,
        frozenset({Role.ADMIN}),
        Scope.ANY_OPEN,
        requires=("new_agency", "legal_basis"),
    ),
)

BY_ACTION: dict[str, Transition] = {t.action: t for t in TRANSITIONS}
assert len(BY_ACTION) == len(TRANSITIONS), "duplicate action in the transition table"


def role_label(role: str) -> str:
    """The name of the role an entry of the process log was written in (an officer role or the applicant)."""
    if role == APPLICANT:
        return str(_("Người nộp hồ sơ"))
    try:
        return str(Role(role).label)
    except ValueError:
        return role or ""


def available(status: int | None) -> list[Transition]:
    """The transitions whose source includes ``status`` (roles and scope not considered)."""
    return [t for t in TRANSITIONS if status in t.sources]
