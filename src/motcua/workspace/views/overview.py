"""The leaders' overview of one unit: open dossiers by status, due soon and overdue, overdue by handler and by
step; the unit's open steps by work list — Chờ phân công, Đang xử lý, Chờ ký duyệt, Chờ phát hành, Bước quá hạn —
from ``dossiers.services.work.unit_counts``, the source of the menu's counts too (the unit and its internal
divisions); the dossier figures link to the filtered queue.

Only open dossiers are counted here (a few per cent of a unit's history, read through the status indexes); the
closed ones — resolved early, on time, late — are the statistics' business (reports).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.choices import Status
from motcua.dossiers.services import queues, work
from motcua.org.permissions import internal_divisions
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws
from motcua.worktime import services as worktime

OPEN = (1, 2, 4, 5, 6)
RUNNING = (2, 4)


@officer_required
def overview(request):
    officer = request.officer
    units = officer.units()
    try:
        chosen = int(request.GET.get("don_vi", ""))
    except ValueError:
        chosen = None
    unit = next((u for u in units if u.pk == chosen), units[0])
    now = timezone.now()
    visibility = officer.visibility
    scope = {"unit_ids": (unit.pk,)}

    by_status = queues.counts(visibility, queues.QueueFilter(statuses=OPEN, **scope))
    overdue = queues.QueueFilter(statuses=RUNNING, overdue=True, **scope)
    late_by_handler = queues.counts(visibility, overdue, "current_handler_id")
    late_by_step = queues.counts(visibility, overdue, "current_step__name")
    engine = worktime.engine_for(unit, timezone.localdate(now))
    soon_limit = engine.at_position(engine.position(now) + settings.MOTCUA_DUE_SOON_WORKING_HOURS * 3600)
    soon = queues.counts(
        visibility, queues.QueueFilter(statuses=RUNNING, overdue=False, due_before=soon_limit, **scope)
    )
    steps = work.unit_counts(internal_divisions(officer.access.tree, unit.pk), now)
    handlers = get_user_model().objects.in_bulk([pk for pk in late_by_handler if pk is not None])

    def link(preset="don-vi", **params):
        query = {"hang": preset, "don_vi": unit.pk, **params}
        return f"{reverse('workspace:queue')}?{urlencode(query, doseq=True)}"

    biggest = max(by_status.values(), default=0) or 1
    context = {
        "unit": unit,
        "units": units,
        "now": now,
        "total_open": sum(by_status.values()),
        "statuses": [
            {
                "code": s,
                "label": Status(s).label,
                "count": by_status.get(s, 0),
                "share": round(100 * by_status.get(s, 0) / biggest),
                "url": link(trang_thai=s),
            }
            for s in OPEN
        ],
        "overdue": sum(late_by_handler.values()),
        "overdue_url": link(qua_han="on"),
        "soon": sum(soon.values()),
        "soon_url": link(sap_den_han="on"),
        "steps": [
            {"label": label, "count": steps[key], "kind": kind}
            for key, label, kind in (
                ("assign", _("Chờ phân công"), ""),
                ("work", _("Đang xử lý"), ""),
                ("sign", _("Chờ ký duyệt"), ""),
                ("issue", _("Chờ phát hành"), ""),
                ("late", _("Bước quá hạn"), "late"),
            )
        ],
        "late_by_handler": sorted(
            ((_person(handlers.get(pk)) if pk else None, count) for pk, count in late_by_handler.items()),
            key=lambda row: (-row[1], row[0] or ""),
        ),
        "late_by_step": sorted(late_by_step.items(), key=lambda row: (-row[1], row[0] or "")),
    }
    return render_ws(request, "workspace/overview.html", "overview", context)


def _person(user) -> str:
    if user is None:
        return ""
    name = " ".join(p for p in (user.last_name, user.first_name) if p)
    return name or user.get_username()
