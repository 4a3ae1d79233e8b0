"""The public transparency page (``/cong-khai/``, no sign-in): the figures of every unit of today for a year or a
month, a unit's months, and the same figures as open data (CSV, JSON). No personal data: counts only."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.dated import today
from motcua.reports.services import charts, dashboard, public
from motcua.reports.services.charts import PALETTE, Series
from motcua.reports.services.periods import PeriodError
from motcua.reports.services.units import TODAY, Registry
from motcua.reports.views.common import figures_as_of


def _period(request):
    try:
        return public.period_of(request.GET.get("nam"), request.GET.get("thang"), today()), None
    except PeriodError as error:
        return None, error


def _choices(period, error, request) -> dict:
    now = today()
    return {
        "years": list(range(now.year, now.year - 6, -1)),
        "months": list(range(1, 13)),
        "year": period.year if period else request.GET.get("nam", ""),
        "month": period.number if period and period.kind == "month" else request.GET.get("thang", ""),
        "error": error,
    }


def index(request):
    period, error = _period(request)
    registry = Registry.load()
    rows, through, as_of = [], None, None
    if period is not None:
        as_of = figures_as_of()
        through = period.through(today())
        rows = public.lines(period, registry=registry, on=today())
    context = {
        "period": period,
        "through": through,
        "rows": rows,
        "total": public.total(rows),
        "fields": public.FIELDS,
        "query": request.GET.urlencode(),
        "as_of": as_of,
        **_choices(period, error, request),
    }
    template = (
        "reports/partials/public_table.html"
        if request.htmx and not request.htmx.boosted
        else "reports/public.html"
    )
    return render(request, template, context, status=200 if error is None else 400)


def unit(request, identifier: str):
    registry = Registry.load()
    now = today()
    candidates = [u for u in registry.units.values() if u.identifier == identifier]
    if not candidates:
        raise Http404(_("Không có cơ quan, đơn vị mã “%(identifier)s”.") % {"identifier": identifier})
    current = next((u for u in candidates if u.is_valid_on(now)), None)
    if current is None:  # an old identifier: show the unit that carries on its work
        current = registry[registry.current(max(candidates, key=lambda u: u.valid_from).pk)]
    period, error = _period(request)
    context = {
        "unit": current,
        "identifier": identifier,
        **_choices(period, error, request),
    }
    if period is not None:
        context["as_of"] = figures_as_of()
        year = public.period_of(str(period.year), None, now)
        board = dashboard.build(
            current, year if period.kind == "year" else period, mapping=TODAY, registry=registry
        )
        context["board"] = board
        context["rows"] = public.lines(period, registry=registry, on=now, root=current)
        context["chart"] = charts.columns(
            title=_("Kết quả giải quyết của %(unit)s") % {"unit": current.name},
            desc=_(
                "Số hồ sơ giải quyết trước hạn, đúng hạn, quá hạn (cột chồng) và số tiếp nhận (đường) theo kỳ."
            ),
            labels=[b.label for b in board.buckets],
            series=[
                Series(_("Trước hạn"), [b.early for b in board.buckets], PALETTE["early"]),
                Series(_("Đúng hạn"), [b.on_time for b in board.buckets], PALETTE["on_time"]),
                Series(_("Quá hạn"), [b.late for b in board.buckets], PALETTE["late"]),
            ],
            stacked=True,
            line=Series(_("Đã tiếp nhận"), [b.received for b in board.buckets], PALETTE["received"]),
        )
    return render(request, "reports/public_unit.html", context, status=200 if error is None else 400)


def _records(request):
    period, error = _period(request)
    if error is not None:
        return None, error
    rows = public.lines(period, registry=Registry.load(), on=today())
    through = period.through(today())
    return (period, through, [row.record(period, through) for row in rows]), None


def open_data_csv(request):
    result, error = _records(request)
    if error is not None:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    _period_, _through, records = result
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet programs read the Vietnamese letters as UTF-8
    writer = csv.DictWriter(out, fieldnames=list(public.FIELDS))
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="cong-khai_{_period_.code}.csv"'
    return response


def open_data_json(request):
    as_of = figures_as_of()  # before the figures are read (see figures_as_of)
    result, error = _records(request)
    if error is not None:
        return JsonResponse({"detail": error.message}, status=400, json_dumps_params={"ensure_ascii": False})
    period, through, records = result
    payload = {
        "title": "Số liệu công khai kết quả giải quyết thủ tục hành chính",
        "period": {"from": period.start.isoformat(), "to": through.isoformat(), "code": period.code},
        "generated_at": timezone.localtime().isoformat(),
        "figures_as_of": timezone.localtime(as_of).isoformat(),
        "fields": public.FIELDS,
        "units": records,
    }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
