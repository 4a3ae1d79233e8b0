"""Phân công tự động: the screen where a unit's leader (division head, agency leader) chooses how the unit's new work
is assigned — by the leader from "Chờ phân công", or automatically to the specialist with the fewest open steps, or
to each specialist in turn — and sees the unit's specialists with their open steps.

Every unit the officer leads (``dossiers.services.assignment_rules.led_units``) has its own small form; saving one
goes through ``assignment_rules.set_rule`` (the leader check, ``updated_by``, the audit entry). Anyone else: 403.
Queries: session, user, the permission snapshot, unread notifications, the units, their rules, the specialists,
their open steps grouped — a fixed number, whatever the units.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.core.dated import valid_on_q
from motcua.core.inputs import ascii_id
from motcua.core.rules import RuleError
from motcua.dossiers.models import AssignmentMode, AssignmentRule
from motcua.dossiers.services import assignment_rules
from motcua.org.models import Agency
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

SECTION = "phan-cong-tu-dong"


def _refused(request, message: str, status: int = 403):
    return render_ws(
        request, "workspace/assignment_rules_refused.html", SECTION, {"message": message}, status=status
    )


@officer_required
@require_http_methods(["GET", "POST"])
def assignment_rules_page(request):
    access = request.officer.access
    led = assignment_rules.led_units(access)
    if not led:
        return _refused(
            request,
            _("Chỉ lãnh đạo phòng chuyên môn và lãnh đạo cơ quan mới chọn được cách phân công hồ sơ."),
        )
    errors: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        unit_id = ascii_id(request.POST.get("don_vi", ""))
        unit = Agency.objects.filter(pk=unit_id).first() if unit_id is not None else None
        if unit is None:
            return _refused(request, _("Không có đơn vị này."), 404)
        try:
            assignment_rules.set_rule(unit, request.POST.get("cach", ""), request.user)
        except RuleError as refused:
            if refused.kind == "forbidden":
                return _refused(request, refused.message)
            errors[unit.pk], status = refused.message, 400
        else:
            return redirect(f"{reverse('workspace:assignment-rules')}?da_luu={unit.pk}#don-vi-{unit.pk}")
    today = timezone.localdate()
    units = list(Agency.objects.filter(valid_on_q(today), pk__in=sorted(led)).order_by("name", "pk"))
    rules = {
        r.unit_id: r
        for r in AssignmentRule.objects.filter(unit_id__in=[u.pk for u in units]).select_related("updated_by")
    }
    people = assignment_rules.specialists([u.pk for u in units], access, today)
    saved = ascii_id(request.GET.get("da_luu", ""))
    rows = [
        {
            "unit": unit,
            "rule": rules.get(unit.pk),
            "updated_by": _person(rules[unit.pk].updated_by) if unit.pk in rules else "",
            "mode": rules[unit.pk].mode if unit.pk in rules else AssignmentMode.MANUAL,
            "specialists": people.get(unit.pk, []),
            "error": errors.get(unit.pk, ""),
            "saved": saved == unit.pk,
        }
        for unit in units
    ]
    context = {"rows": rows, "modes": AssignmentMode.choices}
    return render_ws(request, "workspace/assignment_rules.html", SECTION, context, status=status)


def _person(user) -> str:
    """A person's name in Vietnamese order (family name first), else their user name."""
    if user is None:
        return ""
    return " ".join(p for p in (user.last_name, user.first_name) if p) or user.get_username()
