"""The dossier lifecycle as one declared transition table (SPEC §1.5–1.6): data, on the shared skeleton of
``motcua.core.workflow`` (the row type, the lookups, the refusals). It imports no model and reads no database: the
statuses are the ``Status`` choices (a Django ``IntegerChoices``) of ``motcua.dossiers.choices``, the roles
``motcua.org.roles.Role``, the labels and messages lazy translations (read in the language of the request).

Every status change is one of these rows, applied by ``services.transitions.apply``: it checks the current status
against ``sources``, the actor's role in the unit named by ``scope``, the ``requires`` inputs, then runs the
action's effect, moves the clock as ``clock`` says and appends one entry to the process log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core import workflow
from motcua.core.workflow import NEW
from motcua.dossiers.choices import Status
from motcua.org.roles import Role


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


@dataclass(frozen=True, kw_only=True)
class Transition(workflow.Transition):
    """A row (``code``: T1…T14 of SPEC §1.6, or the SPEC section), with the dossier's own columns."""

    scope: Scope
    clock: Clock = Clock.NONE
    form: str = ""  # the form this transition issues (TT 01/2018 numbering; documents issue)


# Not an officer role: the account that submitted the dossier online (``Dossier.account``) acts as its applicant.
# It is held on that dossier only, never assigned in a unit (``services.transitions.acting_role``).
APPLICANT = "applicant"

COUNTER = {Role.COUNTER_OFFICER}
PROCESSORS = {Role.SPECIALIST, Role.DEPT_LEAD, Role.AGENCY_LEAD, Role.CLERK}
LEADS = {Role.DEPT_LEAD, Role.AGENCY_LEAD}
OPEN_STATES = frozenset(
    {
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.PROCESSING,
        Status.SUPPLEMENT_REQUESTED,
        Status.FINANCIAL_OBLIGATION,
    }
)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "T1",
        "submit_online",
        _("Nộp hồ sơ trực tuyến"),
        frozenset({NEW}),
        Status.SUBMITTED,
        frozenset(COUNTER | {Role.ADMIN, APPLICANT}),
        scope=Scope.RECEIVING,
    ),
    Transition(
        "T2",
        "receive",
        _("Tiếp nhận tại bộ phận một cửa"),
        frozenset({NEW}),
        Status.ACCEPTED,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        clock=Clock.START,
        form="01",
    ),
    Transition(
        "T4",
        "refuse_at_counter",
        _("Từ chối tiếp nhận tại bộ phận một cửa"),
        frozenset({NEW}),
        Status.REFUSED,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
        form="03",
    ),
    Transition(
        "T2",
        "accept",
        _("Tiếp nhận hồ sơ"),
        frozenset({Status.SUBMITTED}),
        Status.ACCEPTED,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        clock=Clock.START,
        form="01",
    ),
    Transition(
        "T3",
        "request_completion",
        _("Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận"),
        frozenset({Status.SUBMITTED}),
        None,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        requires=("reason",),
        form="02",
    ),
    Transition(
        "T3",
        "resubmit",
        _("Công dân nộp lại hồ sơ đã hoàn thiện"),
        frozenset({Status.SUBMITTED}),
        None,
        frozenset(COUNTER | {Role.ADMIN, APPLICANT}),
        scope=Scope.RECEIVING,
    ),
    Transition(
        "T4",
        "refuse",
        _("Từ chối tiếp nhận"),
        frozenset({Status.SUBMITTED}),
        Status.REFUSED,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
        form="03",
    ),
    Transition(
        "T5",
        "transfer",
        _("Chuyển hồ sơ đến cơ quan giải quyết"),
        frozenset({Status.ACCEPTED}),
        Status.PROCESSING,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        form="05",
    ),
    Transition(
        "T6",
        "assign",
        _("Phân công xử lý"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(LEADS),
        scope=Scope.CURRENT,
        requires=("handler",),
    ),
    Transition(
        "T6",
        "forward",
        _("Hoàn thành bước và chuyển bước tiếp theo"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(PROCESSORS),
        scope=Scope.CURRENT,
    ),
    Transition(
        "T6",
        "approve",
        _("Ký duyệt kết quả"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(LEADS),
        scope=Scope.CURRENT,
    ),
    Transition(
        "T6",
        "send_back",
        _("Trả lại bước trước"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(PROCESSORS),
        scope=Scope.CURRENT,
        requires=("reason",),
    ),
    Transition(
        "T6",
        "consult_partner",
        _("Chuyển liên thông sang cơ quan phối hợp"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(PROCESSORS),
        scope=Scope.CURRENT,
        requires=("partner", "share_amount"),
    ),
    Transition(
        "T6",
        "return_from_partner",
        _("Cơ quan phối hợp trả kết quả liên thông"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset(PROCESSORS),
        scope=Scope.CURRENT,
    ),
    Transition(
        "T7",
        "request_supplement",
        _("Yêu cầu bổ sung hồ sơ trong quá trình giải quyết"),
        frozenset({Status.PROCESSING}),
        Status.SUPPLEMENT_REQUESTED,
        frozenset(PROCESSORS),
        scope=Scope.CURRENT,
        requires=("reason",),
        clock=Clock.PAUSE,
        form="02",
    ),
    Transition(
        "T8",
        "submit_supplement",
        _("Công dân gửi hồ sơ bổ sung trực tuyến"),
        frozenset({Status.SUPPLEMENT_REQUESTED}),
        None,
        frozenset({APPLICANT}),
        scope=Scope.RECEIVING,
    ),
    Transition(
        "T8",
        "receive_supplement",
        _("Tiếp nhận hồ sơ bổ sung"),
        frozenset({Status.SUPPLEMENT_REQUESTED}),
        Status.PROCESSING,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        clock=Clock.RESUME,
    ),
    Transition(
        "T9",
        "request_payment",
        _("Thông báo thực hiện nghĩa vụ tài chính"),
        frozenset({Status.PROCESSING}),
        Status.FINANCIAL_OBLIGATION,
        frozenset(PROCESSORS | {Role.CASHIER}),
        scope=Scope.CURRENT,
        requires=("reason",),
        clock=Clock.PAUSE,
    ),
    Transition(
        "T9",
        "confirm_payment",
        _("Xác nhận đã thực hiện nghĩa vụ tài chính"),
        frozenset({Status.FINANCIAL_OBLIGATION}),
        Status.PROCESSING,
        frozenset(PROCESSORS | {Role.CASHIER}),
        scope=Scope.HANDLING,
        clock=Clock.RESUME,
    ),
    Transition(
        "T10",
        "stop",
        _("Dừng xử lý hồ sơ"),
        frozenset({Status.PROCESSING}),
        Status.STOPPED,
        frozenset({Role.AGENCY_LEAD}),
        scope=Scope.HANDLING,
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
        scope=Scope.RECEIVING,
        requires=("reason",),
    ),
    Transition(
        "7.2",
        "pay_online",
        _("Thanh toán phí, lệ phí trực tuyến"),
        OPEN_STATES,
        None,
        frozenset({APPLICANT}),
        scope=Scope.RECEIVING,
        requires=("amount", "transaction"),
    ),
    Transition(
        "T11",
        "withdraw",
        _("Rút hồ sơ theo đề nghị của công dân"),
        OPEN_STATES,
        Status.WITHDRAWN,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
        requires=("reason",),
        clock=Clock.STOP,
    ),
    Transition(
        "T12",
        "apologize",
        _("Xin lỗi và hẹn lại ngày trả kết quả"),
        frozenset({Status.PROCESSING}),
        None,
        frozenset({Role.AGENCY_LEAD}),
        scope=Scope.HANDLING,
        requires=("reason", "new_due_at"),
        clock=Clock.EXTEND,
        form="04",
    ),
    Transition(
        "T13",
        "finish",
        _("Hoàn thành giải quyết, có kết quả"),
        frozenset({Status.PROCESSING}),
        Status.FINISHED,
        frozenset({Role.AGENCY_LEAD, Role.CLERK}),
        scope=Scope.HANDLING,
        requires=("result_number", "result_summary", "result_signer", "result_signed_on"),
        clock=Clock.STOP,
    ),
    Transition(
        "T14",
        "return_result",
        _("Trả kết quả cho công dân"),
        frozenset({Status.FINISHED}),
        Status.RETURNED,
        frozenset(COUNTER),
        scope=Scope.RECEIVING,
    ),
    Transition(
        "9.2",
        "reassign_agency",
        _("Chuyển hồ sơ sang cơ quan kế thừa (sắp xếp tổ chức)"),
        # every open dossier, including online ones still waiting for reception (their competent body changes)
        frozenset(
            {
                Status.SUBMITTED,
                Status.ACCEPTED,
                Status.PROCESSING,
                Status.SUPPLEMENT_REQUESTED,
                Status.FINANCIAL_OBLIGATION,
            }
        ),
        None,
        frozenset({Role.ADMIN}),
        scope=Scope.ANY_OPEN,
        requires=("new_agency", "legal_basis"),
    ),
)

TABLE: workflow.Table[Transition] = workflow.Table(
    TRANSITIONS,
    statuses=Status,
    unknown_action=_("Không có thao tác “%(action)s” đối với hồ sơ."),
    wrong_state=_(
        "%(rule)s “%(label)s”: chỉ áp dụng cho hồ sơ ở trạng thái %(allowed)s; "
        "hồ sơ đang ở trạng thái “%(state)s”."
    ),
    new=pgettext_lazy("dossier status", "mới"),
    nothing=_("chưa có hồ sơ"),
)
BY_ACTION: dict[str, Transition] = TABLE.by_action
available = TABLE.available


def role_label(role: str) -> str:
    """The name of the role an entry of the process log was written in (an officer role or the applicant)."""
    if role == APPLICANT:
        return str(_("Người nộp hồ sơ"))
    try:
        return str(Role(role).label)
    except ValueError:
        return role or ""
