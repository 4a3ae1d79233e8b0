"""Officers' downloads of the printed forms and the Sổ theo dõi hồ sơ, under /mot-cua/ (``documents.urls``).

Every view is for officers (``workspace.access.officer_required``) and answers 404 — the same answer whether the
dossier does not exist or the officer may not see it — unless ``request.officer.visibility.sees(dossier)``.

- ``giay-to/<id>/pdf/``, ``…/docx/`` (``documents:form-pdf``, ``documents:form-docx``): an issued form, rendered on
  its first print and then kept; the control sheet is rendered from the log at each print.
- ``ho-so/<code>/giay-tiep-nhan.pdf``, ``….docx`` (``documents:receipt-pdf``, ``documents:receipt-docx``): the
  latest receipt (Mẫu 01) of a dossier, for the counter's receipt page.
- ``ho-so/<code>/phieu-kiem-soat.pdf``, ``….docx`` (``documents:control-pdf``, ``documents:control-docx``): the
  Phiếu kiểm soát as the process log is now.
- ``so-theo-doi/`` (``documents:book``), ``so-theo-doi/xlsx/`` (``documents:book-xlsx``): the book of one of the
  officer's units for a period (dd/mm/yyyy), on screen by keyset pages and as .xlsx.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms as django_forms
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.documents import official_forms
from motcua.documents.models import IssuedForm
from motcua.documents.services import book, issuance, printing
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import reads
from motcua.dossiers.services.queues import Cursor, InvalidCursor
from motcua.org import personal_data
from motcua.org.models.personal_data_read import ReadPurpose, RecordKind
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

BOOK_SECTION = "so-theo-doi"
BOOK_PAGE = 50


def _respond(printed: printing.Printed, fmt: str) -> HttpResponse:
    response = HttpResponse(printed.content, content_type=printed.content_type)
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{printed.filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _not_found(code: str = ""):
    return Http404(
        _("Không tìm thấy hồ sơ “%(code)s”, hoặc hồ sơ không thuộc các đơn vị bạn được xem.") % {"code": code}
        if code
        else _("Không tìm thấy giấy tờ này, hoặc hồ sơ không thuộc các đơn vị bạn được xem.")
    )


def _visible_dossier(request, code: str) -> Dossier:
    dossier = Dossier.objects.filter(Q(code=code) | Q(reference=code)).order_by("-code").first()
    if dossier is None or not request.officer.visibility.sees(dossier):
        raise _not_found(code)
    return dossier


@officer_required
def form_file(request, pk: int, fmt: str):
    issued = IssuedForm.objects.select_related("dossier", "template").filter(pk=pk).first()
    if issued is None or not request.officer.visibility.sees(issued.dossier):
        raise _not_found()
    _log_print(request, issued.dossier, "documents:form-" + fmt)
    return _respond(printing.print_issued(issued, fmt), fmt)


def _log_print(request, dossier: Dossier, via: str) -> None:
    """A printed form shows the applicant's identity and contact data: one row of the access log."""
    reads.log_dossier_read(
        request.user, request.officer.access, [dossier], via=via, purpose=ReadPurpose.PRINT
    )


@officer_required
def receipt_file(request, code: str, fmt: str):
    dossier = _visible_dossier(request, code)
    issued = issuance.latest(dossier, official_forms.Kind.RECEIPT)
    if issued is None:
        raise Http404(_("Hồ sơ “%(code)s” chưa được tiếp nhận nên chưa có giấy tiếp nhận.") % {"code": code})
    issued.dossier = dossier
    _log_print(request, dossier, "documents:receipt-" + fmt)
    return _respond(printing.print_issued(issued, fmt), fmt)


@officer_required
def control_file(request, code: str, fmt: str):
    dossier = _visible_dossier(request, code)
    if not dossier.code:
        raise Http404(_("Hồ sơ “%(code)s” chưa được tiếp nhận nên chưa có phiếu kiểm soát.") % {"code": code})
    _log_print(request, dossier, "documents:control-" + fmt)
    return _respond(printing.print_control(dossier, fmt), fmt)


# --- the book ------------------------------------------------------------------------------------------------------

DATE_FORMATS = ["%d/%m/%Y"]


class BookFilter(django_forms.Form):
    unit = django_forms.TypedChoiceField(label=gettext_lazy("Đơn vị"), coerce=int)
    start = django_forms.DateField(
        label=gettext_lazy("Tiếp nhận từ ngày"),
        input_formats=DATE_FORMATS,
        error_messages={
            "invalid": gettext_lazy("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/03/2026.")
        },
        widget=django_forms.TextInput(
            attrs={"placeholder": gettext_lazy("ngày/tháng/năm"), "inputmode": "numeric"}
        ),
    )
    end = django_forms.DateField(
        label=gettext_lazy("đến ngày"),
        input_formats=DATE_FORMATS,
        error_messages={
            "invalid": gettext_lazy("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2026.")
        },
        widget=django_forms.TextInput(
            attrs={"placeholder": gettext_lazy("ngày/tháng/năm"), "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        self.units = {u.pk: u for u in units}

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        return data


def _units(request):
    view = request.officer.visibility.view
    return [u for u in request.officer.units() if u.pk in view]


def _book_form(request, units) -> BookFilter:
    today = timezone.localdate()
    if "start" in request.GET or "end" in request.GET or "unit" in request.GET:
        data = request.GET
    else:
        data = {
            "unit": str(units[0].pk) if units else "",
            "start": today.replace(day=1).strftime("%d/%m/%Y"),
            "end": today.strftime("%d/%m/%Y"),
        }
    return BookFilter(data, units=units)


def _form_label(unit_form_set: str | None = None) -> str:
    spec = official_forms.of_kind(unit_form_set or official_forms.TT03, official_forms.Kind.BOOK)
    return f"Mẫu số {spec.code} — {spec.basis}"


def _log_book(request, agency, start, end, rows, via: str) -> None:
    """The book lists applicants' names, addresses and phones: one access-log row naming every dossier shown (by
    code), the unit and the period."""
    if not rows:
        return
    personal_data.record_read(
        request.user,
        kind=RecordKind.DOSSIER,
        records=[("code", row.code) for row in rows],
        label=_("Sổ theo dõi hồ sơ của %(unit)s từ %(start)s đến %(end)s (%(count)s hồ sơ)")
        % {"unit": agency.name, "start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}", "count": len(rows)},
        purpose=ReadPurpose.REGISTER,
        via=via,
        acting_agency_id=agency.pk,
        subject_units=[agency.pk],
    )


@officer_required
def book_page(request):
    """The book on screen: the filter (unit, period), then the rows by pages of 50 (“Xem tiếp”). With htmx, only
    the results are swapped; an invalid field is named next to itself and nothing is read."""
    units = _units(request)
    form = _book_form(request, units)
    context = {"form": form, "units": units, "rows": [], "next_url": "", "searched": False}
    if units and form.is_valid():
        unit, start, end = form.cleaned_data["unit"], form.cleaned_data["start"], form.cleaned_data["end"]
        params = {"unit": unit, "start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
        after = None
        if cursor := request.GET.get("sau"):
            try:
                after = Cursor.decode(cursor)
            except InvalidCursor:
                after = None
        result = book.page(unit, start, end, after=after, limit=BOOK_PAGE)
        _log_book(request, form.units[unit], start, end, result.rows, "documents:book")
        context.update(
            rows=result.rows,
            searched=True,
            unit=form.units[unit],
            start=start,
            end=end,
            export_query=urlencode(params),
            next_url="?" + urlencode({**params, "sau": result.next.encode()}) if result.next else "",
            form_label=_form_label(),
            continued=after is not None,
        )
    if request.htmx and not request.htmx.boosted:
        return render(request, "documents/partials/book_results.html", context)
    return render_ws(request, "documents/book.html", BOOK_SECTION, context)


@officer_required
def book_xlsx(request):
    units = _units(request)
    form = BookFilter(request.GET, units=units)
    if not units or not form.is_valid():
        context = {"form": form, "units": units, "rows": [], "searched": False}
        return render_ws(request, "documents/book.html", BOOK_SECTION, context, status=400)
    unit, start, end = form.cleaned_data["unit"], form.cleaned_data["start"], form.cleaned_data["end"]
    total = book.count(unit, start, end)
    if total > book.MAX_EXPORT:
        form.add_error(
            "end",
            _("Khoảng thời gian có %(count)s hồ sơ, quá %(max)s hồ sơ của một tệp: hãy chọn khoảng ngắn hơn.")
            % {"count": total, "max": book.MAX_EXPORT},
        )
        context = {"form": form, "units": units, "rows": [], "searched": False}
        return render_ws(request, "documents/book.html", BOOK_SECTION, context, status=400)
    agency = form.units[unit]
    rows = list(book.all_rows(unit, start, end))
    _log_book(request, agency, start, end, rows, "documents:book-xlsx")
    content = book.xlsx(agency.name, _form_label(), start, end, rows)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"so-theo-doi_{agency.identifier}_{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
