"""Counter intake (tiếp nhận hồ sơ tại Bộ phận Một cửa) and the printed outcome of an intake.

One page (``workspace:intake``) takes the officer through the steps — receiving unit, procedure (search), case and
its components checklist, channel and result delivery, the appointment the citizen would get, the applicant (with
the lookup of a returning applicant) and a representative — then one of the three outcomes of SPEC §1.7:

- accept (T2): ``intake.receive_at_counter`` gives the code and the appointment; the page redirects to the receipt
  (Mẫu 01, ``workspace:receipt``);
- refuse (T4): ``intake.refuse_at_counter`` records the refusal with its mandatory reason; the page redirects to
  the refusal slip (Mẫu 03, the same route: a refused dossier has a reference, no code);
- guide (hướng dẫn bổ sung, hoàn thiện; Mẫu 02 at the counter): nothing is recorded — at the counter an incomplete
  dossier is not created (SPEC §1.5; T3 "request completion" concerns online dossiers in status 1) — and the page
  renders the printable guidance listing the required components not provided and the officer's note.

Each step is an htmx partial (search results, the procedure with its cases, the checklist of a case, the
appointment, the applicant lookup); without JavaScript the same page works by plain form posts (``step`` buttons
re-render the page with the step done). Every rule is the domain's: the view builds an ``IntakeRequest`` and shows
the domain's errors next to the fields they name. Each response runs a fixed number of SQL queries.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import search as catalog_search
from motcua.catalog import services as catalog_services
from motcua.catalog.choices import AssignmentRole, Channel, limit_text
from motcua.catalog.models import Procedure, ProcedureAssignment, ProcedureCase, ProcedureVersion
from motcua.core.dated import valid_on_q
from motcua.dossiers.choices import ApplicantKind, ResultDelivery, Status
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.models import ProcessLogEntry
from motcua.dossiers.services import intake as intake_service
from motcua.dossiers.services import queues, reads, registry
from motcua.dossiers.services.transitions import TransitionError
from motcua.org import personal_data
from motcua.org.models import Agency
from motcua.org.models.personal_data_read import ReadPurpose, RecordKind
from motcua.org.places import place_of
from motcua.org.roles import Role
from motcua.workspace.access import officer_required
from motcua.workspace.forms_intake import ACCEPT, GUIDE, PERSON_FIELDS, REFUSE, IntakeForm
from motcua.workspace.views.common import render_ws

logger = logging.getLogger("motcua.workspace")
SEARCH_LIMIT = 10
DEFAULTS = {  # what a new intake starts with
    "channel": Channel.DIRECT,
    "sets": "1",
    "result_delivery": ResultDelivery.COUNTER,
    "applicant_kind": ApplicantKind.CITIZEN,
    "rep_kind": ApplicantKind.CITIZEN,
}
# the parameters each htmx partial needs (hx-params): never the applicant's personal data in a URL
APPOINTMENT_PARAMS = "receiving_agency,procedure_code,case_id,channel"
APPLICANT_PARAMS = "receiving_agency," + ",".join(f"applicant_{name}" for name in PERSON_FIELDS)


@dataclass
class Screen:
    """Everything the intake templates show, computed once per response (only the parts it renders)."""

    form: IntakeForm
    units: list[Agency]
    now: dt.datetime
    results: list | None = None  # search hits, each with ``here`` (the unit receives the procedure)
    version: ProcedureVersion | None = None
    procedure_error: str = ""
    cases: list[ProcedureCase] = field(default_factory=list)
    case: ProcedureCase | None = None
    checked: set[int] = field(default_factory=set)
    check: intake_service.CounterCheck | None = None
    check_errors: list[str] = field(default_factory=list)
    lookup: str = ""  # the outcome of the returning-applicant lookup
    lookup_found: bool = False
    focus: str = ""  # the element a partial moves the focus to

    @property
    def unit(self) -> Agency | None:
        chosen = self.form.text("receiving_agency")
        return next((u for u in self.units if u.identifier == chosen), None)

    @property
    def limit(self) -> str:
        option = self.check.option if self.check else None
        return option.limit_label() if option else ""

    @property
    def fees(self) -> list:
        option = self.check.option if self.check else None
        return list(option.fees.all()) if option else []

    @property
    def appointment_params(self) -> str:
        return APPOINTMENT_PARAMS

    @property
    def applicant_params(self) -> str:
        return APPLICANT_PARAMS


# --- building the screen -------------------------------------------------------------------------------------------


def _units(request) -> list[Agency]:
    return request.officer.units_with(Role.COUNTER_OFFICER)


def _bound(data, units: list[Agency]) -> IntakeForm:
    data = data.copy()
    for name, value in DEFAULTS.items():
        if not data.get(name):
            data[name] = value
    if not data.get("receiving_agency") and units:
        data["receiving_agency"] = units[0].identifier
    return IntakeForm(data)


def _load_procedure(screen: Screen) -> None:
    """The chosen procedure's version in force today, its cases and their components (three queries)."""
    code = screen.form.text("procedure_code")
    if not code:
        return
    version = catalog_services.version_by_code(code, timezone.localdate(screen.now))
    if version is None:
        screen.procedure_error = _("Không có thủ tục “%(code)s” đang có hiệu lực.") % {"code": code}
        return
    prefetch_related_objects([version], "cases__components")
    screen.version = version
    screen.cases = list(version.cases.all())
    case_id = screen.form.chosen_case_id()
    screen.case = next((c for c in screen.cases if c.pk == case_id), None) or (
        screen.cases[0] if len(screen.cases) == 1 else None
    )
    if screen.case is not None:
        ticked = screen.form.ticked() if screen.form.chosen_case_id() == screen.case.pk else None
        screen.checked = (
            set(ticked) if ticked is not None else {c.pk for c in screen.case.components.all() if c.required}
        )


def _check(screen: Screen) -> None:
    """The appointment (and the time limit and fees that apply), as T2 would give it now; nothing saved."""
    if not screen.form.text("procedure_code"):
        return
    try:
        screen.check = intake_service.check_at_counter(screen.form.intake_request(), screen.now)
    except ValidationError as exc:
        screen.check_errors = [m for messages in exc.message_dict.values() for m in messages]


def _search(screen: Screen) -> None:
    query = screen.form.text("q")
    if not query:
        screen.results = None
        return
    hits = catalog_search.search(query, limit=SEARCH_LIMIT)
    unit = screen.unit
    if hits and unit is not None:
        today = timezone.localdate(screen.now)
        receives = ProcedureAssignment.objects.filter(
            valid_on_q(today), procedure=OuterRef("pk"), agency=unit, role=AssignmentRole.RECEIVES
        )
        here = dict(
            Procedure.objects.filter(pk__in=[h.procedure_id for h in hits])
            .annotate(here=Exists(receives))
            .values_list("pk", "here")
        )
        for hit in hits:
            hit.here = here.get(hit.procedure_id, False)
    else:
        for hit in hits:
            hit.here = unit is None
    # the procedures the unit receives first, each group in the search's order
    screen.results = sorted(hits, key=lambda hit: not hit.here)


LOOKUP_VIA = "workspace:intake-applicant"


def _lookup(request, screen: Screen, data) -> int:
    """Fill the applicant's identity fields from the registry; the focus goes on to the name, the next field to
    check or type. Returns the HTTP status of the answer (429 over the officer's limit, 403 outside a counter)."""
    status = _lookup_fill(request, screen, data)
    screen.form.fields["applicant_name"].widget.attrs["autofocus"] = True
    return status


def _lookup_unit(request, screen: Screen) -> Agency | None:
    """The one-stop unit the officer receives at (the form's receiving unit) where they hold the counter role."""
    unit = screen.unit
    return unit if unit is not None and unit.is_one_stop else None


def _lookup_fill(request, screen: Screen, data) -> int:
    """The counter lookup of a returning applicant by ID number — a read of personal data, so:

    - **scoped to intake**: only a counter officer (COUNTER_OFFICER) at a one-stop unit, for the unit they
      receive at — that is the only job that needs it, to fill the form of the person standing at the counter;
    - **only verified identity**: the name and birth date of the latest record whose identity was verified (VNeID,
      or an officer who saw the card: ``dossiers.services.registry``) — the fields the officer compares with the
      card. Never the address, phone or e-mail: those belong to the dossier they were given for, and the phone is
      the check value of that dossier's tracking page;
    - **limited**: ``MOTCUA_PERSON_LOOKUP_LIMIT`` lookups per officer in ``MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS``
      (429 after that; nothing is read);
    - **logged**: every lookup, found or not, writes one access-log row (who, unit, number looked up, record).
    """
    form = screen.form
    kind, id_number = form.value("applicant_kind") or ApplicantKind.CITIZEN, form.text("applicant_id_number")
    if not id_number:
        screen.lookup = _("Nhập số định danh hoặc mã số để tra cứu người nộp đã có.")
        return 200
    unit = _lookup_unit(request, screen)
    if unit is None:
        screen.lookup = _(
            "Chỉ công chức tiếp nhận, trả kết quả tại Bộ phận Một cửa mới được tra cứu người nộp, "
            "cho đơn vị mình đang tiếp nhận."
        )
        return 403
    if not personal_data.take_lookup(request.user):
        logger.warning("counter lookup refused over the limit: user %s", request.user.pk)
        screen.lookup = (
            _(
                "Bạn đã tra cứu người nộp quá %(limit)s lần trong %(minutes)s phút. Hãy nhập thông tin theo giấy tờ "
                "người nộp xuất trình, hoặc thử lại sau."
            )
            % personal_data.lookup_limit_text()
        )
        return 429
    found = registry.reusable(kind, id_number)
    personal_data.record_read(
        request.user,
        kind=RecordKind.APPLICANT,
        records=[("applicant", found.pk)] if found is not None else [],
        label=_("Tra cứu số %(number)s: %(outcome)s")
        % {
            "number": _masked_number(id_number),
            "outcome": _("có thông tin đã xác thực") if found is not None else _("không có"),
        },
        purpose=ReadPurpose.INTAKE_LOOKUP,
        via=LOOKUP_VIA,
        acting_agency_id=unit.pk,
    )
    if found is None:
        screen.lookup = _(
            "Chưa có thông tin đã xác thực của người nộp với số này: hãy nhập thông tin theo giấy tờ xuất trình."
        )
        return 200
    data = data.copy()
    data["applicant_name"] = found.name
    if found.birth_date:
        data["applicant_birth_date"] = found.birth_date.strftime("%d/%m/%Y")
    screen.lookup = _(
        "Đã điền họ tên, ngày sinh đã xác thực của người nộp; hãy đối chiếu với giấy tờ xuất trình và nhập địa chỉ, "
        "số điện thoại cho hồ sơ này."
    )
    screen.lookup_found = True
    screen.form = IntakeForm(data).quiet()
    return 200


def _masked_number(number: str) -> str:
    """The number looked up as the log shows it: the last four characters only."""
    return "*" * max(0, len(number) - 4) + number[-4:]


def _counter_only(request, partial: bool = False):
    """A signed-in officer without the counter role: a 403 that says why."""
    if request.officer.is_counter:
        return None
    if partial:
        return HttpResponse(_("Chỉ công chức tiếp nhận, trả kết quả mới được tiếp nhận hồ sơ."), status=403)
    assignments = sorted(request.officer.access.assignments, key=lambda a: (a.agency.name, a.role))
    return render_ws(
        request, "workspace/intake_forbidden.html", "intake", {"assignments": assignments}, status=403
    )


# --- the page ------------------------------------------------------------------------------------------------------


@officer_required
def intake(request):
    if (refused := _counter_only(request)) is not None:
        return refused
    units = _units(request)
    now = timezone.now()
    if request.method != "POST":
        form = _bound(request.GET, units).quiet()
        screen = Screen(form, units, now)
        _load_procedure(screen)
        _check(screen)
        if form.text("q") and screen.version is None:
            _search(screen)
        return _page(request, screen)

    data = request.POST.copy()
    step = data.get("step", "")
    if chosen := data.get("choose", ""):  # a search result chosen without JavaScript
        data["procedure_code"] = chosen
        for name in ("case_id", "checklist_case"):
            data[name] = ""
        data.setlist("components", [])
        step = "choose"
    decision = "" if step else data.get("decision", "")
    form = _bound(data, units)
    screen = Screen(form, units, now)
    if decision not in (ACCEPT, REFUSE, GUIDE):
        form.quiet()
        status = 200
        if step == "lookup":
            status = _lookup(request, screen, form.data)
        if step == "search":
            _search(screen)
        _load_procedure(screen)
        _check(screen)
        return _page(request, screen, status=status)

    form.is_valid()
    if decision == GUIDE:
        return _guide(request, screen)
    if decision == REFUSE:
        _require_reason(form)
    if form.errors:
        _name_domain_errors(form, now)  # every problem at once, nothing saved
    else:
        dossier = _decide(request, form, decision, now)
        if dossier is not None:
            return redirect("workspace:receipt", code=dossier.code or dossier.reference)
    _load_procedure(screen)
    _check(screen)
    return _page(request, screen)


def _page(request, screen: Screen, status: int = 200):
    return render_ws(
        request,
        "workspace/intake.html",
        "intake",
        {"s": screen, "form": screen.form, "REFUSE": REFUSE, "ACCEPT": ACCEPT, "GUIDE": GUIDE},
        status=status,
    )


def _require_reason(form: IntakeForm) -> None:
    """T4 requires a reason (the transition table): named next to its field with the other problems."""
    if "reason" in BY_ACTION["refuse_at_counter"].requires and not form.text("reason"):
        form.add_error_to("reason", _("Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03)."))


def _decide(request, form: IntakeForm, decision: str, now: dt.datetime):
    """Accept (T2) or refuse (T4) through the intake service; on any error, name it next to its field and save
    nothing (the service validates everything first and writes in one transaction)."""
    intake_request = form.intake_request()
    access = request.officer.access
    try:
        if decision == REFUSE:
            return intake_service.refuse_at_counter(
                intake_request, request.user, reason=form.text("reason"), at=now, access=access
            )
        return intake_service.receive_at_counter(intake_request, request.user, at=now, access=access)
    except ValidationError as exc:
        form.add_domain_errors(exc)
    except TransitionError as exc:
        target = exc.field or ("receiving_agency" if exc.kind == "forbidden" else None)
        form.add_error_to(target, exc.message)
    return None


def _name_domain_errors(form: IntakeForm, now: dt.datetime) -> None:
    """The domain's errors beside those of the form: the whole request checked by ``prepare`` (or, with no
    procedure chosen yet, the people alone), nothing saved."""
    intake_request = form.intake_request()
    try:
        if intake_request.procedure_code:
            intake_service.prepare(intake_request, now)
        else:
            intake_service.check_people(intake_request)
    except ValidationError as exc:
        form.add_domain_errors(exc)


def _guide(request, screen: Screen):
    """Hướng dẫn bổ sung, hoàn thiện (Mẫu 02 at the counter): checked like the appointment, printed, not saved."""
    form = screen.form
    _load_procedure(screen)
    if not form.errors:
        try:
            screen.check = intake_service.check_at_counter(form.intake_request(), screen.now)
        except ValidationError as exc:
            form.add_domain_errors(exc)
    if screen.check is not None and not screen.check.missing and not form.text("note"):
        form.add_error_to(
            "note",
            _(
                "Phiếu hướng dẫn phải nêu rõ nội dung cần bổ sung, hoàn thiện: bỏ đánh dấu các giấy tờ còn thiếu "
                "hoặc ghi nội dung hướng dẫn."
            ),
        )
    if form.errors:
        if screen.check is None:
            _check(screen)
        return _page(request, screen)
    kept = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", "decision", "step", "choose")
        for value in values
    ]
    return render_ws(
        request,
        "workspace/intake_guidance.html",
        "intake",
        {
            "s": screen,
            "form": form,
            "kept": kept,
            "applicant": form.person("applicant_"),
            "summary": form.text("summary"),
            "note": form.text("note"),
            "place": place_of(screen.check.receiving),
            "officer_name": _officer_name(request.user),
        },
    )


def _officer_name(user) -> str:
    return " ".join(p for p in (user.last_name, user.first_name) if p).strip() or user.get_username()


# --- htmx partials (also plain GET/POST fragments) -----------------------------------------------------------------


def _counter_partial(view):
    """An htmx partial of the intake screen: for signed-in officers with the counter role (others: a plain 403
    that says why)."""

    @officer_required
    @functools.wraps(view)
    def partial(request, *args, **kwargs):
        if (refused := _counter_only(request, partial=True)) is not None:
            return refused
        return view(request, *args, **kwargs)

    return partial


def _partial_screen(request, data) -> Screen:
    units = _units(request)
    return Screen(_bound(data, units).quiet(), units, timezone.now())


@_counter_partial
def search_results(request):
    screen = _partial_screen(request, request.GET)
    _search(screen)
    return render(request, "workspace/partials/intake_results.html", {"s": screen})


@_counter_partial
def procedure_part(request):
    """The chosen procedure with its cases and the checklist; the search results are cleared (out of band) and
    the appointment asked to refresh."""
    screen = _partial_screen(request, request.GET)
    _load_procedure(screen)
    screen.focus = "procedure"
    response = render(request, "workspace/partials/intake_procedure.html", {"s": screen, "oob": True})
    response["HX-Trigger-After-Settle"] = "intake-changed"
    return response


@_counter_partial
def case_part(request):
    """The components checklist of the chosen case (required ones ticked)."""
    screen = _partial_screen(request, request.GET)
    _load_procedure(screen)
    return render(request, "workspace/partials/intake_case.html", {"s": screen})


@_counter_partial
def appointment_part(request):
    """The appointment T2 would give now, with the time limit and fees of the channel chosen."""
    screen = _partial_screen(request, request.GET)
    _check(screen)
    return render(request, "workspace/partials/intake_appointment.html", {"s": screen})


@_counter_partial
def applicant_part(request):
    """The returning-applicant lookup (POST: the ID number stays out of URLs and logs); officers only."""
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    screen = _partial_screen(request, request.POST)
    status = _lookup(request, screen, screen.form.data)
    return render(
        request, "workspace/partials/intake_applicant.html", {"s": screen, "form": screen.form}, status=status
    )


# --- the receipt (Mẫu 01) and the refusal slip (Mẫu 03) ------------------------------------------------------------


@officer_required
def receipt(request, code: str):
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) of an accepted dossier, or the Phiếu từ chối tiếp nhận
    (Mẫu 03) of one refused at the counter; 404 for whoever may not see the dossier."""
    dossier = queues.load(code=code)
    if dossier is None or not request.officer.visibility.sees(dossier):
        raise Http404(_("Không có hồ sơ “%(code)s”.") % {"code": code})
    receiving = Agency.objects.select_related("parent", "admin_unit").get(pk=dossier.receiving_agency_id)
    refused = dossier.status == Status.REFUSED and not dossier.code
    actions = ("refuse_at_counter", "refuse") if refused else ("receive", "accept")
    entry = (
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk, action__in=actions)
        .order_by("seq")
        .only("at", "actor_name", "note", "data")
        .first()
    )
    if entry is None:
        return render_ws(request, "workspace/receipt_none.html", "intake", {"dossier": dossier}, status=404)
    due = dossier.original_due_at or dossier.due_at
    if entry.data.get("due_at"):
        due = dt.datetime.fromisoformat(entry.data["due_at"])
    limit = ""
    if dossier.limit_amount is not None and dossier.limit_unit:
        amount = dossier.limit_amount.normalize()
        limit = limit_text(f"{amount:f}".replace(".", ","), float(amount), dossier.limit_unit)
    context = {
        "dossier": dossier,
        "receiving": receiving,
        "place": place_of(receiving),
        "entry": entry,
        "due": due,
        "limit": limit,
        "components": list(dossier.components.all()),
        "issued": timezone.localtime(entry.at),
    }
    template = "workspace/receipt_refused.html" if refused else "workspace/receipt.html"
    reads.log_dossier_read(
        request.user, request.officer.access, [dossier], via="workspace:receipt", purpose=ReadPurpose.PRINT
    )
    return render_ws(request, template, "intake", context)


urlpatterns = [
    path("tiep-nhan/", intake, name="intake"),
    path("tiep-nhan/tim-thu-tuc/", search_results, name="intake-search"),
    path("tiep-nhan/thu-tuc/", procedure_part, name="intake-procedure"),
    path("tiep-nhan/truong-hop/", case_part, name="intake-case"),
    path("tiep-nhan/hen-tra/", appointment_part, name="intake-appointment"),
    path("tiep-nhan/nguoi-nop/", applicant_part, name="intake-applicant"),
    path("ho-so/<str:code>/giay-tiep-nhan/", receipt, name="receipt"),
]
