"""The overdue dossiers of a unit for a period, with their reasons and apologies (``/bao-cao/qua-han/``)."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse

from motcua.reports.forms import ReportForm
from motcua.reports.services import overdue
from motcua.reports.views.common import figures_as_of, query_string, reports_required
from motcua.workspace.views.common import render_ws


@reports_required
def page(request):
    access = request.reports
    form = ReportForm(request.GET, registry=access.registry, allowed=access.allowed)
    rows, total, through, as_of = None, 0, None, None
    if form.is_valid():
        as_of = figures_as_of()
        through = form.period.through(_today())
        scope = access.registry.scope(form.unit.pk, form.cleaned_data["theo"])
        rows, total = overdue.rows(scope, form.period.start, through, registry=access.registry)
        pattern = reverse("workspace:dossier", args=["__code__"])  # reversed once: 300 reversals cost ~0.3 s
        for row in rows:
            row.url = pattern.replace("__code__", quote(row.dossier.code or ""))
    form.mark_errors()
    context = {
        "tab": "overdue",
        "form": form,
        "rows": rows,
        "total": total,
        "through": through,
        "as_of": as_of,
        "limit": overdue.LIMIT,
        "query": query_string(form),
    }
    return render_ws(request, "reports/overdue.html", "reports", context)


def _today():
    from motcua.core.dated import today

    return today()
