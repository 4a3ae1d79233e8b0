"""Nhật ký truy cập dữ liệu cá nhân: the screen where leaders and inspectors read who read whose personal data
(Nghị định 13/2023/NĐ-CP), from the append-only log ``org.PersonalDataRead``.

Scope (``org.personal_data.visible_reads``): a unit's leaders (AGENCY_LEAD, CENTRE_HEAD, DEPT_LEAD) see the reads
by officers acting for their units and the reads of records their units hold; TTHC controllers and administrators
see the whole province. Filters: officer (user name), period (dd/mm/yyyy), record (a dossier or PAKN code). Newest
first, 50 a page, "Xem tiếp" by keyset cursor. Queries: session, user, the permission snapshot (two), unread
notifications, the page of rows (with officer and unit) — six, whatever the filters.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.dossiers.services.queues import Cursor, InvalidCursor
from motcua.org import personal_data
from motcua.workspace.access import officer_required
from motcua.workspace.permissions import READ_ACCESS_LOG
from motcua.workspace.views.common import render_ws

SECTION = "nhat-ky-du-lieu"
PAGE = 50
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
DATE_ERROR = gettext_lazy("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026.")


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%d/%m/%Y"],
        error_messages={"invalid": DATE_ERROR},
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("ngày/tháng/năm"), "inputmode": "numeric"}),
    )


class LogFilter(forms.Form):
    can_bo = forms.CharField(label=gettext_lazy("Cán bộ (tên đăng nhập)"), required=False, max_length=150)
    tu_ngay = _date_field(gettext_lazy("Từ ngày"))
    den_ngay = _date_field(gettext_lazy("Đến ngày"))
    ban_ghi = forms.CharField(label=gettext_lazy("Mã hồ sơ hoặc mã phản ánh"), required=False, max_length=64)

    def clean(self):
        data = super().clean()
        for name in ("tu_ngay", "den_ngay"):
            day = data.get(name)
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, _("Chỉ tra cứu được từ 01/01/2000 đến 31/12/2100."))
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and end < start:
            self.add_error("den_ngay", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        return data


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _filtered(rows, data: dict):
    if officer := data.get("can_bo", "").strip():
        rows = rows.filter(user__username__iexact=officer)
    if start := data.get("tu_ngay"):
        rows = rows.filter(at__gte=_local_midnight(start))
    if end := data.get("den_ngay"):
        rows = rows.filter(at__lt=_local_midnight(end + dt.timedelta(days=1)))
    if record := data.get("ban_ghi", "").strip():
        rows = rows.filter(
            Q(label__icontains=record) | Q(records__contains=personal_data.record_token("code", record))
        )
    return rows


@officer_required
def access_log(request):
    visible = personal_data.visible_reads(request.officer.access, READ_ACCESS_LOG.code)
    if visible is None:
        return render_ws(
            request,
            "workspace/access_log_forbidden.html",
            SECTION,
            {
                "message": _(
                    "Chỉ lãnh đạo đơn vị, công chức kiểm soát thủ tục hành chính và quản trị hệ thống mới xem được "
                    "nhật ký truy cập dữ liệu cá nhân."
                )
            },
            status=403,
        )
    form = LogFilter(request.GET)
    context = {"form": form, "rows": [], "next_url": "", "province_wide": False}
    if not form.is_valid():
        return render_ws(request, "workspace/access_log.html", SECTION, context, status=400)
    rows = _filtered(visible, form.cleaned_data)
    if cursor := request.GET.get("sau"):
        try:
            after = Cursor.decode(cursor)
        except InvalidCursor:
            form.add_error(None, _("Liên kết “Xem tiếp” không hợp lệ: hãy tra cứu lại từ đầu."))
            return render_ws(request, "workspace/access_log.html", SECTION, context, status=400)
        rows = rows.filter(Q(at__lt=after.deadline_at) | Q(at=after.deadline_at, id__lt=after.id))
    page = list(rows.select_related("user", "acting_agency").order_by("-at", "-id")[: PAGE + 1])
    more = len(page) > PAGE
    page = page[:PAGE]
    for row in page:
        row.via_label = personal_data.via_label(row.via)
    params = {k: v for k, v in request.GET.items() if k != "sau" and v}
    context.update(
        rows=page,
        province_wide=personal_data.province_wide(request.officer.access),
        next_url="?" + urlencode({**params, "sau": Cursor(page[-1].at, page[-1].pk).encode()})
        if more
        else "",
    )
    return render_ws(request, "workspace/access_log.html", SECTION, context)
