"""Officers' PAKN screens under ``/mot-cua/phan-anh/`` (inside the workspace layout, ``officer_required``).

- ``phan-anh/`` the queue of the officer's units, by current deadline, with late badges;
- ``phan-anh/ghi-nhan/`` record a feedback received by hotline, e-mail, letter or in person;
- ``phan-anh/thong-ke/`` unit statistics (``feedback.statistics``);
- ``phan-anh/<code>/`` the feedback with its history and only the actions the officer may take now;
  ``POST phan-anh/<code>/<action>/`` applies one through ``transitions.apply``;
- ``phan-anh/<code>/tep/<uuid>/`` an attachment, streamed after the same visibility check.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.inputs import ascii_id, in_calendar
from motcua.feedback.choices import Classification, Status
from motcua.feedback.forms import FeedbackForm
from motcua.feedback.lifecycle import BY_ACTION, OPEN
from motcua.feedback.models import Feedback, FeedbackAttachment
from motcua.feedback.services import statistics
from motcua.feedback.services.intake import submit
from motcua.feedback.services.transitions import FeedbackError, allowed_actions, apply
from motcua.feedback.views.public import put_errors, request_from, unbound_with_error
from motcua.files.uploads import upload_view
from motcua.files.views.common import file_response
from motcua.org import personal_data
from motcua.org.models import Agency
from motcua.org.models.personal_data_read import ReadPurpose, RecordKind
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

SECTION = "phan-anh"


def _units(request, action: str = "feedback.view") -> set[int]:
    return request.officer.access.agencies_where(action)


@officer_required
def queue(request):
    units = _units(request)
    show = request.GET.get("trang_thai", "mo")
    rows = Feedback.objects.filter(handling_agency_id__in=units).exclude(status=Status.REDIRECTED)
    if show == "mo":
        rows = rows.filter(status__in=OPEN)
    elif show in Status.values:
        rows = rows.filter(status=show)
    rows = list(
        rows.select_related("handling_agency")
        .only(
            "code", "title", "status", "deadline_at", "received_at", "classification", "handling_agency__name"
        )
        .order_by("deadline_at", "id")[:200]
    )
    context = {
        "rows": rows,
        "now": timezone.now(),
        "show": show,
        "statuses": [(s.value, s.label) for s in Status if s != Status.REDIRECTED],
        "may_record": bool(_units(request, "feedback.receive")),
    }
    return render_ws(request, "feedback/officer/queue.html", SECTION, context)


def _visible(request, code: str, *related):
    units = _units(request)
    return (
        Feedback.objects.filter(code=code, handling_agency_id__in=units)
        .select_related(
            "handling_agency", "receiving_agency", "procedure", "about_agency", "repeat_of", *related
        )
        .first()
    )


def _not_found(request):
    return render_ws(
        request,
        "feedback/officer/not_found.html",
        SECTION,
        {"message": _("Không có phản ánh này tại các đơn vị bạn được xem.")},
        status=404,
    )


def _log_sender_read(request, feedback) -> None:
    """The page shows the sender's name, address, phone and e-mail: one row of the personal-data access log,
    acting for the handling unit (where the officer may see the item)."""
    personal_data.record_read(
        request.user,
        kind=RecordKind.PAKN_SENDER,
        records=[("feedback", feedback.pk)],
        label=_("Phản ánh, kiến nghị %(code)s") % {"code": feedback.code},
        purpose=ReadPurpose.PAKN,
        via="feedback:officer-detail",
        acting_agency_id=personal_data.acting_unit(request.officer.access, [feedback.handling_agency_id]),
        subject_units=[feedback.handling_agency_id, feedback.receiving_agency_id],
    )


@officer_required
def detail(request, code: str):
    feedback = _visible(request, code)
    if feedback is None:
        return _not_found(request)
    actions = allowed_actions(request.user, feedback, access=request.officer.access)
    _log_sender_read(request, feedback)
    context = {
        "feedback": feedback,
        "log": [
            (entry, action_label(entry.action))
            for entry in feedback.log.select_related("actor", "agency").order_by("seq")
        ],
        "attachments": list(feedback.attachments.select_related("file")),
        "actions": actions,
        "classifications": Classification.choices,
        "agencies": list(
            Agency.objects.exclude(pk=feedback.handling_agency_id).only("id", "name").order_by("name")
        )
        if any(a.action == "transfer" for a in actions)
        else [],
        "now": timezone.now(),
    }
    return render_ws(request, "feedback/officer/detail.html", SECTION, context)


@officer_required
@require_POST
def act(request, code: str, action: str):
    feedback = _visible(request, code)
    if feedback is None:
        return _not_found(request)
    inputs = {k: v for k, v in request.POST.items() if k not in {"csrfmiddlewaretoken", "version"}}
    version = request.POST.get("version")
    try:
        apply(
            feedback,
            action,
            request.user,
            inputs=inputs,
            expected_version=ascii_id(version) if version else None,
            access=request.officer.access,
        )
    except FeedbackError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": action_label(action)})
    return redirect("feedback:officer-detail", code=code)


def action_label(action: str) -> str:
    return str(BY_ACTION[action].label) if action in BY_ACTION else action


def _too_large(request, upload=None):
    form = unbound_with_error(FeedbackForm(officer=True))
    form.add_error("attachments", _("Tệp đính kèm quá lớn; không có gì được lưu."))
    return render_ws(request, "feedback/officer/record.html", SECTION, {"form": form}, status=413)


@officer_required
@upload_view(_too_large)
def record(request, upload=None):
    units = _units(request, "feedback.receive")
    agencies = list(Agency.objects.filter(pk__in=units).only("id", "identifier", "name").order_by("name"))
    if not agencies:
        return render_ws(
            request,
            "feedback/officer/not_found.html",
            SECTION,
            {"message": _("Chỉ cán bộ xử lý phản ánh, kiến nghị ghi nhận phản ánh.")},
            status=403,
        )
    if request.method != "POST":
        form = FeedbackForm(
            agencies=agencies, officer=True, initial={"receiving_agency": agencies[0].identifier}
        )
        return render_ws(request, "feedback/officer/record.html", SECTION, {"form": form})
    form = FeedbackForm(request.POST, agencies=agencies, officer=True)
    form.is_valid()
    files = [(f, upload.client_name("attachments", f)) for f in request.FILES.getlist("attachments")]
    try:
        feedback = submit(request_from(request.POST, files), actor=request.user)
    except FeedbackError as exc:
        put_errors(form, exc)
        return render_ws(request, "feedback/officer/record.html", SECTION, {"form": form}, status=422)
    messages.success(request, _("Đã ghi nhận %(code)s.") % {"code": feedback.code})
    if feedback.status == Status.REDIRECTED:
        messages.info(request, feedback.redirect_note)
        return redirect("feedback:officer-queue")
    return redirect("feedback:officer-detail", code=feedback.code)


@officer_required
def attachment(request, code: str, file_id: uuid.UUID):
    units = _units(request)
    found = (
        FeedbackAttachment.objects.filter(
            feedback__code=code, feedback__handling_agency_id__in=units, file_id=file_id
        )
        .select_related("file")
        .first()
    )
    if found is None:
        return _not_found(request)
    return file_response(request, found.file)


def _date(value: str | None, default: dt.date) -> dt.date:
    try:
        day = dt.datetime.strptime(value or "", "%d/%m/%Y").date()
    except ValueError:
        return default
    return day if in_calendar(day) else default  # 31/12/9999: its day after would overflow


@officer_required
def stats(request):
    units = _units(request, "feedback.statistics")
    if not units:
        return render_ws(
            request,
            "feedback/officer/not_found.html",
            SECTION,
            {"message": _("Bạn không có quyền xem thống kê phản ánh, kiến nghị.")},
            status=403,
        )
    today = timezone.localdate()
    first = _date(request.GET.get("tu_ngay"), today.replace(day=1))
    last = _date(request.GET.get("den_ngay"), today)
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in=units).only("id", "name")}
    rows = statistics.by_unit(agencies.keys(), first, last)
    table = [
        (agencies[pk], figures) for pk, figures in sorted(rows.items(), key=lambda i: agencies[i[0]].name)
    ]
    context = {"table": table, "total": statistics.total(rows.values()), "first": first, "last": last}
    return render_ws(request, "feedback/officer/stats.html", SECTION, context)
