"""The officers' work lists (``/mot-cua/viec/<slug>/``): Chờ phân công, Chờ xử lý, Bị trả lại, Chờ ký duyệt, Chờ
phát hành, Chờ trả kết quả — each read from ``dossiers.services.work`` (the one definition the menu's counts and the
leaders' overview read too), one page of rows at a time ("Xem tiếp", page numbers).

"Chờ phân công" is for officers who lead a unit (403 with the reason to anyone else); each of its rows carries the
"Phân công" form, posted to the dossier page's action endpoint with the dossier's version (a stale row is refused
there) and coming back here with a message. Queries per page are fixed whatever the number of rows: the officer
(two), the page of rows (one), its specialists for "Chờ phân công" (see ``work.assignees``), the menu (unread
notifications, work counts).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.inputs import ascii_int
from motcua.dossiers.choices import WorkQueue
from motcua.dossiers.services import clock, work
from motcua.workspace import people
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import WORK_SLUGS, render_ws

PAGE_SIZE = 25  # a screenful on a desktop, a few on a phone; "Xem tiếp" appends the next
MAX_PAGE = 10_000  # a page number past this is refused (no list is that long)

EMPTY = {
    WorkQueue.ASSIGN: gettext_lazy("Không có hồ sơ nào chờ phân công tại các đơn vị bạn lãnh đạo."),
    WorkQueue.WORK: gettext_lazy("Bạn không có bước nào đang chờ xử lý."),
    "returned": gettext_lazy("Không có bước nào bị trả lại cho bạn."),
    WorkQueue.SIGN: gettext_lazy("Không có kết quả nào chờ bạn ký duyệt."),
    WorkQueue.ISSUE: gettext_lazy("Không có kết quả nào chờ vào số, phát hành."),
    work.RETURN: gettext_lazy("Không có hồ sơ nào chờ trả kết quả tại quầy của bạn."),
}


class Line:
    """One row as the page shows it: the step (None for "Chờ trả kết quả"), its dossier, both deadline badges and,
    on "Chờ phân công", the specialists the step may be given to."""

    def __init__(self, row, now, choices=None):
        self.step, self.dossier = row.step, row.dossier
        self.code = self.dossier.code or self.dossier.reference
        self.step_badge = clock.step_badge(self.step, self.dossier, now) if self.step else None
        self.dossier_badge = clock.badge(self.dossier, now)
        self.choices = [(u.pk, people.person_name(u)) for u in choices or ()]


def _page_number(request) -> int | None:
    raw = request.GET.get("trang", "")
    if raw == "":
        return 1
    number = ascii_int(raw)
    return number if number is not None and 1 <= number <= MAX_PAGE else None


@officer_required
def work_list(request, slug: str):
    key = WORK_SLUGS.get(slug)
    if key is None:
        raise Http404(_("Không có danh sách công việc này."))
    officer = request.officer
    info = work.BY_KEY[key]
    if key == WorkQueue.ASSIGN and not officer.leads_a_unit:
        return render_ws(
            request,
            "workspace/work_forbidden.html",
            f"viec-{slug}",
            {"title": info.label},
            status=403,
        )
    number = _page_number(request)
    if number is None:
        return render_ws(
            request,
            "workspace/work_list.html",
            f"viec-{slug}",
            {"info": info, "slug": slug, "error": _("Số trang không hợp lệ."), "lines": []},
            status=400,
        )
    now = timezone.now()
    page = work.page(key, request.user, officer.access, number=number, size=PAGE_SIZE)
    choices = {}
    if key == WorkQueue.ASSIGN and page.rows:
        choices = work.assignees([r.step for r in page.rows], timezone.localdate(now), officer.access.tree)
    lines = [Line(r, now, choices.get(r.step.pk) if r.step else None) for r in page.rows]
    here = reverse("workspace:work", kwargs={"slug": slug})
    context = {
        "info": info,
        "key": key,
        "slug": slug,
        "page": page,
        "lines": lines,
        "now": now,
        "empty": EMPTY[key],
        "here": here,
        "next_url": f"{here}?trang={page.number + 1}" if page.has_next else "",
        "back_url": f"{here}?trang={page.number}" if page.number > 1 else here,
    }
    if request.htmx and not request.htmx.boosted and request.GET.get("trang"):
        return render(request, "workspace/partials/work_rows.html", context)
    return render_ws(request, "workspace/work_list.html", f"viec-{slug}", context)


urlpatterns = [
    path("viec/<slug:slug>/", work_list, name="work"),
]
