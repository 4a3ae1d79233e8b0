"""The leaders' dashboard (``/bao-cao/tong-quan/``): headline figures, trends, channels, fields, subunits and the
dossiers overdue now, with charts drawn on the server (SVG) and their data tables."""

from __future__ import annotations

from django.utils.translation import gettext as _

from motcua.reports.forms import ReportForm
from motcua.reports.services import charts, dashboard
from motcua.reports.services.charts import PALETTE, Series
from motcua.reports.views.common import figures_as_of, query_string, reports_required
from motcua.workspace.views.common import render_ws


@reports_required
def page(request):
    access = request.reports
    form = ReportForm(request.GET, registry=access.registry, allowed=access.allowed)
    board = None
    as_of = None
    if form.is_valid():
        as_of = figures_as_of()
        board = dashboard.build(
            form.unit, form.period, mapping=form.cleaned_data["theo"], registry=access.registry
        )
    form.mark_errors()
    context = {"tab": "dashboard", "form": form, "board": board, "query": query_string(form)}
    if board is not None:
        context["charts"] = _charts(board)
        context["as_of"] = as_of
    return render_ws(request, "reports/dashboard.html", "reports", context)


def _charts(board) -> dict:
    labels = [b.label for b in board.buckets]
    daily = (
        bool(board.buckets)
        and board.buckets[0].start == board.buckets[0].end
        and len(board.buckets[0].label) == 5
    )
    trend = charts.columns(
        title=_("Kết quả giải quyết theo thời gian"),
        desc=_(
            "Số hồ sơ đã giải quyết trước hạn, đúng hạn và quá hạn (cột chồng) và số hồ sơ tiếp nhận (đường) "
            "theo từng ngày của kỳ; bảng số liệu ở dưới."
        )
        if daily
        else _(
            "Số hồ sơ đã giải quyết trước hạn, đúng hạn và quá hạn (cột chồng) và số hồ sơ tiếp nhận (đường) "
            "theo từng tháng của kỳ; bảng số liệu ở dưới."
        ),
        labels=labels,
        series=[
            Series(_("Trước hạn"), [b.early for b in board.buckets], PALETTE["early"]),
            Series(_("Đúng hạn"), [b.on_time for b in board.buckets], PALETTE["on_time"]),
            Series(_("Quá hạn"), [b.late for b in board.buckets], PALETTE["late"]),
        ],
        stacked=True,
        line=Series(_("Đã tiếp nhận"), [b.received for b in board.buckets], PALETTE["received"]),
    )
    pending = charts.columns(
        title=_("Hồ sơ đang giải quyết cuối mỗi kỳ con"),
        desc=_("Số hồ sơ đang giải quyết trong hạn và quá hạn vào cuối mỗi ngày, tháng của kỳ."),
        labels=labels,
        series=[
            Series(_("Trong hạn"), [b.open_end - b.overdue_end for b in board.buckets], PALETTE["open"]),
            Series(_("Quá hạn"), [b.overdue_end for b in board.buckets], PALETTE["overdue"]),
        ],
        stacked=True,
        height=220,
    )
    rows = board.channels
    channels = charts.bars(
        title=_("Hồ sơ tiếp nhận theo kênh"),
        desc=_("Số hồ sơ tiếp nhận trực tiếp, trực tuyến và qua bưu chính công ích trong kỳ."),
        labels=[name for _key, name, _n, _p in rows],
        series=[
            Series(name, [n if i == j else 0 for j in range(len(rows))], PALETTE[key])
            for i, (key, name, n, _p) in enumerate(rows)
        ],
        width=460,
        row=34,
        label_width=150,
        legend=False,
    )
    fields = charts.bars(
        title=_("Kết quả giải quyết theo lĩnh vực"),
        desc=_(
            "Số hồ sơ đã giải quyết trong hạn (trước hạn, đúng hạn) và quá hạn của các lĩnh vực nhiều hồ sơ nhất."
        ),
        labels=[line.label for line in board.by_field],
        series=[
            Series(_("Trong hạn"), [line.figures.in_time for line in board.by_field], PALETTE["on_time"]),
            Series(_("Quá hạn"), [line.figures.late for line in board.by_field], PALETTE["late"]),
        ],
    )
    units = charts.bars(
        title=_("Kết quả giải quyết theo đơn vị"),
        desc=_("Số hồ sơ đã giải quyết trong hạn và quá hạn của từng đơn vị trực thuộc."),
        labels=[line.label for line in board.by_unit],
        series=[
            Series(_("Trong hạn"), [line.figures.in_time for line in board.by_unit], PALETTE["on_time"]),
            Series(_("Quá hạn"), [line.figures.late for line in board.by_unit], PALETTE["late"]),
        ],
    )
    return {"trend": trend, "pending": pending, "channels": channels, "fields": fields, "units": units}
