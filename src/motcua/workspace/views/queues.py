"""The queues: my unit's dossiers, waiting for reception, waiting to be returned (with filters).

The officer's own work is in the work lists (``views/work.py``, ``/mot-cua/viec/<slug>/``); the old preset
"Việc của tôi" (``?hang=cua-toi``) redirects to its successor "Chờ xử lý", so bookmarks keep working.

One view, three presets of :class:`motcua.dossiers.services.queues.QueueFilter`, the same filters on each (status,
procedure, field, channel, due soon, overdue, received between) and pages by keyset cursor ("Xem tiếp" appends
the next rows with htmx). The page never counts the whole unit: a count per status is on the overview page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.catalog.choices import Channel
from motcua.catalog.models import Procedure, ProcedureField
from motcua.core.inputs import FIRST_DAY, LAST_DAY, in_calendar
from motcua.dossiers.choices import Status
from motcua.dossiers.services import queues
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws
from motcua.worktime import services as worktime

PAGE_SIZE = 50
OPEN = (1, 2, 4, 5, 6)
RUNNING = (2, 4)


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    statuses: tuple[int, ...]  # shown when the officer picks none
    side: str | None = None  # only this side of the dossier (the receiving counter for reception and return)


PRESETS = {
    p.key: p
    for p in (
        Preset("don-vi", gettext_lazy("Hồ sơ của đơn vị"), OPEN),
        Preset("cho-tiep-nhan", gettext_lazy("Chờ tiếp nhận"), (1,), side="receiving_agency_id"),
        Preset("tra-ket-qua", gettext_lazy("Chờ trả kết quả"), (9,), side="receiving_agency_id"),
    )
}


def _parse_day(value: str) -> dt.date:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
        if not in_calendar(day):  # 31/12/9999: the query takes the day after
            raise forms.ValidationError(
                _("Ngày phải trong khoảng %(first)s đến %(last)s.")
                % {"first": f"{FIRST_DAY:%d/%m/%Y}", "last": f"{LAST_DAY:%d/%m/%Y}"}
            )
        return day
    raise forms.ValidationError(_("Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (ví dụ 01/07/2025)."))


class DayField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return _parse_day(value) if value else None


class QueueForm(forms.Form):
    don_vi = forms.TypedChoiceField(label=gettext_lazy("Đơn vị"), coerce=int, required=False)
    trang_thai = forms.TypedChoiceField(
        label=gettext_lazy("Trạng thái"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", gettext_lazy("Mặc định của hàng đợi"))]
        + [(code, f"{code} · {label}") for code, label in Status.choices],
    )
    thu_tuc = forms.CharField(label=gettext_lazy("Mã thủ tục"), required=False, max_length=16)
    linh_vuc = forms.TypedChoiceField(label=gettext_lazy("Lĩnh vực"), coerce=int, required=False)
    kenh = forms.ChoiceField(
        label=gettext_lazy("Kênh nộp"),
        required=False,
        choices=[("", gettext_lazy("Tất cả"))] + list(Channel.choices),
    )
    sap_den_han = forms.BooleanField(label=gettext_lazy("Sắp đến hạn"), required=False)
    qua_han = forms.BooleanField(label=gettext_lazy("Quá hạn"), required=False)
    tu_ngay = DayField(label=gettext_lazy("Tiếp nhận từ ngày"), required=False)
    den_ngay = DayField(label=gettext_lazy("đến ngày"), required=False)

    def __init__(self, data, *, units, fields):
        super().__init__(data)
        self.fields["don_vi"].choices = [(u.pk, u.name) for u in units]
        self.fields["linh_vuc"].choices = [("", _("Tất cả"))] + [(f.pk, f.name) for f in fields]

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and end < start:
            self.add_error("den_ngay", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


@officer_required
def start(request):
    """/mot-cua/: counter officers start at the intake screen, everyone else at their own work."""
    if request.officer.is_counter:
        return redirect("workspace:intake")
    return redirect("workspace:work", slug="cho-xu-ly")


def _url():
    return reverse("workspace:queue")


@officer_required
def queue(request):
    officer = request.officer
    if request.GET.get("hang") == "cua-toi":  # "Việc của tôi" became the work list "Chờ xử lý"
        return redirect("workspace:work", slug="cho-xu-ly")
    preset = PRESETS.get(request.GET.get("hang", ""), PRESETS["don-vi"])
    units = officer.units()
    fields = list(ProcedureField.objects.order_by("name"))
    form = QueueForm(request.GET, units=units, fields=fields)
    now = timezone.now()
    page = None
    error = ""
    unit = units[0]
    if form.is_valid():
        data = form.cleaned_data
        unit = next((u for u in units if u.pk == data.get("don_vi")), units[0])
        try:
            after = queues.Cursor.decode(request.GET["sau"]) if request.GET.get("sau") else None
        except queues.InvalidCursor:
            after, error = None, _("Liên kết trang không hợp lệ; đang hiển thị trang đầu.")
        flt = _filter(preset, data, unit, officer, now)
        if flt is not None:
            page = queues.page(officer.visibility, flt, after=after, limit=PAGE_SIZE, now=now)
    context = {
        "form": form,
        "preset": preset,
        "presets": PRESETS.values(),
        "unit": unit,
        "page": page,
        "now": now,
        "error": error,
        "query": _query_without_cursor(request),
    }
    if request.htmx and request.GET.get("sau"):
        return render(request, "workspace/partials/queue_rows.html", context)
    if request.htmx and not request.htmx.boosted:
        context["oob_fields"] = True  # the date fields come back with their errors, swapped out of band
        return render(request, "workspace/partials/queue_results.html", context)
    status = 200 if form.is_valid() else 422
    return render_ws(request, "workspace/queue.html", preset.key, context, status=status)


def _filter(preset: Preset, data: dict, unit, officer, now: dt.datetime) -> queues.QueueFilter | None:
    statuses = (data["trang_thai"],) if data.get("trang_thai") else preset.statuses
    procedure_ids = None
    if data.get("thu_tuc"):
        procedure_ids = tuple(
            Procedure.objects.filter(code=data["thu_tuc"].strip()).values_list("pk", flat=True)
        )
    due_before = None
    if data.get("sap_den_han"):
        engine = worktime.engine_for(unit, timezone.localdate(now))
        soon = settings.MOTCUA_DUE_SOON_WORKING_HOURS * 3600
        due_before = engine.at_position(engine.position(now) + soon)
        statuses = tuple(s for s in statuses if s in RUNNING) or RUNNING
    received_from = received_to = None
    if data.get("tu_ngay"):
        received_from = _local_midnight(data["tu_ngay"])
    if data.get("den_ngay"):
        received_to = _local_midnight(data["den_ngay"] + dt.timedelta(days=1))
    return queues.QueueFilter(
        statuses=statuses,
        unit_ids=(unit.pk,),
        side=preset.side,
        procedure_ids=procedure_ids,
        field_id=data.get("linh_vuc") or None,
        channel=data.get("kenh") or None,
        due_before=due_before,
        overdue=True if data.get("qua_han") else None,
        received_from=received_from,
        received_to=received_to,
    )


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _query_without_cursor(request) -> str:
    query = request.GET.copy()
    query.pop("sau", None)
    return query.urlencode()
