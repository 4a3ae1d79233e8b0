"""TTHC controllers' screens: the review queue, a procedure's versions (new draft, publish) and its assignments.
Every write goes through ``catalog.services`` (audited); access follows the ``catalog.manage`` action."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.catalog import services
from motcua.catalog.choices import VersionState
from motcua.catalog.forms import AssignmentForm, EndAssignmentForm, ProcessImportForm, PublishForm
from motcua.catalog.importing import processes as process_import
from motcua.catalog.models import Procedure, ProcedureAssignment, ProcedureVersion
from motcua.catalog.permissions import MANAGE_CATALOG
from motcua.core.models import AuditEntry
from motcua.org.permissions import agencies_where


def controller_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or agencies_where(user, MANAGE_CATALOG.code)):
            raise PermissionDenied(_("Cần vai trò Công chức kiểm soát TTHC hoặc Quản trị hệ thống."))
        if _second_factor_blocked(request):
            return request.second_factor_redirect()  # the code (or enrolment) first
        return view(request, *args, **kwargs)

    return wrapper


def _second_factor_blocked(request) -> bool:
    """Asked of the request (``accounts.middleware.SecondFactorMiddleware``), not of the accounts app, which sits
    above the catalogue; without the middleware the page refuses to run rather than skip the check."""
    blocked = getattr(request, "second_factor_blocked", None)
    if blocked is None:
        raise ImproperlyConfigured("motcua.accounts.middleware.SecondFactorMiddleware is not in MIDDLEWARE")
    return blocked()


def _add_form_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


@controller_required
def procedure_queue(request):
    show = request.GET.get("loc", "")
    query = (request.GET.get("q") or "").strip()[:200]
    drafts = ProcedureVersion.objects.filter(procedure=OuterRef("pk"), state=VersionState.DRAFT)
    procedures = Procedure.objects.select_related("current_version").annotate(has_draft=Exists(drafts))
    if show == "ra-soat":
        procedures = procedures.exclude(current_version__review_notes=[]).filter(
            current_version__isnull=False
        )
    elif show == "du-thao":
        procedures = procedures.filter(has_draft=True)
    if query:
        procedures = procedures.filter(Q(code__icontains=query) | Q(current_version__name__icontains=query))
    page = Paginator(procedures.order_by("code"), 50).get_page(request.GET.get("trang"))
    totals = Procedure.objects.aggregate(
        all=Count("pk"),
        review=Count("pk", filter=Q(current_version__isnull=False) & ~Q(current_version__review_notes=[])),
    )
    return render(
        request,
        "catalog/controller_queue.html",
        {"page": page, "show": show, "query": query, "totals": totals, "import_form": ProcessImportForm()},
    )


@controller_required
def import_processes(request):
    """Upload a spreadsheet of approved internal processes and see the report. The import runs in the request
    (a few thousand rows take seconds); a file that is not a process table changes nothing."""
    form = ProcessImportForm(request.POST or None, request.FILES or None)
    summary = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                summary = process_import.import_processes(
                    upload,
                    filename=upload.name,
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except process_import.ImportFileError as exc:
                form.add_error("file", str(exc))
        if summary is None:
            status = 400
    return render(
        request,
        "catalog/controller_process_import.html",
        {"form": form, "summary": summary, "headers": process_import.HEADERS},
        status=status,
    )


@controller_required
def process_sample(request):
    return FileResponse(
        process_import.SAMPLE_FILE.open("rb"),
        as_attachment=True,
        filename=process_import.SAMPLE_FILE.name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _procedure_context(procedure: Procedure, **extra) -> dict:
    versions = list(procedure.versions.select_related("published_by", "created_by").order_by("-number"))
    current = next((v for v in versions if v.pk == procedure.current_version_id), None)
    assignments = procedure.assignments.select_related("agency").order_by("-valid_from", "role")
    context = {
        "procedure": procedure,
        "versions": versions,
        "current": current,
        "drafts": [v for v in versions if v.state == VersionState.DRAFT],
        "assignments": assignments,
        "publish_form": PublishForm(),
        "assignment_form": AssignmentForm(),
        "history": AuditEntry.objects.filter(
            Q(object_type="catalog.procedureversion", object_id__in=[str(v.pk) for v in versions])
            | Q(object_type="catalog.procedureassignment", object_id__in=[str(a.pk) for a in assignments])
        ).select_related("actor")[:30],
    }
    context.update(extra)
    return context


@controller_required
def procedure_page(request, code: str):
    procedure = get_object_or_404(Procedure, code=code)
    return render(request, "catalog/controller_procedure.html", _procedure_context(procedure))


@controller_required
@require_POST
def create_draft(request, code: str):
    procedure = get_object_or_404(Procedure, code=code)
    source = procedure.current_version or procedure.versions.order_by("-number").first()
    if procedure.versions.filter(state=VersionState.DRAFT).exists():
        messages.error(
            request, _("Thủ tục đã có một dự thảo đang soạn; hãy hoàn thiện hoặc công bố dự thảo đó.")
        )
        return redirect("catalog:controller-procedure", code=code)
    draft = services.new_draft(procedure, copy_from=source, actor=request.user)
    messages.success(
        request,
        _("Đã tạo dự thảo phiên bản %(number)s từ phiên bản %(source)s.")
        % {"number": draft.number, "source": source.number},
    )
    return redirect("admin:catalog_procedureversion_change", draft.pk)


@controller_required
@require_POST
def publish_version(request, code: str, number: int):
    procedure = get_object_or_404(Procedure, code=code)
    version = get_object_or_404(ProcedureVersion, procedure=procedure, number=number)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            services.publish(version, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã công bố phiên bản %(number)s, có hiệu lực từ %(day)s.")
                % {"number": number, "day": form.cleaned_data["valid_from"].strftime("%d/%m/%Y")},
            )
            return redirect("catalog:controller-procedure", code=code)
    context = _procedure_context(procedure, publish_form=form, publish_number=number)
    return render(request, "catalog/controller_procedure.html", context, status=400)


@controller_required
@require_POST
def add_assignment(request, code: str):
    procedure = get_object_or_404(Procedure, code=code)
    form = AssignmentForm(request.POST)
    if form.is_valid():
        try:
            services.assign(
                procedure,
                form.cleaned_data["agency"],
                form.cleaned_data["role"],
                valid_from=form.cleaned_data["valid_from"],
                decision=form.cleaned_data["decision"],
                actor=request.user,
            )
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(
                request, _("Đã giao %(agency)s thực hiện thủ tục.") % {"agency": form.cleaned_data["agency"]}
            )
            return redirect("catalog:controller-procedure", code=code)
    return render(
        request,
        "catalog/controller_procedure.html",
        _procedure_context(procedure, assignment_form=form),
        status=400,
    )


@controller_required
@require_POST
def end_assignment(request, code: str, pk: int):
    assignment = get_object_or_404(ProcedureAssignment, pk=pk, procedure__code=code)
    form = EndAssignmentForm(request.POST)
    if form.is_valid():
        try:
            services.end_assignment(assignment, form.cleaned_data["valid_to"], actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã kết thúc việc giao thực hiện."))
    else:
        messages.error(request, _("Ngày kết thúc không hợp lệ (dd/mm/yyyy)."))
    return redirect("catalog:controller-procedure", code=code)
