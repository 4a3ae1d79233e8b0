"""Public PAKN pages (no sign-in needed).

- ``phan-anh-kien-nghi/`` — published answers, searchable by words (without diacritics), field and agency;
  ``phan-anh-kien-nghi/<code>/`` one of them. Only ``public_question`` (the officer's wording without personal
  data), the answer, the units and the dates are shown: never the sender's name or contact data.
- ``phan-anh-kien-nghi/gui/`` — the form (with or without an account; attachments checked by the files app). A
  complaint or denunciation is recorded as redirected with the legal explanation; words that suggest one in a
  PAKN ask the sender to confirm first.
- ``phan-anh-kien-nghi/tra-cuu/`` — the sender's page, unlocked by code + the last 4 digits of the phone (POST,
  throttled like the dossier tracking) or by the account that sent it: status, answer, supplement, agree/disagree.
"""

from __future__ import annotations

import hmac
import time

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from motcua.accounts.access import citizen_of
from motcua.catalog.models import ProcedureField
from motcua.core.dated import today, valid_on_q
from motcua.core.text import fold
from motcua.feedback.choices import Kind, Status
from motcua.feedback.forms import FeedbackForm, ReactionForm, SearchForm, SupplementForm, TrackForm
from motcua.feedback.models import Feedback
from motcua.feedback.services import complaints
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import FeedbackError, apply
from motcua.files.uploads import upload_view
from motcua.org.models import Agency
from motcua.portal import throttle
from motcua.portal.views import last_digits

SESSION_SENT = "feedback_sent"
SESSION_UNLOCKED = "feedback_unlocked"
UNLOCK_MINUTES = 30
PAGE_SIZE = 20


def agencies_today():
    return list(Agency.objects.filter(valid_on_q(today())).only("id", "identifier", "name").order_by("name"))


def request_from(data, files, channel=None) -> FeedbackRequest:
    return FeedbackRequest(
        receiving_agency=data.get("receiving_agency", ""),
        title=data.get("title", ""),
        content=data.get("content", ""),
        sender_name=data.get("sender_name", ""),
        sender_address=data.get("sender_address", ""),
        sender_phone=data.get("sender_phone", ""),
        sender_email=data.get("sender_email", ""),
        sender_kind=data.get("sender_kind", ""),
        kind=data.get("kind", Kind.PAKN),
        procedure_code=data.get("procedure_code", ""),
        dossier_code=data.get("dossier_code", ""),
        about_officer=data.get("about_officer", ""),
        channel=channel or data.get("channel", ""),
        attachments=files,
    )


def put_errors(form, exc: FeedbackError) -> None:
    for name, message in (exc.errors or {"__all__": exc.message}).items():
        form.add_error(name if name in form.fields else None, message)


def unbound_with_error(form):
    """An empty form that can carry an error (the request was too large to be read)."""
    from django.forms.utils import ErrorDict

    form.cleaned_data, form._errors = {}, ErrorDict()
    return form


def _too_large(request, upload=None):
    form = unbound_with_error(FeedbackForm(agencies=agencies_today()))
    form.add_error(
        "attachments", _("Tệp đính kèm quá lớn; không có gì được lưu. Hãy gửi lại với tệp nhỏ hơn.")
    )
    return render(request, "feedback/form.html", {"form": form}, status=413)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@upload_view(_too_large)
def send(request, upload=None):
    agencies = agencies_today()
    citizen = citizen_of(request.user)
    if request.method != "POST":
        initial = {}
        if citizen is not None:
            initial = {
                "sender_name": citizen.full_name,
                "sender_address": citizen.address,
                "sender_phone": citizen.phone,
                "sender_email": citizen.email,
            }
        form = FeedbackForm(initial=initial, agencies=agencies)
        return render(request, "feedback/form.html", {"form": form})
    form = FeedbackForm(request.POST, agencies=agencies)
    form.is_valid()
    files = [
        (f, upload.client_name("attachments", f) if upload else None)
        for f in request.FILES.getlist("attachments")
    ]
    if upload and "attachments" in upload.too_large:
        form.add_error(
            "attachments",
            _("Tệp “%(name)s” quá lớn; không có gì được lưu.") % {"name": upload.too_large["attachments"]},
        )
        return render(request, "feedback/form.html", {"form": form}, status=422)
    data = request.POST
    warning = []
    if data.get("kind", Kind.PAKN) == Kind.PAKN and not data.get("confirmed"):
        warning = complaints.looks_like_complaint(data.get("title", ""), data.get("content", ""))
    if warning:
        return render(request, "feedback/form.html", {"form": form, "complaint_words": warning}, status=200)
    try:
        feedback = submit(
            request_from(data, files, channel="cong_dvc"), account=request.user if citizen else None
        )
    except FeedbackError as exc:
        put_errors(form, exc)
        return render(request, "feedback/form.html", {"form": form}, status=422)
    request.session[SESSION_SENT] = feedback.code
    _unlock(request, feedback.code)
    return redirect("feedback:sent")


@never_cache
def sent(request):
    code = request.session.get(SESSION_SENT)
    feedback = Feedback.objects.filter(code=code).select_related("receiving_agency").first() if code else None
    if feedback is None:
        return redirect("feedback:send")
    return render(request, "feedback/sent.html", {"feedback": feedback})


def public_list(request):
    fields = list(ProcedureField.objects.only("id", "name").order_by("name"))
    agencies = agencies_today()
    form = SearchForm(request.GET or None, fields=fields, agencies=agencies)
    rows = Feedback.objects.filter(is_public=True).select_related("handling_agency", "field")
    if form.is_valid():
        for term in fold(form.cleaned_data["q"]).split():
            rows = rows.filter(search_text__contains=term)
        if form.cleaned_data["linh_vuc"]:
            rows = rows.filter(field_id=form.cleaned_data["linh_vuc"])
        if form.cleaned_data["co_quan"]:
            rows = rows.filter(handling_agency_id=form.cleaned_data["co_quan"])
    rows = rows.only(
        "code",
        "public_title",
        "public_question",
        "published_at",
        "handling_agency__name",
        "field__name",
        "classification",
    ).order_by("-published_at", "-id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    template = "feedback/partials/public_results.html" if request.htmx else "feedback/public_list.html"
    return render(request, template, {"form": form, "page": page})


def public_detail(request, code: str):
    feedback = (
        Feedback.objects.filter(code=code, is_public=True)
        .select_related("handling_agency", "field", "procedure")
        .first()
    )
    if feedback is None:
        raise Http404(_("Không có phản ánh, kiến nghị đã công khai với mã này."))
    return render(request, "feedback/public_detail.html", {"feedback": feedback})


# --- the sender's page -------------------------------------------------------------------------------------------


def _unlocked(request) -> dict[str, float]:
    stored = request.session.get(SESSION_UNLOCKED) if request.session.session_key else None
    now = time.time()
    return {k: v for k, v in (stored or {}).items() if isinstance(v, int | float) and v > now}


def _unlock(request, code: str) -> None:
    kept = _unlocked(request)
    kept[code] = time.time() + UNLOCK_MINUTES * 60
    request.session[SESSION_UNLOCKED] = dict(sorted(kept.items(), key=lambda i: i[1])[-20:])


def _is_sender(request, feedback: Feedback) -> bool:
    return (
        feedback.account_id is not None
        and feedback.account_id == request.user.pk
        or feedback.code in _unlocked(request)
    )


@never_cache
@sensitive_post_parameters("check")
@require_http_methods(["GET", "HEAD", "POST"])
def track(request):
    if request.method != "POST":
        return render(request, "feedback/track.html", {"form": TrackForm()})
    form = TrackForm(request.POST)
    ip = throttle.client_ip(request)
    code = (request.POST.get("code") or "").strip().upper()
    if throttle.is_throttled(ip, code):
        return render(request, "feedback/track.html", {"form": form, "error": "throttled"}, status=429)
    if not form.is_valid():
        return render(request, "feedback/track.html", {"form": form}, status=422)
    feedback = Feedback.objects.filter(code=code).only("code", "sender_phone").first()
    expected = last_digits(feedback.sender_phone) if feedback else "----"
    if (
        not hmac.compare_digest(form.cleaned_data["check"].encode(), (expected or "----").encode())
        or not feedback
    ):
        throttle.record_failure(ip, code)
        return render(request, "feedback/track.html", {"form": form, "error": "not_found"})
    throttle.record_success(code)
    _unlock(request, feedback.code)
    return redirect("feedback:mine-detail", code=feedback.code)


def _load_own(request, code: str) -> Feedback:
    feedback = (
        Feedback.objects.filter(code=code).select_related("handling_agency", "receiving_agency").first()
    )
    if feedback is None or not _is_sender(request, feedback):
        raise Http404(_("Không tìm thấy phản ánh; hãy tra cứu bằng mã và mã kiểm tra."))
    return feedback


@never_cache
def own_detail(request, code: str, form=None, supplement_form=None, status=200):
    feedback = _load_own(request, code)
    return render(
        request,
        "feedback/own_detail.html",
        {
            "feedback": feedback,
            "reaction_form": form or ReactionForm(),
            "supplement_form": supplement_form or SupplementForm(),
            "log": feedback.log.filter(action__in=["request_info", "refuse", "transfer"]).order_by("seq")
            if feedback.status != Status.REDIRECTED
            else [],
        },
        status=status,
    )


def _sender_acts(request, code: str, action: str, form, slot: str, field: str):
    """The sender's ``action`` with ``form``'s data; a refusal shows the page again (``slot``: the page's form
    argument) with the message on ``field``."""
    feedback = _load_own(request, code)
    if not form.is_valid():
        return own_detail(request, code, status=422, **{slot: form})
    try:
        apply(feedback, action, request.user, inputs=form.cleaned_data, as_sender=True)
    except FeedbackError as exc:
        form.add_error(field, exc.message)
        return own_detail(request, code, status=exc.http_status, **{slot: form})
    return redirect("feedback:mine-detail", code=code)


@require_POST
def react(request, code: str):
    return _sender_acts(request, code, "react", ReactionForm(request.POST), "form", "reaction")


@require_POST
def supplement(request, code: str):
    return _sender_acts(
        request, code, "supplement", SupplementForm(request.POST), "supplement_form", "content"
    )


def mine(request):
    """The signed-in citizen's own feedback."""
    if citizen_of(request.user) is None:
        return redirect(reverse("feedback:track"))
    rows = Feedback.objects.filter(account=request.user).only("code", "title", "status", "received_at")
    return render(request, "feedback/mine.html", {"rows": rows})
