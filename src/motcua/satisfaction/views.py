"""Satisfaction screens.

- ``/danh-gia/<mã>/`` (``satisfaction:rate``): the applicant rates a returned dossier once (the owner's account,
  or a visitor who unlocked the code on the tracking page in this session; 404 for anyone else and for a dossier
  not returned yet). Once rated, the page shows the rating and no form.
- ``/mot-cua/danh-gia-tai-quay/`` (``satisfaction:kiosk``): the full-screen kiosk a counter officer turns to the
  citizen: the §10.1 question for the dossier the officer received last (code and procedure only), one tap, a
  thank-you screen, then waiting for the next dossier (htmx polling; a plain refresh without JavaScript).
- ``/bao-cao/hai-long/`` (``satisfaction:stats``) and ``.xlsx``: statistics for holders of ``reports.view``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier
from motcua.reports.forms import ReportForm
from motcua.reports.views.common import query_string, reports_required
from motcua.satisfaction import services, stats
from motcua.satisfaction.access import channel_for
from motcua.satisfaction.forms import KioskForm, RatingForm
from motcua.satisfaction.models import Kind, Level
from motcua.satisfaction.permissions import KIOSK
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

# --- the applicant's rating ---------------------------------------------------------------------------------------


def _apply_errors(form: RatingForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(None if name == "__all__" or name not in form.fields else name, messages)
    else:
        form.add_error(None, error.messages)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def rate(request, ident: str):
    dossier = services.find_dossier(ident) if len(ident) <= 60 else None
    if dossier is None or dossier.status != Status.RETURNED:
        raise Http404
    allowed = channel_for(request, dossier)
    if allowed is None:
        raise Http404
    channel, account = allowed
    rating = services.rating_of(dossier, Kind.RESULT)
    context = {"dossier": dossier, "ident": dossier.code or dossier.reference, "rating": rating}
    if rating is not None:
        context["just_rated"] = request.GET.get("da-gui") == "1"
        return render(request, "satisfaction/rated.html", context)
    now = timezone.now()
    criteria = services.criteria_on(timezone.localdate(now))
    form = RatingForm(request.POST if request.method == "POST" else None, criteria=criteria)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.rate_result(
                    dossier,
                    level=form.cleaned_data["level"],
                    answers=form.answers(),
                    comment=form.cleaned_data["comment"],
                    account=account,
                    channel=channel,
                    at=now,
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                return redirect(reverse("satisfaction:rate", args=[context["ident"]]) + "?da-gui=1")
        status = 400
    form.mark_errors()
    context["form"] = form
    return render(request, "satisfaction/rate.html", context, status=status)


# --- the counter kiosk --------------------------------------------------------------------------------------------

POLL_SECONDS = 4


def _kiosk_allowed(request) -> bool:
    """Holds ``satisfaction.kiosk`` somewhere today (which dossiers it shows is decided per receiving unit)."""
    return any(a.role in KIOSK.roles for a in request.officer.access.assignments)


@never_cache
@officer_required
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk(request):
    if not _kiosk_allowed(request):
        return render(request, "satisfaction/kiosk_forbidden.html", status=403)
    access = request.officer.access
    error = ""
    if request.method == "POST":
        form = KioskForm(request.POST)
        dossier = None
        if form.is_valid():
            dossier = (
                Dossier.objects.filter(pk=form.cleaned_data["dossier"])
                .only("id", "receiving_agency_id")
                .first()
            )
        if "level" in form.errors:
            error = str(_no_level())
        elif dossier is None:
            error = str(_invalid())
        else:
            try:
                services.rate_reception(
                    dossier, level=form.cleaned_data["level"], officer=request.user, access=access
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                return redirect("satisfaction:kiosk-thanks")
    shown = services.kiosk_dossier(request.user, access)
    if request.htmx and request.method == "GET":
        # the polling of a screen: nothing to swap while it still shows the right thing
        showing = request.GET.get("dang-hien", "")
        if showing == (str(shown.pk) if shown else "cho"):
            return HttpResponse(status=204)
        return render(request, "satisfaction/partials/kiosk_screen.html", _kiosk_context(shown, error))
    return render(
        request, "satisfaction/kiosk.html", _kiosk_context(shown, error), status=409 if error else 200
    )


def _no_level():
    from django.utils.translation import gettext as _

    return _("Chọn một mức độ hài lòng.")


def _invalid():
    from django.utils.translation import gettext as _

    return _("Không tìm thấy hồ sơ cần đánh giá. Vui lòng chờ công chức tiếp nhận hồ sơ.")


def _kiosk_context(shown, error: str = "") -> dict:
    return {
        "shown": shown,
        "error": error,
        "levels": [
            (Level.VERY_SATISFIED, "very"),
            (Level.SATISFIED, "ok"),
            (Level.DISSATISFIED, "bad"),
        ],
        "poll_seconds": POLL_SECONDS,
    }


@never_cache
@officer_required
def kiosk_thanks(request):
    if not _kiosk_allowed(request):
        return render(request, "satisfaction/kiosk_forbidden.html", status=403)
    return render(request, "satisfaction/kiosk_thanks.html", {"back_seconds": 5})


# --- statistics ---------------------------------------------------------------------------------------------------


def _report(request):
    access = request.reports
    form = ReportForm(request.GET, registry=access.registry, allowed=access.allowed)
    units = officers = None
    through = None
    if form.is_valid():
        through = form.period.through(timezone.localdate())
        scope = access.registry.scope(form.unit.pk, form.cleaned_data["theo"])
        names = {pk: unit.name for pk, unit in access.registry.units.items()}
        units = stats.by_unit(scope, form.period.start, through, names)
        officers = stats.by_officer(scope, form.period.start, through, names)
    form.mark_errors()
    return form, units, officers, through


@reports_required
def stats_page(request):
    form, units, officers, through = _report(request)
    context = {
        "tab": "satisfaction",
        "form": form,
        "units": units,
        "officers": officers,
        "total": stats.total(units) if units else None,
        "through": through,
        "query": query_string(form),
    }
    return render_ws(request, "satisfaction/stats.html", "reports", context)


@reports_required
def stats_xlsx(request):
    form, units, officers, through = _report(request)
    if units is None:
        context = {"tab": "satisfaction", "form": form, "units": None, "officers": None, "query": ""}
        return render_ws(request, "satisfaction/stats.html", "reports", context, status=400)
    from django.utils.translation import gettext as _

    title = _("Kết quả đánh giá sự hài lòng — %(unit)s, %(period)s (đến ngày %(day)s)") % {
        "unit": form.unit.name,
        "period": form.period.name(),
        "day": through.strftime("%d/%m/%Y"),
    }
    response = HttpResponse(stats.xlsx(title, units, officers), content_type=stats.XLSX_TYPE)
    name = f"danh-gia-hai-long-{form.period.start:%Y%m%d}-{through:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
