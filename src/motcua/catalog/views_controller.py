"""TTHC controllers' screens: the review queue, a procedure's versions (new draft, publish) and its assignments.
Every write goes through ``catalog.services`` (audited); access follows the ``catalog.manage`` action."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
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

from motcua.catalog import processes, services
from motcua.catalog.choices import VersionState
from motcua.catalog.forms import (
    AssignmentForm,
    EndAssignmentForm,
    ProcessDraftForm,
    ProcessImportForm,
    ProcessPublishForm,
    PublishForm,
    StepFormSet,
)
from motcua.catalog.importing import processes as process_import
from motcua.catalog.models import InternalProcess, Procedure, ProcedureAssignment, ProcedureVersion
from motcua.catalog.permissions import MANAGE_CATALOG
from motcua.core.dated import today, valid_on_q
from motcua.core.models import AuditEntry
from motcua.core.text import sort_key
from motcua.org.models import Agency
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
    process_list = list(
        InternalProcess.objects.filter(version__procedure=procedure)
        .select_related("version")
        .order_by("-version__number", "level", "-number")
    )
    context = {
        "procedure": procedure,
        "versions": versions,
        "current": current,
        "drafts": [v for v in versions if v.state == VersionState.DRAFT],
        "assignments": assignments,
        "publish_form": PublishForm(),
        "assignment_form": AssignmentForm(),
        "processes": process_list,
        "process_draft_form": ProcessDraftForm(),
        "history": AuditEntry.objects.filter(
            Q(object_type="catalog.procedureversion", object_id__in=[str(v.pk) for v in versions])
            | Q(object_type="catalog.internalprocess", object_id__in=[str(p.pk) for p in process_list])
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


# --- internal processes (quy trình nội bộ): drafts edited on screen, approved with their decision -------------


def _process_or_404(code: str, pk: int) -> InternalProcess:
    return get_object_or_404(
        InternalProcess.objects.select_related(
            "version__procedure", "created_by", "published_by"
        ).prefetch_related("version__channel_options"),
        pk=pk,
        version__procedure__code=code,
    )


def _unit_choices(steps) -> dict:
    """The agencies a step may name, ``{pk: (label, agency)}`` sorted by name: those valid today, and any a step
    already names. A name borne by several agencies shows its parent's name too."""
    used = {s.unit_id for s in steps if s.unit_id}
    agencies = list(
        Agency.objects.filter(valid_on_q(today()) | Q(pk__in=used))
        .select_related("parent")
        .only("pk", "name", "parent__name")
    )
    agencies.sort(key=lambda a: (sort_key(a.name), a.parent.name if a.parent else ""))
    names = Counter(a.name for a in agencies)
    return {
        a.pk: (f"{a.name} — {a.parent.name}" if names[a.name] > 1 and a.parent else a.name, a)
        for a in agencies
    }


def _step_initial(steps) -> list[dict]:
    return [
        {
            "order": s.order,
            "name": s.name,
            "role": s.role,
            "performer": s.performer,
            "unit": str(s.unit_id) if s.unit_id else "",
            "limit_amount": s.limit_amount,
            "limit_unit": s.limit_unit,
            "needs_signature": s.needs_signature,
            "notify_citizen": s.notify_citizen,
            "send_back_to": list(s.send_back_to or []),
            "output": s.output,
        }
        for s in steps
    ]


def _step_formset(process, steps, data=None):
    return StepFormSet(
        data, initial=_step_initial(steps), form_kwargs={"units": _unit_choices(steps)}, prefix="buoc"
    )


def _decimal(value) -> str:
    """4.00 → “4”, 0.50 → “0,5”."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def _process_context(process: InternalProcess, **extra) -> dict:
    steps = list(process.steps.select_related("unit").order_by("order"))
    draft = process.state == VersionState.DRAFT
    limit = processes.legal_limit(process.version)
    total = processes.total_hours(steps)
    for s in steps:
        s.share_label = f"{_decimal(s.limit_amount)} {s.get_limit_unit_display()}"
    context = {
        "process": process,
        "procedure": process.version.procedure,
        "steps": steps,
        "draft": draft,
        "total": total,
        "limit": limit,
        "over_limit": limit is not None and total > limit[0],
        "total_label": _decimal(total),
        "limit_label": limit[1].limit_label() if limit else "",
        "limit_hours": _decimal(limit[0]) if limit else "",
        "problems": processes.share_problems(process, steps) if draft else [],
        "history": AuditEntry.objects.filter(
            object_type="catalog.internalprocess", object_id=str(process.pk)
        ).select_related("actor")[:20],
        "is_current_version": process.version_id == process.version.procedure.current_version_id,
    }
    if draft:
        context["formset"] = extra.pop("formset", None) or _step_formset(process, steps)
        context["publish_form"] = ProcessPublishForm()
    context.update(extra)
    return context


@controller_required
def process_page(request, code: str, pk: int):
    process = _process_or_404(code, pk)
    return render(request, "catalog/controller_process.html", _process_context(process))


@controller_required
@require_POST
def create_process_draft(request, code: str):
    procedure = get_object_or_404(Procedure.objects.select_related("current_version"), code=code)
    version = procedure.current_version
    form = ProcessDraftForm(request.POST)
    if version is None or not form.is_valid():
        messages.error(
            request,
            _("Thủ tục chưa có phiên bản đang áp dụng.")
            if version is None
            else _("Cấp thực hiện không hợp lệ."),
        )
        return redirect("catalog:controller-procedure", code=code)
    level = form.cleaned_data["level"]
    existing = InternalProcess.objects.filter(version=version, level=level, state=VersionState.DRAFT).first()
    if existing is not None:
        messages.error(request, _("Đã có một dự thảo quy trình cho cấp này; hãy hoàn thiện dự thảo đó."))
        return redirect("catalog:controller-process", code=code, pk=existing.pk)
    source = processes.process_for(version, level, today())
    draft = processes.new_draft(version, level=level, actor=request.user, source=source)
    if source is not None:
        messages.success(
            request,
            _(
                "Đã tạo dự thảo quy trình phiên bản %(number)s từ quy trình đang áp dụng (phiên bản %(source)s)."
            )
            % {"number": draft.number, "source": source.number},
        )
    else:
        messages.success(
            request,
            _("Đã tạo dự thảo quy trình phiên bản %(number)s; chưa có quy trình đang áp dụng để sao chép.")
            % {"number": draft.number},
        )
    return redirect("catalog:controller-process", code=code, pk=draft.pk)


def _refuse_published(request, process: InternalProcess):
    messages.error(
        request, _("Quy trình đã công bố không được sửa; hãy tạo phiên bản quy trình mới (dự thảo).")
    )
    return render(request, "catalog/controller_process.html", _process_context(process), status=409)


@controller_required
@require_POST
def save_process_steps(request, code: str, pk: int):
    process = _process_or_404(code, pk)
    if process.state != VersionState.DRAFT:
        return _refuse_published(request, process)
    steps = list(process.steps.order_by("order"))
    formset = _step_formset(process, steps, request.POST)
    save_errors = []
    if formset.is_valid():
        try:
            saved = processes.replace_steps(process, formset.steps(), actor=request.user)
        except ValidationError as exc:
            save_errors = exc.messages
        else:
            messages.success(request, _("Đã lưu %(count)s bước của quy trình.") % {"count": len(saved)})
            if processes.share_problems(process, saved):
                messages.warning(
                    request, _("Dự thảo đã lưu nhưng chưa thể phê duyệt: xem các vấn đề bên dưới.")
                )
            return redirect("catalog:controller-process", code=code, pk=pk)
    context = _process_context(process, formset=formset, save_errors=save_errors)
    return render(request, "catalog/controller_process.html", context, status=422)


@controller_required
@require_POST
def publish_process(request, code: str, pk: int):
    process = _process_or_404(code, pk)
    if process.state != VersionState.DRAFT:
        return _refuse_published(request, process)
    form = ProcessPublishForm(request.POST)
    if form.is_valid():
        try:
            processes.publish(process, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Đã phê duyệt quy trình phiên bản %(number)s theo quyết định %(decision)s, có hiệu lực từ %(day)s."
                )
                % {
                    "number": process.number,
                    "decision": form.cleaned_data["decision_number"],
                    "day": form.cleaned_data["valid_from"].strftime("%d/%m/%Y"),
                },
            )
            return redirect("catalog:controller-process", code=code, pk=pk)
    context = _process_context(process, publish_form=form)
    return render(request, "catalog/controller_process.html", context, status=400)
