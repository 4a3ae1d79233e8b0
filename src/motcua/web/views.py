"""Public pages of the organisation registry and the officer's account page. Views only read through services."""

from __future__ import annotations

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from motcua.core.dated import parse_day
from motcua.notifications import services as notifications
from motcua.org import permissions, services
from motcua.org.models import Agency, AgencySuccession, WorkingHours
from motcua.org.models.agency import AgencyLevel


def home(request):
    context = {}
    if request.user.is_authenticated:
        assignments = list(permissions.assignments_on(request.user).order_by("agency__name", "role"))
        catalog_roles = permissions.action("catalog.manage").roles
        context["assignments"] = assignments
        context["is_catalog_controller"] = request.user.is_superuser or any(
            a.role in catalog_roles for a in assignments
        )
    return render(request, "web/home.html", context)


LEVEL_ORDER = [AgencyLevel.PROVINCE, AgencyLevel.COMMUNE, AgencyLevel.DISTRICT, AgencyLevel.CENTRAL]


def agency_directory(request):
    on, error = parse_day(request.GET.get("ngay"))
    agencies = list(services.agencies_on(on).select_related("parent").order_by("level", "parent_id", "name"))
    agencies.sort(key=lambda a: (LEVEL_ORDER.index(a.level), a.name))
    groups = [
        (AgencyLevel(level).label, list(items)) for level, items in groupby(agencies, key=lambda a: a.level)
    ]
    return render(
        request,
        "web/agency_directory.html",
        {"groups": groups, "on": on, "date_error": error, "count": len(agencies)},
    )


def agency_detail(request, identifier: str):
    on, error = parse_day(request.GET.get("ngay"))
    resolution = services.resolve_agency(identifier, on)
    if resolution is None:
        raise Http404(_("Không có cơ quan nào mang mã định danh này."))
    agency: Agency = resolution.record
    context = {
        "agency": agency,
        "on": on,
        "date_error": error,
        "resolution": resolution,
        "hours": services.working_hours_for(agency, on),
        "timetables": WorkingHours.objects.filter(agency=agency).order_by("-valid_from"),
        "children": services.agencies_on(on).filter(parent=agency).order_by("name"),
        "predecessors": AgencySuccession.objects.filter(successor=agency).select_related("predecessor"),
        "successions": AgencySuccession.objects.filter(predecessor=agency).select_related("successor"),
    }
    return render(request, "web/agency_detail.html", context)


@login_required
def my_account(request):
    """The officer's roles, history and notification choices; a POST records the choice of e-mails."""
    if request.method == "POST":
        notifications.set_email_on_handover(request.user, request.POST.get("email_on_handover") == "1")
        return redirect("my-account")
    assignments = permissions.assignments_on(request.user).order_by("agency__name", "role")
    history = request.user.role_assignments.select_related("agency").order_by("-valid_from")
    context = {
        "assignments": assignments,
        "history": history,
        "email_on_handover": notifications.email_on_handover(request.user),
    }
    return render(request, "web/my_account.html", context)
