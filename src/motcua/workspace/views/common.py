"""What every workspace page shares: the layout's context — the section, the unread notifications (one query) and
the menu of work lists with their counts (``dossiers.services.work.counts``: one query, two for a counter
officer, read once per request through ``request.officer``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse

from motcua.dossiers.choices import WorkQueue
from motcua.dossiers.services import work
from motcua.notifications.models import Notification

# The address of each work list (/mot-cua/viec/<slug>/) and the service's key behind it.
WORK_SLUGS = {
    "cho-phan-cong": WorkQueue.ASSIGN,
    "cho-xu-ly": WorkQueue.WORK,
    "bi-tra-lai": "returned",
    "cho-ky-duyet": WorkQueue.SIGN,
    "cho-phat-hanh": WorkQueue.ISSUE,
    "cho-tra-ket-qua": work.RETURN,
}
SLUG_OF = {key: slug for slug, key in WORK_SLUGS.items()}


@dataclass(frozen=True)
class MenuItem:
    slug: str
    label: str
    count: int
    url: str

    @property
    def section(self) -> str:
        return f"viec-{self.slug}"


def work_menu(officer) -> dict:
    """The menu's work lists for ``officer``: "Chờ phân công" for those who lead a unit, then "Việc của tôi" —
    Chờ xử lý and Bị trả lại for everyone, Chờ ký duyệt for leaders, Chờ phát hành for clerks, Chờ trả kết quả for
    counter officers (and any of them that holds rows for the officer anyway)."""
    counts = officer.work_counts()
    roles = officer.roles
    shown = {
        WorkQueue.WORK: True,
        "returned": True,
        WorkQueue.SIGN: bool(roles & set(work.LEADERS)),
        WorkQueue.ISSUE: officer.is_clerk,
        work.RETURN: officer.is_counter,
    }

    def item(key) -> MenuItem:
        slug = SLUG_OF[key]
        label = str(work.BY_KEY[key].label)
        return MenuItem(slug, label, counts.get(key, 0), reverse("workspace:work", kwargs={"slug": slug}))

    return {
        "assign": item(WorkQueue.ASSIGN) if officer.leads_a_unit else None,
        "mine": [item(key) for key, wanted in shown.items() if wanted or counts.get(key)],
    }


def render_ws(request, template: str, section: str, context: dict | None = None, status: int = 200):
    """Render a workspace page: ``section`` marks the current tab; the unread count is one query, the work lists'
    counts one or two (not for an htmx partial, which has no menu)."""
    context = dict(context or {})
    context.setdefault("ws_section", section)
    if not request.htmx or request.htmx.boosted:
        context["unread_notifications"] = Notification.objects.filter(
            user=request.user, read_at__isnull=True
        ).count()
        officer = getattr(request, "officer", None)
        if officer is not None:
            context["work_menu"] = work_menu(officer)
    return render(request, template, context, status=status)
