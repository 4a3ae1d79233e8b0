"""The PAKN lifecycle (SPEC §6.3) as one declared transition table. Pure data, no Django models.

Every status change of a feedback is one of these rows, applied by ``services.transitions.apply``: it checks the
current status against ``sources``, the actor's role in the handling unit (or the sender's pseudo-role), the
``requires`` inputs, runs the action's effect, appends one entry to the feedback's log (with the step's deadline
and whether it was met) and sends ``feedback_transitioned`` after the commit.

A complaint or a denunciation (khiếu nại, tố cáo) never enters this table: it is recorded as ``REDIRECTED``
with the legal explanation (``services.intake``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from motcua.org.roles import Role

# Status values (motcua.feedback.choices.Status), as plain strings.
NEW = None
RECEIVED = "tiep_nhan"
NEEDS_INFO = "cho_bo_sung"
SUPPLEMENTED = "da_bo_sung"
PROCESSING = "dang_xu_ly"
AWAITING_APPROVAL = "cho_duyet"
AWAITING_PUBLICATION = "cho_cong_khai"
PUBLISHED = "da_cong_khai"
REFUSED = "tu_choi"
REDIRECTED = "chuyen_huong"  # complaint or denunciation: outside the lifecycle

# Pseudo-roles, held on one feedback only, never assigned in a unit.
SENDER = "sender"  # the sender's account, or a visitor who unlocked the feedback by code + check value
PUBLIC = "public"  # anyone, for the portal form (intake only)

OFFICERS = frozenset({Role.PAKN_OFFICER})
LEADS = frozenset({Role.AGENCY_LEAD})
OPEN = frozenset({RECEIVED, NEEDS_INFO, SUPPLEMENTED, PROCESSING, AWAITING_APPROVAL, AWAITING_PUBLICATION})


@dataclass(frozen=True)
class Transition:
    code: str  # P1…P12, named in refusals
    action: str
    label: str
    sources: frozenset[str | None]
    target: str | None  # None: the status does not change
    roles: frozenset[str]
    requires: tuple[str, ...] = ()
    deadline: str = ""  # the deadline this step is judged against (key of deadlines.DEFAULTS)

    def next_status(self, current: str | None) -> str | None:
        return current if self.target is None else self.target


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "P1",
        "receive",
        _("Tiếp nhận phản ánh, kiến nghị"),
        frozenset({NEW}),
        RECEIVED,
        OFFICERS | {PUBLIC},
    ),
    Transition(
        "P2",
        "classify",
        _("Phân loại"),
        frozenset({RECEIVED, SUPPLEMENTED, PROCESSING}),
        None,
        OFFICERS,
        ("classification",),
    ),
    Transition(
        "P3",
        "refuse",
        _("Từ chối tiếp nhận"),
        frozenset({RECEIVED, SUPPLEMENTED}),
        REFUSED,
        OFFICERS,
        ("reason",),
        deadline="refuse",
    ),
    Transition(
        "P4",
        "request_info",
        _("Yêu cầu bổ sung thông tin"),
        frozenset({RECEIVED}),
        NEEDS_INFO,
        OFFICERS,
        ("request",),
        deadline="request_info",
    ),
    Transition(
        "P5",
        "supplement",
        _("Bổ sung thông tin"),
        frozenset({NEEDS_INFO}),
        SUPPLEMENTED,
        OFFICERS | {SENDER},
        ("content",),
    ),
    Transition(
        "P6",
        "transfer",
        _("Chuyển đơn vị khác"),
        frozenset({RECEIVED, SUPPLEMENTED, PROCESSING}),
        RECEIVED,
        OFFICERS,
        ("agency", "reason"),
    ),
    Transition(
        "P7",
        "process",
        _("Tiếp nhận xử lý"),
        frozenset({RECEIVED, SUPPLEMENTED}),
        PROCESSING,
        OFFICERS,
    ),
    Transition(
        "P8",
        "draft_answer",
        _("Dự thảo trả lời"),
        frozenset({PROCESSING}),
        AWAITING_APPROVAL,
        OFFICERS,
        ("answer",),
    ),
    Transition(
        "P9",
        "return_draft",
        _("Trả lại dự thảo"),
        frozenset({AWAITING_APPROVAL}),
        PROCESSING,
        LEADS,
        ("reason",),
    ),
    Transition(
        "P10",
        "approve",
        _("Phê duyệt trả lời"),
        frozenset({AWAITING_APPROVAL}),
        AWAITING_PUBLICATION,
        LEADS,
        deadline="answer",
    ),
    Transition(
        "P11",
        "publish",
        _("Công khai trả lời"),
        frozenset({AWAITING_PUBLICATION}),
        PUBLISHED,
        OFFICERS | LEADS,
        ("public_question",),
        deadline="publish",
    ),
    Transition(
        "P12",
        "react",
        _("Đánh giá câu trả lời"),
        frozenset({PUBLISHED}),
        None,
        frozenset({SENDER}),
        ("reaction",),
    ),
    Transition(
        "P13",
        "reopen",
        _("Xử lý lại (người gửi không đồng ý)"),
        frozenset({PUBLISHED}),
        PROCESSING,
        OFFICERS | LEADS,
        ("reason",),
    ),
)

BY_ACTION = {t.action: t for t in TRANSITIONS}


def available(status: str | None) -> list[Transition]:
    return [t for t in TRANSITIONS if status in t.sources]
