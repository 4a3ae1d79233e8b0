"""The dossier page of the workspace: everything an officer needs to know about one dossier, and the actions they
may take on it now.

- ``GET  ho-so/<code>/`` (``workspace:dossier``): the dossier by code or temporary reference — 404 with the same
  message whether it does not exist or the officer may not see it.
- ``GET  ho-so/<code>/thao-tac/<action>/`` (``workspace:dossier-action``): the small form of one action (an htmx
  partial; without JavaScript, the page with the form open). ``?v=`` is the version the page was read at.
- ``POST`` the same address: checks the form, then ``transitions.apply`` with the page's version. Success: the
  dossier's main panel again (htmx) or a redirect to the page (PRG). Refusals keep the form, with the service's
  message next to the field it names: 422 (inputs), 409 (stale page, wrong status, conflict), 403 (no role).

The page adds no rule of its own: the actions shown are ``transitions.allowed_actions`` and every change goes
through ``transitions.apply``. Reading costs a fixed number of queries whatever the dossier's history: the
officer's permission snapshot (two), ``queues.load`` (six; seven once there is a result), the process log (one), the
messages sent to the citizen (one), and one INSERT into the personal-data access log (``dossiers.services.reads``:
who read the applicant's data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from motcua.catalog.choices import Channel, LimitUnit, PauseMode
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import (
    ApplicantKind,
    PauseReason,
    ResultDelivery,
    Status,
    StepKind,
    Timeliness,
)
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services import clock, queues, reads, routing, work
from motcua.dossiers.services.transitions import TransitionError, allowed_actions, apply, may
from motcua.messaging.services import deliveries
from motcua.workspace import people
from motcua.workspace.access import officer_required
from motcua.workspace.forms_dossier import ActionForm, stale_message, version_of
from motcua.workspace.views.common import render_ws

SECTION = "don-vi"
PAUSED = frozenset({Status.SUPPLEMENT_REQUESTED, Status.FINANCIAL_OBLIGATION})
WITH_APPOINTMENT = frozenset({Status.ACCEPTED, Status.PROCESSING, *PAUSED})
FORM_TARGET = "#dossier-action-form"
DANGER = frozenset({"refuse", "stop", "withdraw", "send_back"})
OPEN_STATUSES = frozenset({1, 2, 4, 5, 6})
SIGN_LABEL = gettext_lazy("Ký duyệt kết quả")
DISPATCH_LABEL = gettext_lazy("Phân công thụ lý")


def action_label(transition: lifecycle.Transition, dossier: Dossier) -> str:
    """What the page calls the action: the signature is "Ký duyệt kết quả"; assigning on a leader's "Phân công
    thụ lý" step (which starts the next step with the chosen specialist) is "Phân công thụ lý"."""
    if transition.action == "approve":
        return str(SIGN_LABEL)
    if transition.action == "assign":
        step = dossier.current_step if dossier.current_step_id else None
        if step is not None and step.finished_at is None and routing.dispatches(step):
            return str(DISPATCH_LABEL)
    return str(transition.label)


# --- reading ---------------------------------------------------------------------------------------------------------


def _not_found(request, code: str, message: str | None = None):
    message = message or _(
        "Không tìm thấy hồ sơ “%(code)s”, hoặc hồ sơ không thuộc các đơn vị bạn được xem."
    ) % {"code": code}
    if request.htmx:
        response = render(request, "workspace/partials/dossier_notice.html", {"notice": message}, status=404)
        response["HX-Retarget"], response["HX-Reswap"] = FORM_TARGET, "innerHTML"
        return response
    return render_ws(request, "workspace/dossier_not_found.html", SECTION, {"message": message}, status=404)


def _visible_full(request, code: str) -> Dossier | None:
    dossier = queues.load(code=code)
    if dossier is None or not request.officer.visibility.sees(dossier):
        return None
    return dossier


def _visible_light(request, code: str) -> Dossier | None:
    """The dossier row with its three units and its current step (what the permission questions read), in one
    query."""
    query = Dossier.objects.select_related(
        "receiving_agency", "handling_agency", "current_agency", "current_step"
    ).order_by()
    dossier = query.filter(Q(code=code) | Q(reference=code)).first()
    if dossier is None or not request.officer.visibility.sees(dossier):
        return None
    return dossier


def _transition(action: str) -> lifecycle.Transition | None:
    """The row of the transition table, if the page offers it (intake rows create dossiers elsewhere)."""
    transition = lifecycle.BY_ACTION.get(action)
    if transition is None or lifecycle.NEW in transition.sources:
        return None
    return transition


def _allowed(request, dossier: Dossier, now: dt.datetime) -> list[lifecycle.Transition]:
    return [
        t
        for t in allowed_actions(request.user, dossier, now, request.officer.access)
        if lifecycle.NEW not in t.sources
    ]


@dataclass
class Remaining:
    state: str  # ok, soon, late, paused, waiting, closed
    text: str


def _remaining(dossier: Dossier, now: dt.datetime) -> Remaining | None:
    """The remaining time from the dossier's full clock (pauses and apologies included)."""
    if dossier.status == Status.SUBMITTED:
        badge = clock.badge(dossier, now)
        return Remaining(badge.state, badge.text) if badge.text else None
    if dossier.status in WITH_APPOINTMENT:
        text = clock.remaining_text(dossier, now)
        deadline = clock.clock_for(dossier)
        if not text or deadline is None:
            return None
        state = deadline.state(now)
        soon = settings.MOTCUA_DUE_SOON_WORKING_HOURS * 3600
        if dossier.status in PAUSED or state.paused:
            kind = "paused"
        elif state.remaining_seconds < 60:
            kind = "late"
        else:
            kind = "soon" if state.remaining_seconds <= soon else "ok"
        return Remaining(kind, text)
    if dossier.timeliness:
        label = Timeliness(dossier.timeliness).label
        return Remaining("late" if dossier.timeliness == Timeliness.LATE else "ok", str(label))
    return None


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _timeline(dossier: Dossier) -> list[ProcessLogEntry]:
    """The process log (Phiếu kiểm soát) in order, each entry with its labels, in one query."""
    entries = list(
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk).select_related("agency").order_by("seq")
    )
    for entry in entries:
        transition = lifecycle.BY_ACTION.get(entry.action)
        entry.action_label = str(transition.label) if transition else entry.action
        entry.rule = transition.code if transition else ""
        entry.role_label = lifecycle.role_label(entry.role)
        entry.from_label = _label(Status, entry.from_status) if entry.from_status else ""
        entry.to_label = _label(Status, entry.to_status)
    return entries


def _decorate(dossier: Dossier) -> None:
    """Labels the templates show, computed once (``get_FOO_display`` hashes every lazy label)."""
    dossier.status_label = _label(Status, dossier.status)
    dossier.channel_label = _label(Channel, dossier.channel)
    dossier.delivery_label = _label(ResultDelivery, dossier.result_delivery)
    dossier.limit_label = _label(LimitUnit, dossier.limit_unit) if dossier.limit_unit else ""
    for person in (dossier.applicant, dossier.representative):
        if person is not None:
            person.kind_label = _label(ApplicantKind, person.kind)
    for step in dossier.steps.all():
        step.is_partner = step.kind == StepKind.PARTNER
        waiting = work.waits_in(step) if not step.is_partner else None
        step.queue_label = str(work.BY_KEY[waiting].label) if waiting else ""
        step.timeliness_label = _label(Timeliness, step.timeliness) if step.timeliness else ""
        step.limit_label = _label(LimitUnit, step.limit_unit) if step.limit_unit else ""
        step.is_current = step.pk == dossier.current_step_id
    for pause in dossier.pauses.all():
        pause.reason_label = _label(PauseReason, pause.reason)
        pause.mode_label = _label(PauseMode, pause.mode)


@dataclass
class ApplicantNotice:
    """What the applicant did online and the counter must act on: a withdrawal request (confirm with ``withdraw``)
    or documents sent online (``resubmit`` / ``submit_supplement``; the counter then accepts or
    ``receive_supplement``s), read from the process log and components already loaded (no query)."""

    kind: str  # "withdrawal" or "answer"
    at: dt.datetime
    note: str
    components: list


def _applicant_notices(dossier: Dossier, timeline: list[ProcessLogEntry]) -> list[ApplicantNotice]:
    if dossier.account_id is None or dossier.status not in OPEN_STATUSES:
        return []
    notices = []
    if dossier.withdrawal_requested_at is not None:
        entry = next((e for e in reversed(timeline) if e.action == "request_withdrawal"), None)
        notices.append(
            ApplicantNotice("withdrawal", dossier.withdrawal_requested_at, entry.note if entry else "", [])
        )
    last = timeline[-1] if timeline else None
    answered = last is not None and last.action in ("submit_supplement", "resubmit")
    if answered and last.role == lifecycle.APPLICANT:
        asked = next(
            (e.at for e in reversed(timeline) if e.action in ("request_supplement", "request_completion")),
            None,
        )
        sent = [
            c
            for c in dossier.components.all()
            if c.file_id
            and c.digitised_by_id == dossier.account_id
            and c.digitised_at
            and (asked is None or c.digitised_at >= asked)
        ]
        notices.append(ApplicantNotice("answer", last.at, last.note, sent))
    return notices


def page_code(dossier: Dossier) -> str:
    return dossier.code or dossier.reference


def _context(request, dossier: Dossier, now: dt.datetime, **extra) -> dict:
    _decorate(dossier)
    code = page_code(dossier)
    actions = [
        {
            "action": t.action,
            "label": action_label(t, dossier),
            "rule": t.code,
            "danger": t.action in DANGER,
            "url": reverse("workspace:dossier-action", kwargs={"code": code, "action": t.action}),
        }
        for t in _allowed(request, dossier, now)
    ]
    current_step = dossier.current_step if dossier.current_step_id else None
    timeline = _timeline(dossier)
    return {
        "dossier": dossier,
        "code": code,
        "page_url": reverse("workspace:dossier", kwargs={"code": code}),
        "now": now,
        "actions": actions,
        "timeline": timeline,
        "applicant_notices": _applicant_notices(dossier, timeline),
        "remaining": _remaining(dossier, now),
        "current_step": current_step,
        "rescheduled": bool(
            dossier.due_at and dossier.original_due_at and dossier.due_at != dossier.original_due_at
        ),
        "has_receipt": bool(dossier.code and dossier.received_at),
        "result": getattr(dossier, "result_out", None),
        "deliveries": deliveries.for_dossier(dossier.pk),
        **extra,
    }


@officer_required
def dossier_page(request, code: str):
    dossier = _visible_full(request, code)
    if dossier is None:
        return _not_found(request, code)
    reads.log_dossier_read(request.user, request.officer.access, [dossier], via="workspace:dossier")
    return render_ws(request, "workspace/dossier.html", SECTION, _context(request, dossier, timezone.now()))


# --- acting ----------------------------------------------------------------------------------------------------------


def _choices(request, dossier: Dossier, transition: lifecycle.Transition, now: dt.datetime) -> dict:
    """The officers and agencies the form of ``transition`` offers (one query each, only when it needs them)."""
    today = timezone.localdate(now)
    found: dict = {"today": today}
    if "handler" in transition.requires:
        officers = people.processing_officers(dossier.current_agency_id, request.officer.access.tree, today)
        found["people"] = [(str(p.pk), p.label) for p in officers]
    if transition.action == "send_back":
        found["steps"] = work.send_back_targets(dossier)
    if "partner" in transition.requires or "new_agency" in transition.requires:
        excluded = (
            dossier.current_agency_id if "partner" in transition.requires else dossier.handling_agency_id
        )
        found["agencies"] = [
            (a.identifier, f"{a.name} ({a.identifier})") for a in people.agencies_except(excluded, today)
        ]
    return found


def _form(request, dossier: Dossier, transition, now: dt.datetime, allowed: bool, data=None) -> ActionForm:
    """The form of ``transition`` (with its lists only when the officer may act: a refusal needs none)."""
    choices = _choices(request, dossier, transition, now) if allowed else {}
    initial = {"expected_version": dossier.version}
    form = ActionForm(transition, data=data, initial=initial, **choices)
    if "new_due_at" in form.fields and dossier.due_at:
        form.fields["new_due_at"].help_text = _(
            "Ngày hẹn trả hiện tại: %(due)s. Ngày hẹn mới phải sau ngày này."
        ) % {"due": date_format(timezone.localtime(dossier.due_at), "d/m/Y H:i")}
    return form


@dataclass
class FormState:
    """What the action form shows besides its fields."""

    transition: lifecycle.Transition
    form: ActionForm | None
    url: str
    notice: str = ""  # a refusal that concerns the whole form (role="alert")
    stale: bool = False
    label: str = ""  # the action's name on this dossier (``action_label``)

    def __post_init__(self):
        self.label = self.label or str(self.transition.label)


def _focus(form: ActionForm | None) -> None:
    """Put the cursor in the first field with an error, else in the first field."""
    if form is None:
        return
    fields = form.visible_fields()
    wrong = [f for f in fields if f.errors] if form.is_bound else []
    if wrong or fields:
        (wrong or fields)[0].field.widget.attrs["autofocus"] = True


def _form_response(request, code: str, state: FormState, status: int, dossier: Dossier | None = None):
    """The action form: an htmx partial swapped into the form area, or the dossier page with the form open."""
    if dossier is not None:
        state.label = action_label(state.transition, dossier)
    _focus(state.form)
    if request.htmx:
        page_url = reverse("workspace:dossier", kwargs={"code": code})
        response = render(
            request,
            "workspace/partials/dossier_action_form.html",
            {"state": state, "page_url": page_url},
            status=status,
        )
        if status >= 400:
            response["HX-Retarget"] = FORM_TARGET
            response["HX-Reswap"] = "innerHTML"
        return response
    full = dossier if dossier is not None and hasattr(dossier, "result_out") else queues.load(dossier.pk)
    now = timezone.now()
    return render_ws(
        request,
        "workspace/dossier.html",
        SECTION,
        _context(request, full, now, open_form=state),
        status=status,
    )


def _refusal_notice(dossier: Dossier, transition: lifecycle.Transition) -> tuple[str, int]:
    """Why the page no longer offers ``transition`` (status or role), for a form asked for anyway."""
    if dossier.status not in transition.sources:
        return (
            _("“%(label)s” không áp dụng cho hồ sơ đang ở trạng thái “%(state)s”.")
            % {"label": transition.label, "state": _label(Status, dossier.status)},
            409,
        )
    return (
        _("Bạn không có vai trò phù hợp để thực hiện “%(label)s” đối với hồ sơ này vào thời điểm này.")
        % {"label": transition.label},
        403,
    )


@officer_required
@require_http_methods(["GET", "POST"])
def dossier_action(request, code: str, action: str):
    transition = _transition(action)
    if transition is None:
        return _not_found(
            request, code, _("Không có thao tác “%(action)s” đối với hồ sơ.") % {"action": action}
        )
    now = timezone.now()
    # the form partial and the action need the row only; the page with the form open needs everything
    partial = request.htmx or request.method == "POST"
    dossier = _visible_light(request, code) if partial else _visible_full(request, code)
    if dossier is None:
        return _not_found(request, code)
    code = page_code(dossier)
    url = reverse("workspace:dossier-action", kwargs={"code": code, "action": action})
    allowed = may(request.user, dossier, transition.action, now, request.officer.access)
    if request.method == "GET":
        return _show_form(request, dossier, transition, url, allowed, now)
    return _act(request, dossier, transition, url, allowed, now)


def _show_form(request, dossier, transition, url, allowed, now):
    code = page_code(dossier)
    seen = version_of({"expected_version": request.GET.get("v", "")})
    if seen is not None and seen != dossier.version:
        state = FormState(transition, None, url, notice=stale_message(), stale=True)
        return _form_response(request, code, state, 409, dossier)
    if not allowed:
        notice, status = _refusal_notice(dossier, transition)
        return _form_response(request, code, FormState(transition, None, url, notice=notice), status, dossier)
    form = _form(request, dossier, transition, now, allowed)
    return _form_response(request, code, FormState(transition, form, url), 200, dossier)


def _act(request, dossier, transition, url, allowed, now):
    code = page_code(dossier)
    form = _form(request, dossier, transition, now, allowed, data=request.POST)
    version = version_of(request.POST)
    if version is None or (allowed and not form.is_valid()):
        form.is_valid()
        return _form_response(request, code, FormState(transition, form, url), 422, dossier)
    # Not offered any more (status or role changed): the service names the rule broken; it refuses before it
    # reads any input, so the unchecked inputs are never used.
    inputs = form.inputs() if allowed else form.raw_inputs()
    try:
        outcome = apply(
            dossier.pk,
            transition.action,
            request.user,
            inputs=inputs,
            expected_version=version,
            access=request.officer.access,
        )
    except TransitionError as exc:
        status = exc.http_status
        if exc.kind == "stale":
            state = FormState(transition, form, url, notice=stale_message(), stale=True)
        elif exc.kind in ("missing_input", "invalid_input") and exc.field in form.fields:
            form.error_for_service(exc.field, exc.message)
            state = FormState(transition, form, url)
        else:
            state = FormState(transition, form, url, notice=exc.message)
        return _form_response(request, code, state, status, dossier)
    except Dossier.DoesNotExist:  # removed meanwhile
        return _not_found(request, code)
    return _done(request, outcome, transition, action_label(transition, dossier))


def _back_to(request) -> str | None:
    """The workspace page a form posted from a list asks to come back to (``next``), if it is one of ours."""
    target = request.POST.get("next", "")
    if target.startswith("/mot-cua/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _done(request, outcome, transition, label):
    success = _("Đã thực hiện “%(label)s” (%(rule)s).") % {"label": label, "rule": transition.code}
    back = None if request.htmx else _back_to(request)
    if back is not None:  # posted from a work list (the "Phân công" of "Chờ phân công"): back to it
        messages.success(request, _("Hồ sơ %(code)s: %(done)s") % {"code": outcome.dossier, "done": success})
        return redirect(back)
    fresh = queues.load(outcome.dossier.pk)
    if fresh is None or not request.officer.visibility.sees(fresh):
        # e.g. a liên thông partner returned its part: the dossier has left the officer's units
        gone = _("Hồ sơ %(code)s đã chuyển khỏi các đơn vị của bạn.") % {"code": outcome.dossier}
        if request.htmx:
            return render(
                request,
                "workspace/partials/dossier_gone.html",
                {"success": success, "gone": gone, "queue_url": reverse("workspace:queue")},
            )
        messages.success(request, f"{success} {gone}")
        return redirect("workspace:queue")
    page_url = reverse("workspace:dossier", kwargs={"code": page_code(fresh)})
    if not request.htmx:
        messages.success(request, success)
        return redirect(page_url)
    response = render(
        request,
        "workspace/partials/dossier_main.html",
        _context(request, fresh, timezone.now(), success=success),
    )
    if request.htmx.current_url_abs_path and request.htmx.current_url_abs_path.split("?")[0] != page_url:
        response["HX-Replace-Url"] = page_url  # the online dossier got its code, or the form was opened alone
    return response


urlpatterns = [
    path("ho-so/<str:code>/", dossier_page, name="dossier"),
    path("ho-so/<str:code>/thao-tac/<str:action>/", dossier_action, name="dossier-action"),
]
