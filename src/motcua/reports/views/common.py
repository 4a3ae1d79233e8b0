"""What every report screen shares: the officer must hold ``reports.view`` somewhere (then they may report on
those units and all their subunits); the registry of agencies is read once per request (two queries)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils import timezone

from motcua.reports.forms import reportable_units
from motcua.reports.permissions import VIEW_REPORTS
from motcua.reports.services import rollup
from motcua.reports.services.units import Registry
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws


@dataclass
class ReportsAccess:
    registry: Registry
    allowed: set[int]


def holds_reports_role(access) -> bool:
    return any(a.role in VIEW_REPORTS.roles for a in access.assignments)


def reports_required(view):
    @officer_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not holds_reports_role(request.officer.access):
            return render_ws(request, "reports/forbidden.html", "reports", status=403)
        registry = Registry.load()
        request.reports = ReportsAccess(registry, reportable_units(request.officer.access, registry))
        return view(request, *args, **kwargs)

    return wrapper


def figures_as_of():
    """Up to when the figures of a page read from the roll-up are complete (“Số liệu đến …”): every report
    screen, file and the public page show this one answer. Asked BEFORE the figures are read: a refresh finishing
    in between then only makes the figures newer than they claim, never older."""
    return rollup.current_as_of(timezone.now())


def query_string(form) -> str:
    """The form's cleaned parameters, for the download links and the other tabs."""
    values = {name: form.data.get(name) for name in form.fields if form.data.get(name) not in (None, "")}
    return urlencode(values)
