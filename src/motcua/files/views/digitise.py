"""The digitisation screens (trạm số hóa, SPEC §1.7): for the digitisation officer and the counter officer of the
receiving unit.

- ``GET /mot-cua/so-hoa/`` (``files:digitise-queue``): open dossiers received by the officer's unit that still
  have a submitted component not digitised, in deadline order, by keyset pages ("Xem tiếp"). Queries: session
  (two), permission snapshot (two), the page (one index read, then the rows and their agencies: two), the
  components' counts (one), unread notifications (one).
- ``GET /mot-cua/so-hoa/<code>/`` (``files:digitise``): each component with its state, a form to attach its
  scan, and a list of the applicant's data store to reuse from. Queries: session (two), permission snapshot
  (two), the dossier (one), its components (one), the data store (two), unread notifications (one).
- ``POST …/thanh-phan/<id>/tep/`` (``files:digitise-upload``): the scan of one component (multipart, field
  ``tep``); ``POST …/thanh-phan/<id>/tai-su-dung/`` (``files:digitise-reuse``): reuse (field ``nguon``:
  ``tp-<component id>`` or ``kq-<result id>``). With htmx the component's block comes back, with its error next
  to the field (4xx) or the new state; without JavaScript, a redirect to the page (or the page with the error).
  A refusal stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from motcua.core.inputs import ascii_id
from motcua.dossiers.choices import OPEN, Digitisation, Status
from motcua.dossiers.models import Dossier, DossierComponent, DossierResult
from motcua.dossiers.services import queues
from motcua.files import checks
from motcua.files.services import (
    DataStore,
    FilesError,
    data_store,
    digitise_component,
    may_digitise,
    reuse_component,
    reuse_result,
)
from motcua.files.services.digitisation import check_may_digitise
from motcua.files.services.storage import max_bytes
from motcua.files.uploads import upload_view
from motcua.files.views.common import (
    FILE_FIELD,
    SECTION,
    dossier_not_found,
    not_found,
    transport_refusal,
    visible_dossier,
)
from motcua.org.roles import Role
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

PAGE_SIZE = 50
OPEN_STATUSES = tuple(sorted(OPEN))
WAITING = Exists(
    DossierComponent.objects.filter(
        dossier_id=OuterRef("pk"), provided=True, digitisation=Digitisation.NOT_DIGITISED
    )
)
DOSSIER_RELATED = ("receiving_agency", "applicant", "procedure_version__procedure")
COMPONENT_RELATED = ("file", "digitised_by", "reused_component__dossier", "reused_result__dossier")
SOURCE_FIELD = "nguon"


def _units(request):
    return request.officer.units_with(Role.DIGITIZER, Role.COUNTER_OFFICER)


def _forbidden(request, message: str):
    return render_ws(request, "files/forbidden.html", SECTION, {"message": message}, status=403)


# --- the queue -------------------------------------------------------------------------------------------------------


@require_safe
@officer_required
def queue(request):
    units = _units(request)
    if not units:
        return _forbidden(
            request,
            _("Màn hình số hóa dành cho cán bộ số hóa và công chức tiếp nhận của bộ phận một cửa."),
        )
    unit = next((u for u in units if str(u.pk) == request.GET.get("don_vi", "")), units[0])
    error, after = "", None
    if request.GET.get("sau"):
        try:
            after = queues.Cursor.decode(request.GET["sau"])
        except queues.InvalidCursor:
            error = _("Liên kết trang không hợp lệ; đang hiển thị trang đầu.")
    flt = queues.QueueFilter(
        statuses=OPEN_STATUSES, unit_ids=(unit.pk,), side="receiving_agency_id", extra=Q(WAITING)
    )
    page = queues.page(request.officer.visibility, flt, after=after, limit=PAGE_SIZE)
    _count_components(page.items)
    context = {
        "units": units,
        "unit": unit,
        "page": page,
        "error": error,
        "query": f"don_vi={unit.pk}",
    }
    if request.htmx and request.GET.get("sau"):
        return render(request, "files/partials/queue_rows.html", context)
    return render_ws(request, "files/queue.html", SECTION, context)


def _count_components(dossiers: list[Dossier]) -> None:
    """How many components each dossier has, and how many of the submitted ones wait for a scan (one query)."""
    if not dossiers:
        return
    rows = (
        DossierComponent.objects.filter(dossier_id__in=[d.pk for d in dossiers])
        .order_by()
        .values("dossier_id")
        .annotate(
            total=Count("id"),
            waiting=Count("id", filter=Q(provided=True, digitisation=Digitisation.NOT_DIGITISED)),
        )
    )
    counts = {row["dossier_id"]: row for row in rows}
    for dossier in dossiers:
        row = counts.get(dossier.pk, {"total": 0, "waiting": 0})
        dossier.components_total, dossier.components_waiting = row["total"], row["waiting"]


# --- one dossier -----------------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One component on the screen."""

    component: DossierComponent
    state_label: str
    upload_url: str
    reuse_url: str
    errors: dict[str, str] = field(default_factory=dict)  # by form field: tep, nguon
    notice: str = ""  # a refusal that concerns the component, not one field
    success: str = ""
    source_dossier: Dossier | None = None

    @property
    def dom_id(self) -> str:
        return f"component-{self.component.pk}"


@dataclass
class Screen:
    dossier: Dossier
    is_open: bool
    store: DataStore
    options: list[tuple[str, str, list[tuple[str, str]]]]  # (group label, [(value, label)])


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _code(dossier: Dossier) -> str:
    return dossier.code or dossier.reference


def _row(
    screen: Screen, component: DossierComponent, error: FilesError | None = None, success: str = ""
) -> Row:
    code = _code(screen.dossier)
    source = None
    if component.reused_component_id and component.reused_component:
        source = component.reused_component.dossier
    elif component.reused_result_id and component.reused_result:
        source = component.reused_result.dossier
    return Row(
        component=component,
        state_label=_label(Digitisation, component.digitisation),
        upload_url=reverse("files:digitise-upload", kwargs={"code": code, "component_id": component.pk}),
        reuse_url=reverse("files:digitise-reuse", kwargs={"code": code, "component_id": component.pk}),
        errors={error.field: error.message} if error and error.field else {},
        notice=error.message if error and not error.field else "",
        success=success,
        source_dossier=source,
    )


def _screen(dossier: Dossier, visibility) -> Screen:
    store = data_store(dossier.applicant, exclude_dossier=dossier)
    for entry in (*store.components, *store.results):
        entry.visible = visibility.sees(entry.dossier)  # may the officer open the earlier dossier's file?
    options = []
    if store.components:
        options.append(
            (
                _("Thành phần hồ sơ đã số hóa"),
                [
                    (
                        f"tp-{c.pk}",
                        _("%(name)s — hồ sơ %(code)s, số hóa %(day)s (%(file)s)")
                        % {
                            "name": c.name[:90],
                            "code": _code(c.dossier),
                            "day": c.digitised_at.strftime("%d/%m/%Y") if c.digitised_at else "—",
                            "file": c.file.display_name,
                        },
                    )
                    for c in store.components
                ],
            )
        )
    if store.results:
        options.append(
            (
                _("Kết quả điện tử"),
                [
                    (
                        f"kq-{r.pk}",
                        _("%(number)s: %(summary)s — hồ sơ %(code)s, mã kết quả %(result)s")
                        % {
                            "number": r.number,
                            "summary": r.summary[:90],
                            "code": _code(r.dossier),
                            "result": r.result_code or "—",
                        },
                    )
                    for r in store.results
                ],
            )
        )
    return Screen(dossier, dossier.status in OPEN, store, options)


def _components(dossier: Dossier) -> list[DossierComponent]:
    components = list(
        DossierComponent.objects.filter(dossier_id=dossier.pk)
        .select_related(*COMPONENT_RELATED)
        .order_by("id")
    )
    for component in components:
        component.dossier = dossier
    return components


def _page(request, dossier: Dossier, *, errors: dict[int, FilesError] | None = None, status: int = 200):
    screen = _screen(dossier, request.officer.visibility)
    errors = errors or {}
    rows = [_row(screen, c, errors.get(c.pk)) for c in _components(dossier)]
    done = sum(1 for r in rows if r.component.digitisation != Digitisation.NOT_DIGITISED)
    context = {
        "screen": screen,
        "dossier": dossier,
        "code": _code(dossier),
        "rows": rows,
        "done": done,
        "status_label": _label(Status, dossier.status),
        "max_mb": checks.max_limit_mb(max_bytes()),
        "accept": checks.ACCEPT,
        "kinds": checks.KIND_NAMES,
    }
    return render_ws(request, "files/digitise.html", SECTION, context, status=status)


@require_safe
@officer_required
def dossier_page(request, code: str):
    dossier = visible_dossier(request, code, *DOSSIER_RELATED)
    if dossier is None:
        return dossier_not_found(request, code)
    if not may_digitise(request.officer.access, dossier):
        return _forbidden(
            request,
            _(
                "Chỉ cán bộ số hóa hoặc công chức tiếp nhận của %(agency)s (đơn vị tiếp nhận hồ sơ) mới được số "
                "hóa thành phần của hồ sơ này."
            )
            % {"agency": dossier.receiving_agency.name},
        )
    return _page(request, dossier)


# --- acting on one component -----------------------------------------------------------------------------------------


def _component(request, code: str, component_id: int):
    """(dossier, component) if the officer sees the dossier and the component is one of its own, else the 404."""
    dossier = visible_dossier(request, code, *DOSSIER_RELATED)
    if dossier is None:
        return None, dossier_not_found(request, code)
    component = (
        DossierComponent.objects.select_related(*COMPONENT_RELATED)
        .filter(pk=component_id, dossier_id=dossier.pk)
        .first()
    )
    if component is None:
        return None, not_found(
            request, _("Hồ sơ %(code)s không có thành phần này.") % {"code": _code(dossier)}
        )
    component.dossier = dossier
    return (dossier, component), None


def _answer(request, dossier: Dossier, component: DossierComponent, *, error=None, success: str = ""):
    """The component's block again (htmx), or the page: a redirect after success, the page with the error."""
    if request.htmx:
        screen = _screen(dossier, request.officer.visibility)
        context = {
            "screen": screen,
            "row": _row(screen, component, error, success),
            "max_mb": checks.max_limit_mb(max_bytes()),
            "accept": checks.ACCEPT,
            "kinds": checks.KIND_NAMES,
        }
        return render(
            request, "files/partials/component.html", context, status=error.http_status if error else 200
        )
    if error is None:
        messages.success(request, success)
        return redirect(
            f"{reverse('files:digitise', kwargs={'code': _code(dossier)})}#component-{component.pk}"
        )
    return _page(request, dossier, errors={component.pk: error}, status=error.http_status)


def _too_large(request, code: str, component_id: int, upload):
    """A request far beyond the size limit: not read, answered with the message (nothing changes)."""
    found, missing = _component(request, code, component_id)
    if missing is not None:
        return missing
    return _answer(request, *found, error=transport_refusal(upload, None))


@require_POST
@officer_required
@upload_view(refused=_too_large)
def upload_scan(request, code: str, component_id: int, upload):
    found, missing = _component(request, code, component_id)
    if missing is not None:
        return missing
    dossier, component = found
    uploaded = request.FILES.get(FILE_FIELD)
    error = transport_refusal(upload, uploaded)
    if error is None:
        try:
            digitise_component(
                component,
                uploaded,
                request.user,
                client_name=upload.client_name(FILE_FIELD, uploaded),
                access=request.officer.access,
            )
        except FilesError as exc:
            error = exc
    if error is not None:
        return _answer(request, dossier, component, error=error)
    success = _("Đã đính kèm bản quét “%(file)s”: thành phần được số hóa.") % {"file": component.file}
    return _answer(request, dossier, component, success=success)


def _source(value: str):
    """The data store entry a reuse form names: ``tp-<component id>`` or ``kq-<result id>`` (one query)."""
    kind, _sep, pk = value.partition("-")
    if ascii_id(pk) is None:
        return None
    if kind == "tp":
        return (
            DossierComponent.objects.select_related("file", "dossier__applicant").filter(pk=int(pk)).first()
        )
    if kind == "kq":
        return DossierResult.objects.select_related("file", "dossier__applicant").filter(pk=int(pk)).first()
    return None


@require_POST
@officer_required
def reuse(request, code: str, component_id: int):
    found, missing = _component(request, code, component_id)
    if missing is not None:
        return missing
    dossier, component = found
    try:
        check_may_digitise(dossier, request.user, request.officer.access)
        source = _source(request.POST.get(SOURCE_FIELD, ""))
        if source is None:
            raise FilesError(
                "invalid_input",
                _("Hãy chọn một giấy tờ trong kho dữ liệu của chủ hồ sơ để tái sử dụng."),
                field=SOURCE_FIELD,
            )
        if isinstance(source, DossierComponent):
            reuse_component(component, source, request.user, access=request.officer.access)
            success = _("Đã tái sử dụng thành phần “%(name)s” của hồ sơ %(code)s.") % {
                "name": source.name[:80],
                "code": _code(source.dossier),
            }
        else:
            reuse_result(component, source, request.user, access=request.officer.access)
            success = _("Đã tái sử dụng kết quả %(number)s của hồ sơ %(code)s.") % {
                "number": source.number,
                "code": _code(source.dossier),
            }
    except FilesError as exc:
        return _answer(request, dossier, component, error=exc)
    return _answer(request, dossier, component, success=success)
