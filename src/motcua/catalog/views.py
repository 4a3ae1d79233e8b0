"""Public catalogue pages: browse and search procedures, and the procedure page with every part that
ND 63/2010 Art. 8 requires to be published. Read-only; personal data never appears here."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from motcua.catalog import processes, services
from motcua.catalog.choices import AssignmentRole, Level, OnlineLevel
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureField,
)
from motcua.core.dated import parse_day, today, valid_on_q
from motcua.org import services as org_services

PAGE_SIZE = 20
ONLINE_LEVELS = (OnlineLevel.PARTIAL, OnlineLevel.FULL)


def _search_codes(query: str, limit: int) -> list[str]:
    """Codes of the best matches for ``query``, best first (the shared Vietnamese-aware search)."""
    from motcua.catalog import search

    return [hit.code for hit in search.search(query, limit=limit)]


def procedure_list(request):
    params = request.GET
    query = (params.get("q") or "").strip()[:200]
    errors = {}
    procedures = Procedure.objects.filter(current_version__isnull=False).select_related(
        "current_version", "current_version__field"
    )
    field = None
    if slug := params.get("linh-vuc"):
        field = ProcedureField.objects.filter(slug=slug).first()
        if field is None:
            errors["linh-vuc"] = _("Không có lĩnh vực này.")
        else:
            procedures = procedures.filter(current_version__field=field)
    level = params.get("cap") or ""
    if level:
        if level not in Level.values:
            errors["cap"] = _("Cấp thực hiện không hợp lệ.")
        else:
            procedures = procedures.filter(current_version__levels__icontains=f'"{level}"')
    agency = None
    if identifier := params.get("co-quan"):
        agency = org_services.agency_on(identifier, today())
        if agency is None:
            errors["co-quan"] = _("Không có cơ quan này.")
        else:
            assigned = ProcedureAssignment.objects.filter(
                valid_on_q(today()), procedure=OuterRef("pk"), agency=agency
            )
            procedures = procedures.filter(Exists(assigned))
    online = params.get("truc-tuyen") == "1"
    if online:
        procedures = procedures.filter(current_version__online_level__in=ONLINE_LEVELS)

    if query:
        codes = _search_codes(query, limit=200)
        rank = {code: i for i, code in enumerate(codes)}
        matches = sorted(procedures.filter(code__in=codes), key=lambda p: rank[p.code])
        page = Paginator(matches, PAGE_SIZE).get_page(params.get("trang"))
    else:
        page = Paginator(procedures.order_by("current_version__name", "code"), PAGE_SIZE).get_page(
            params.get("trang")
        )

    filters = params.copy()
    filters.pop("trang", None)
    context = {
        "page": page,
        "query": query,
        "errors": errors,
        "fields": ProcedureField.objects.filter(versions__procedure__current_version__isnull=False)
        .distinct()
        .order_by("name"),
        "levels": [(code, label) for code, label in Level.choices if code != Level.DISTRICT],
        "selected_field": field,
        "selected_level": level,
        "selected_agency": agency,
        "agencies": org_services.agencies_on(today())
        .filter(Exists(ProcedureAssignment.objects.filter(valid_on_q(today()), agency=OuterRef("pk"))))
        .order_by("name"),
        "online": online,
        "filter_query": filters.urlencode(),
    }
    return render(request, "catalog/procedure_list.html", context)


def procedure_detail(request, code: str):
    procedure = get_object_or_404(Procedure, code=code)
    on, date_error = parse_day(request.GET.get("ngay"))
    version = services.version_on(procedure, on)
    if version is None:
        raise Http404(_("Thủ tục này không có phiên bản có hiệu lực vào ngày đã chọn."))
    version = (
        type(version)
        .objects.select_related("field")
        .prefetch_related(
            Prefetch(
                "cases",
                queryset=ProcedureCase.objects.prefetch_related(
                    Prefetch("components", queryset=CaseComponent.objects.order_by("order"))
                ),
            ),
            Prefetch(
                "channel_options", queryset=ChannelOption.objects.prefetch_related("fees").order_by("order")
            ),
            "legal_bases",
            "results",
        )
        .get(pk=version.pk)
    )
    assignments = list(
        ProcedureAssignment.objects.filter(valid_on_q(on), procedure=procedure)
        .select_related("agency")
        .order_by("role", "agency__name")
    )
    context = {
        "procedure": procedure,
        "version": version,
        "on": on,
        "date_error": date_error,
        "is_current": version.pk == procedure.current_version_id,
        "receiving": [a.agency for a in assignments if a.role == AssignmentRole.RECEIVES],
        "handling": [a.agency for a in assignments if a.role == AssignmentRole.HANDLES],
        "is_online": version.online_level in ONLINE_LEVELS,
        "processes": processes.valid_on(version, on),
        "other_versions": procedure.versions.filter(state="published")
        .exclude(pk=version.pk)
        .order_by("-number"),
    }
    return render(request, "catalog/procedure_detail.html", context)
