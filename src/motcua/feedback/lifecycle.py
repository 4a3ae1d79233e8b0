"""The PAKN lifecycle (SPEC §6.3) as one declared transition table: data, on the shared skeleton of
``motcua.core.workflow`` (the row type, the lookups, the refusals). It imports no model and reads no database: the
statuses are the ``Status`` choices (a Django ``TextChoices``) of ``motcua.feedback.choices``, the roles
``motcua.org.roles.Role``, the labels and messages lazy translations.

Every status change of a feedback is one of these rows, applied by ``services.transitions.apply``: it checks the
current status against ``sources``, the actor's role in the handling unit (or the sender's pseudo-role), the
``requires`` inputs, runs the action's effect, appends one entry to the feedback's log (with the step's deadline
and whether it was met) and sends ``feedback_transitioned`` after the commit.

A complaint or a denunciation (khiếu nại, tố cáo) is not a PAKN (SPEC §6.1): its one row, ``redirect``, records it
as ``REDIRECTED`` with the legal explanation, and no row leaves that state.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from motcua.core import workflow
from motcua.core.workflow import NEW
from motcua.feedback.choices import Status
from motcua.org.roles import Role

# Pseudo-roles, held on one feedback only, never assigned in a unit.
SENDER = "sender"  # the sender's account, or a visitor who unlocked the feedback by code + check value
PUBLIC = "public"  # anyone, for the portal form (intake only)

OFFICERS = frozenset({Role.PAKN_OFFICER})
LEADS = frozenset({Role.AGENCY_LEAD})
OPEN = frozenset(
    {
        Status.RECEIVED,
        Status.NEEDS_INFO,
        Status.SUPPLEMENTED,
        Status.PROCESSING,
        Status.AWAITING_APPROVAL,
        Status.AWAITING_PUBLICATION,
    }
)


@dataclass(frozen=True, kw_only=True)
class Transition(workflow.Transition):
    """A row (``code``: P1…P13, or the SPEC section), with the PAKN's own column."""

    deadline: str = ""  # the deadline this step is judged against (key of deadlines.DEFAULTS)


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "P1",
        "receive",
        _("Tiếp nhận phản ánh, kiến nghị"),
        frozenset({NEW}),
        Status.RECEIVED,
        OFFICERS | {PUBLIC},
    ),
    Transition(
        "6.1",
        "redirect",
        _("Chuyển hướng (khiếu nại, tố cáo)"),
        frozenset({NEW}),
        Status.REDIRECTED,
        OFFICERS | {PUBLIC},
    ),
    Transition(
        "P2",
        "classify",
        _("Phân loại"),
        frozenset({Status.RECEIVED, Status.SUPPLEMENTED, Status.PROCESSING}),
        None,
        OFFICERS,
        ("classification",),
    ),
    Transition(
        "P3",
        "refuse",
        _("Từ chối tiếp nhận"),
        frozenset({Status.RECEIVED, Status.SUPPLEMENTED}),
        Status.REFUSED,
        OFFICERS,
        ("reason",),
        deadline="refuse",
    ),
    Transition(
        "P4",
        "request_info",
        _("Yêu cầu bổ sung thông tin"),
        frozenset({Status.RECEIVED}),
        Status.NEEDS_INFO,
        OFFICERS,
        ("request",),
        deadline="request_info",
    ),
    Transition(
        "P5",
        "supplement",
        _("Bổ sung thông tin"),
        frozenset({Status.NEEDS_INFO}),
        Status.SUPPLEMENTED,
        OFFICERS | {SENDER},
        ("content",),
    ),
    Transition(
        "P6",
        "transfer",
        _("Chuyển đơn vị khác"),
        frozenset({Status.RECEIVED, Status.SUPPLEMENTED, Status.PROCESSING}),
        Status.RECEIVED,
        OFFICERS,
        ("agency", "reason"),
    ),
    Transition(
        "P7",
        "process",
        _("Tiếp nhận xử lý"),
        frozenset({Status.RECEIVED, Status.SUPPLEMENTED}),
        Status.PROCESSING,
        OFFICERS,
    ),
    Transition(
        "P8",
        "draft_answer",
        _("Dự thảo trả lời"),
        frozenset({Status.PROCESSING}),
        Status.AWAITING_APPROVAL,
        OFFICERS,
        ("answer",),
    ),
    Transition(
        "P9",
        "return_draft",
        _("Trả lại dự thảo"),
        frozenset({Status.AWAITING_APPROVAL}),
        Status.PROCESSING,
        LEADS,
        ("reason",),
    ),
    Transition(
        "P10",
        "approve",
        _("Phê duyệt trả lời"),
        frozenset({Status.AWAITING_APPROVAL}),
        Status.AWAITING_PUBLICATION,
        LEADS,
        deadline="answer",
    ),
    Transition(
        "P11",
        "publish",
        _("Công khai trả lời"),
        frozenset({Status.AWAITING_PUBLICATION}),
        Status.PUBLISHED,
        OFFICERS | LEADS,
        ("public_question",),
        deadline="publish",
    ),
    Transition(
        "P12",
        "react",
        _("Đánh giá câu trả lời"),
        frozenset({Status.PUBLISHED}),
        None,
        frozenset({SENDER}),
        ("reaction",),
    ),
    Transition(
        "P13",
        "reopen",
        _("Xử lý lại (người gửi không đồng ý)"),
        frozenset({Status.PUBLISHED}),
        Status.PROCESSING,
        OFFICERS | LEADS,
        ("reason",),
    ),
)

TABLE: workflow.Table[Transition] = workflow.Table(
    TRANSITIONS,
    statuses=Status,
    unknown_action=_("Không có thao tác “%(action)s” đối với phản ánh."),
    wrong_state=_(
        "%(rule)s “%(label)s”: chỉ áp dụng khi phản ánh ở trạng thái %(allowed)s; hiện là “%(state)s”."
    ),
    new=_("mới"),
    nothing=_("chưa có"),
)
BY_ACTION: dict[str, Transition] = TABLE.by_action
available = TABLE.available
