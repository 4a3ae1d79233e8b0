"""Biểu 06 on screen, as .xlsx and as PDF (``/bao-cao/``)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import translation

from motcua.reports.forms import ReportForm
from motcua.reports.services import bieu06, export
from motcua.reports.views.common import figures_as_of, query_string, reports_required
from motcua.workspace.views.common import render_ws


def _form(request, language: str | None = None):
    """The form and, if it is valid, the report (in ``language``: the files are the official Vietnamese form)."""
    access = request.reports
    form = ReportForm(request.GET, registry=access.registry, allowed=access.allowed, with_variant=True)
    report = None
    if form.is_valid():
        as_of = figures_as_of()
        with translation.override(language or translation.get_language()):
            report = bieu06.build(
                form.unit,
                form.period,
                mapping=form.cleaned_data["theo"],
                variant=form.cleaned_data["mau"],
                registry=access.registry,
            )
        report.as_of = as_of
    form.mark_errors()
    return form, report


def _page(request, form, report, status=200):
    cells = bieu06.header()
    context = {
        "tab": "bieu06",
        "form": form,
        "report": report,
        "header_rows": [[c for c in cells if c.row == row] for row in range(3)],
        "numbers": bieu06.NUMBERS,
        "columns": bieu06.COLUMNS,
        "note": bieu06.NOTE,
        "broken": report.broken_identities() if report else [],
        "query": query_string(form),
    }
    return render_ws(request, "reports/bieu06.html", "reports", context, status=status)


@reports_required
def page(request):
    form, report = _form(request)
    return _page(request, form, report)


def _download(render, extension: str, content_type: str):
    @reports_required
    def view(request):
        form, report = _form(request, language="vi")
        if report is None:
            return _page(request, form, None, status=400)
        response = HttpResponse(render(report), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename(report, extension)}"'
        return response

    return view


xlsx = _download(export.xlsx, "xlsx", export.XLSX_TYPE)
pdf = _download(export.pdf, "pdf", export.PDF_TYPE)
