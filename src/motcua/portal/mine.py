"""“Hồ sơ của tôi”: what a signed-in citizen sees of their own dossiers, and the actions they may take on them.

Every lookup is filtered by ``accounts.ownership.dossiers_q`` in the same query that finds the row, so a dossier
that is not the citizen's is simply not found (the views answer 404, never 403: nothing confirms that it exists).
The public part of a dossier (units, timeline, the reason of the centre's notice) is ``portal.public.load``'s
(three queries); this module adds what only the owner sees: the components with their files, the electronic
result and the applicant's actions (the rows of the transition table held by ``lifecycle.APPLICANT``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils import timezone

from motcua.accounts.models import Citizen
from motcua.accounts.ownership import dossiers_q
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Digitisation, Status
from motcua.dossiers.models import Dossier, DossierComponent, DossierResult
from motcua.dossiers.services import clock
from motcua.dossiers.services.transitions import allowed_actions
from motcua.files.services import result_link
from motcua.org.permissions import Access
from motcua.org.tree import AgencyTree
from motcua.portal import public

PAGE_SIZE = 20
# The applicant's actions the portal offers (online payment is the payments app's).
PORTAL_ACTIONS = ("resubmit", "submit_supplement", "request_withdrawal")
COMPLETION_ASKED = "Yêu cầu một cửa bổ sung"  # Dossier.supplement_state set by request_completion
SUPPLEMENT_SENT = "Công dân đã gửi bổ sung trực tuyến"  # … by submit_supplement


def no_roles() -> Access:
    """On the portal a signed-in person acts only as the applicant of what they submitted: no officer role is
    read (and none asked for), so the applicant's rows are the only ones :func:`allowed_actions` can offer."""
    return Access([], AgencyTree({}))


@dataclass
class Row:
    ident: str
    has_code: bool
    procedure_code: str
    procedure_name: str
    status: int
    status_label: str
    submitted_at: dt.datetime | None
    due_at: dt.datetime | None
    reception_due_at: dt.datetime | None
    remaining: str
    remaining_state: str
    completion: bool  # the centre asked to complete it before reception (status 1)


def owned(citizen: Citizen):
    return Dossier.objects.filter(dossiers_q(citizen))


def page(citizen: Citizen, number, now: dt.datetime | None = None):
    """The citizen's dossiers, newest first, one page (two queries: the count and the rows)."""
    now = now or timezone.now()
    query = (
        owned(citizen)
        .select_related("procedure_version__procedure", "receiving_agency")  # the badge's working hours
        .order_by("-submitted_at", "-id")
    )
    paginator = Paginator(query, PAGE_SIZE)
    current = paginator.get_page(number)
    current.rows = [_row(d, now) for d in current.object_list]
    return current


def _label(status: int) -> str:
    try:
        return str(Status(status).label)
    except ValueError:
        return ""


def _row(dossier: Dossier, now: dt.datetime) -> Row:
    badge = clock.badge(dossier, now)
    return Row(
        ident=dossier.code or dossier.reference,
        has_code=bool(dossier.code),
        procedure_code=dossier.procedure_version.procedure.code,
        procedure_name=dossier.procedure_version.name,
        status=dossier.status,
        status_label=_label(dossier.status),
        submitted_at=dossier.submitted_at,
        due_at=dossier.due_at,
        reception_due_at=dossier.reception_due_at if dossier.status == Status.SUBMITTED else None,
        remaining=badge.text,
        remaining_state=badge.state,
        completion=dossier.status == Status.SUBMITTED and dossier.supplement_state == COMPLETION_ASKED,
    )


def find(citizen: Citizen, ident: str, *related: str) -> Dossier | None:
    """The citizen's dossier with this code or temporary reference (one query), else None."""
    values = public.candidates(ident)
    return (
        owned(citizen)
        .filter(Q(code__in=values) | Q(reference__in=values))
        .select_related("applicant", *related)
        .order_by("id")
        .first()
    )


@dataclass
class Detail:
    dossier: Dossier
    public: public.PublicDossier
    components: list[DossierComponent]
    result: DossierResult | None
    result_url: str | None
    actions: list[str]  # the actions of PORTAL_ACTIONS the citizen may take now
    is_submitter: bool


def detail(citizen: Citizen, ident: str, user, now: dt.datetime | None = None) -> Detail | None:
    """Everything the owner's page shows (six queries: the row with its components, the result, and the public
    view's three), or None when the dossier is not the citizen's."""
    now = now or timezone.now()
    values = public.candidates(ident)
    dossier = (
        owned(citizen)
        .filter(Q(code__in=values) | Q(reference__in=values))
        .select_related("applicant")
        .prefetch_related(
            Prefetch(
                "components",
                queryset=DossierComponent.objects.select_related("file").order_by("id"),
            )
        )
        .order_by("id")
        .first()
    )
    if dossier is None:
        return None
    shown = public.load(dossier.code or dossier.reference, now)
    result = None
    if dossier.status in (Status.FINISHED, Status.RETURNED):
        result = DossierResult.objects.select_related("file").filter(dossier_id=dossier.pk).first()
    actions = applicant_actions(user, dossier, now)
    components = list(dossier.components.all())
    for component in components:
        component.state_label = str(Digitisation(component.digitisation).label)
    return Detail(
        dossier=dossier,
        public=shown,
        components=components,
        result=result,
        result_url=result_link(result) if result is not None and result.file_id else None,
        actions=actions,
        is_submitter=dossier.account_id == user.pk,
    )


def applicant_actions(user, dossier: Dossier, now: dt.datetime | None = None) -> list[str]:
    """The applicant's actions on ``dossier`` now: ``transitions.allowed_actions`` (status and the ``applicant``
    pseudo-role: only the submitting account) restricted to the rows held by ``lifecycle.APPLICANT`` that the
    portal offers; a withdrawal already asked for is not offered again. No query."""
    offered = [
        t.action
        for t in allowed_actions(user, dossier, now or timezone.now(), no_roles())
        if lifecycle.APPLICANT in t.roles and t.action in PORTAL_ACTIONS
    ]
    if dossier.withdrawal_requested_at is not None and "request_withdrawal" in offered:
        offered.remove("request_withdrawal")
    if "resubmit" in offered and dossier.supplement_state != COMPLETION_ASKED:
        offered.remove("resubmit")  # only an answer to the centre's request to complete (T3)
    return offered
