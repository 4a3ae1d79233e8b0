"""The signed-in citizen's pages (issue 8): “Hồ sơ của tôi”, the data store, online submission, and answering the
centre online. Every view is wrapped in ``accounts.access.citizen_required`` (an officer's account gets its 403
page); every dossier, file and data-store item is looked up through the ownership rule in the query that finds
it, and anything not the citizen's answers 404 with the same page as what does not exist.

- ``GET  ho-so-cua-toi/`` (``portal:mine``): the citizen's dossiers, newest first, 20 a page (``?trang=``).
- ``GET  ho-so-cua-toi/kho-du-lieu/`` (``portal:data-store``): earlier components and electronic results.
- ``GET  ho-so-cua-toi/tep/<uuid>/`` (``portal:mine-file``): a file of the citizen's dossiers, as an attachment.
- ``GET  ho-so-cua-toi/<code>/`` (``portal:mine-detail``): one dossier, by code or temporary reference.
- ``POST ho-so-cua-toi/<code>/bo-sung/`` (``portal:mine-answer``): the files asked for (multipart, ``tep-<component
  id>``), then ``resubmit`` (status 1, after the centre's request to complete) or ``submit_supplement`` (status 5).
- ``POST ho-so-cua-toi/<code>/rut/`` (``portal:mine-withdraw``): ``request_withdrawal`` with the reason.
- ``GET  nop-ho-so/`` (``portal:submit``): procedures that can be submitted online, with a search box (``?q=``).
- ``GET/POST nop-ho-so/<procedure code>/`` (``portal:submit-form``): the case (``?truong-hop=``), then the e-form.
- ``GET/POST nop-ho-so/<procedure code>/xem-lai/`` (``portal:submit-review``): the review; POST submits.
- ``GET  nop-ho-so/da-nop/<reference>/`` (``portal:submitted``): the confirmation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from motcua.accounts.access import citizen_required
from motcua.accounts.ownership import dossiers_q
from motcua.catalog import services as catalog_services
from motcua.core.inputs import ascii_id
from motcua.dossiers.choices import Status
from motcua.dossiers.services.transitions import TransitionError, apply
from motcua.files import checks
from motcua.files.services import applicant as applicant_files
from motcua.files.services import open_stored
from motcua.files.services.storage import max_bytes
from motcua.files.uploads import upload_view
from motcua.files.views.common import attachment
from motcua.portal import answers, mine, submission
from motcua.portal.forms_citizen import AnswerForm, EForm, WithdrawForm

log = logging.getLogger(__name__)
CSS = "portal/portal.css"


def _not_found(request, message: str | None = None):
    return render(
        request,
        "portal/citizen_not_found.html",
        {"message": message or _("Không tìm thấy hồ sơ này trong các hồ sơ của bạn.")},
        status=404,
    )


def _too_large(request, *args, upload=None, **kwargs):
    return render(
        request,
        "portal/citizen_not_found.html",
        {
            "message": _("Tệp gửi lên quá lớn: mỗi tệp tối đa %(mb)s MB. Hãy quay lại và chọn tệp nhỏ hơn.")
            % {"mb": max_bytes() // (1024 * 1024)}
        },
        status=413,
    )


def _file_problem(upload, name: str, uploaded) -> str | None:
    """What reading the request already refused for the file field ``name`` (None if nothing)."""
    if name in upload.too_large:
        return checks.too_large(checks.shown(upload.too_large[name]), max_bytes()).message
    if upload.malformed:
        return _("Không đọc được tệp gửi lên; hãy chọn lại tệp và gửi lại.")
    if uploaded is None and upload.dropped:
        try:
            checks.display_name(upload.dropped[0])
        except checks.UploadRefused as exc:
            return exc.message
        return _("Tên tệp không hợp lệ; hãy đổi tên tệp rồi tải lên lại.")
    return None


# --- Hồ sơ của tôi ---------------------------------------------------------------------------------------------


@never_cache
@require_safe
@citizen_required
def mine_list(request):
    current = mine.page(request.citizen, request.GET.get("trang"))
    return render(request, "portal/mine_list.html", {"page": current, "css": CSS})


@never_cache
@require_safe
@citizen_required
def mine_detail(request, code: str):
    found = mine.detail(request.citizen, code, request.user)
    if found is None:
        return _not_found(request)
    return render(request, "portal/mine_detail.html", _detail_context(found))


def _detail_context(found: mine.Detail, **extra) -> dict:
    return {
        "found": found,
        "d": found.public,
        "dossier": found.dossier,
        "answer": next((a for a in found.actions if a in answers.ACTIONS), ""),
        "can_withdraw": "request_withdrawal" in found.actions,
        "supplement_sent": found.dossier.status == Status.SUPPLEMENT_REQUESTED
        and found.dossier.supplement_state == mine.SUPPLEMENT_SENT,
        "answer_form": extra.pop("answer_form", None) or AnswerForm(),
        "withdraw_form": extra.pop("withdraw_form", None) or WithdrawForm(),
        **extra,
    }


@never_cache
@require_safe
@citizen_required
def data_store(request):
    components, results = applicant_files.applicant_data_store(dossiers_q(request.citizen))
    return render(request, "portal/data_store.html", {"components": components, "results": results})


@require_safe
@citizen_required
def mine_file(request, file_id):
    record = applicant_files.file_for_applicant(file_id, dossiers_q(request.citizen), request.user)
    if record is None:
        return _not_found(request, _("Không tìm thấy tệp này trong các hồ sơ của bạn."))
    try:
        handle = open_stored(record)
    except OSError:
        log.exception("stored object %s of file %s is missing", record.storage_name, record.pk)
        return _not_found(request, _("Tệp không còn trong kho lưu trữ; hãy liên hệ bộ phận một cửa."))
    return attachment(handle, record)


@require_POST
@citizen_required
@upload_view(_too_large)
def mine_answer(request, code: str, upload):
    """The completion (status 1) or supplement (status 5) sent online: each file chosen is checked and linked to
    its component, then the transition; any refusal saves nothing (one transaction, ``portal.answers``)."""
    found = mine.detail(request.citizen, code, request.user)
    if found is None:
        return _not_found(request)
    dossier = found.dossier
    action = next((a for a in found.actions if a in answers.ACTIONS), "")
    form = AnswerForm(request.POST)
    if not action:
        return _detail_error(
            request, found, _("Hồ sơ này hiện không chờ bạn bổ sung giấy tờ."), status=409, answer_form=form
        )
    if not form.is_valid():
        return _detail_error(request, found, "", status=422, answer_form=form)
    posted = [_posted_file(request, upload, component) for component in found.components]
    errors = {item.component.pk: item.problem for item in posted if item.problem}
    chosen = [item for item in posted if item.uploaded is not None and not item.problem]
    if not chosen and not errors:
        return _detail_error(
            request, found, _("Hãy chọn ít nhất một tệp giấy tờ bổ sung."), status=422, answer_form=form
        )
    if errors:
        return _detail_error(request, found, "", status=422, answer_form=form, file_errors=errors)
    try:
        errors = answers.send(dossier, action, chosen, form.cleaned_data["note"], request.user)
    except TransitionError as exc:
        found = mine.detail(request.citizen, code, request.user)
        return _detail_error(request, found, exc.message, status=409, answer_form=form)
    if errors:
        found = mine.detail(request.citizen, code, request.user)
        return _detail_error(request, found, "", status=422, answer_form=form, file_errors=errors)
    if action == "resubmit":
        messages.success(
            request, _("Đã gửi hồ sơ đã hoàn thiện. Bộ phận một cửa sẽ kiểm tra lại để tiếp nhận.")
        )
    else:
        messages.success(
            request,
            _(
                "Đã gửi giấy tờ bổ sung. Bộ phận một cửa sẽ tiếp nhận phần bổ sung và hồ sơ được giải quyết tiếp."
            ),
        )
    return redirect("portal:mine-detail", code=dossier.code or dossier.reference)


@require_POST
@citizen_required
def mine_withdraw(request, code: str):
    found = mine.detail(request.citizen, code, request.user)
    if found is None:
        return _not_found(request)
    form = WithdrawForm(request.POST)
    if "request_withdrawal" not in found.actions:
        return _detail_error(
            request, found, _("Không thể đề nghị rút hồ sơ này lúc này."), status=409, withdraw_form=form
        )
    if not form.is_valid():
        return _detail_error(request, found, "", status=422, withdraw_form=form)
    try:
        apply(
            found.dossier,
            "request_withdrawal",
            request.user,
            inputs={"reason": form.cleaned_data["reason"]},
            access=mine.no_roles(),
        )
    except TransitionError as exc:
        return _detail_error(request, found, exc.message, status=409, withdraw_form=form)
    messages.success(
        request, _("Đã gửi đề nghị rút hồ sơ. Bộ phận một cửa sẽ xác nhận và thông báo cho bạn.")
    )
    return redirect("portal:mine-detail", code=found.dossier.code or found.dossier.reference)


def _detail_error(request, found, error: str, status: int, **extra):
    context = _detail_context(found, error=error, **extra)
    return render(request, "portal/mine_detail.html", context, status=status)


# --- Nộp hồ sơ trực tuyến --------------------------------------------------------------------------------------


@never_cache
@require_safe
@citizen_required
def submit_choose(request):
    query = (request.GET.get("q") or "").strip()[:200]
    procedures = submission.online_procedures(query)
    return render(request, "portal/submit_choose.html", {"procedures": procedures, "q": query})


def _version_and_case(request, code: str):
    version = submission.online_version(code)
    if version is None:
        raise Http404
    content = catalog_services.published_content(version)
    cases = list(content.cases)
    case = None
    raw = request.GET.get("truong-hop") or request.POST.get("truong-hop")
    if len(cases) == 1:
        case = cases[0]
    elif raw and ascii_id(raw) is not None:
        case = next((c for c in cases if c.pk == int(raw)), None)
    return version, content, cases, case


def _initial(citizen, draft: submission.Draft | None = None) -> dict:
    """The e-form's values before it is posted: the account's, then what the draft kept."""
    initial = {
        "name": citizen.full_name,
        "id_number": citizen.id_number,
        "birth_date": citizen.birth_date,
        "phone": citizen.phone,
        "email": citizen.email,
        "address": citizen.address,
    }
    if draft is not None:
        initial.update({k: v for k, v in draft.applicant.items() if v})
        initial.update(
            receiving=draft.receiving, result_delivery=draft.result_delivery, summary=draft.summary
        )
    return initial


def _posted_file(request, upload, component) -> submission.PostedFile:
    """What the e-form posted for ``component``: ``tep-<id>`` (a file), ``nguon-<id>`` (the data store), ``giu-<id>``
    (keep the draft's file)."""
    name = f"tep-{component.pk}"
    uploaded = request.FILES.get(name)
    return submission.PostedFile(
        component=component,
        field=name,
        uploaded=uploaded,
        client_name=upload.client_name(name, uploaded) if uploaded is not None else None,
        source=(request.POST.get(f"nguon-{component.pk}") or "").strip(),
        keep=bool(request.POST.get(f"giu-{component.pk}")),
        problem=_file_problem(upload, name, uploaded),
    )


def _add_refusals(form, refusals: list[tuple[str, list[str]]]) -> None:
    for name, messages_ in refusals:
        form.add_error(name if name in form.fields else None, messages_)


@dataclass
class _FormPage:
    """The e-form page of a procedure's case: what stays the same whether it is shown first or again with errors."""

    request: object
    version: object
    case: object
    cases: list
    components: list
    store: tuple  # the data store's components and results offered for reuse
    draft: submission.Draft | None

    def show(self, form, file_errors=None, sources=None, status: int = 200):
        store_components, store_results = self.store
        file_errors, sources = file_errors or {}, sources or {}
        context = {
            "version": self.version,
            "case": self.case,
            "several_cases": len(self.cases) > 1,
            "form": form,
            "rows": _component_rows(self.components, self.draft, file_errors, sources),
            "store_options": [
                (f"tp-{s.pk}", f"{s.file.display_name} ({s.dossier.code or s.dossier.reference})")
                for s in store_components
            ]
            + [
                (
                    f"kq-{s.pk}",
                    _("Kết quả %(number)s (%(code)s)") % {"number": s.number, "code": s.dossier.code},
                )
                for s in store_results
            ],
            "max_mb": max_bytes() // (1024 * 1024),
            "verified": self.request.citizen.id_verified,
            "has_errors": bool(form.errors or file_errors),
        }
        return render(self.request, "portal/submit_form.html", context, status=status)


def _component_rows(components, draft, file_errors, sources) -> list[dict]:
    items = draft.files if draft else {}
    return [
        {
            "component": c,
            "field": f"tep-{c.pk}",
            "source_field": f"nguon-{c.pk}",
            "kept": items.get(str(c.pk)),
            "error": file_errors.get(c.pk, ""),
            "source": sources.get(c.pk, ""),
        }
        for c in components
    ]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@citizen_required
@upload_view(_too_large)
def submit_form(request, code: str, upload):
    """The e-form: shown (prefilled from the account and the draft), or posted: the files chosen, the draft checked
    by intake's rules, the new files stored, the draft kept in the session for the review (``portal.submission``)."""
    version, content, cases, case = _version_and_case(request, code)
    if case is None:
        return render(request, "portal/submit_case.html", {"version": version, "cases": cases})
    citizen, procedure_code = request.citizen, version.procedure.code
    units = submission.receiving_units(version)
    owned = dossiers_q(citizen)
    store = applicant_files.applicant_data_store(owned, limit=50)
    draft = submission.draft_for(request.session, procedure_code, case.pk)
    page = _FormPage(request, version, case, cases, list(content.components.get(case.pk, ())), store, draft)
    if request.method != "POST":
        form = EForm(initial=_initial(citizen, draft), units=units, verified=citizen.id_verified)
        return page.show(form, sources=draft.sources() if draft else {})
    form = EForm(request.POST, initial=_initial(citizen), units=units, verified=citizen.id_verified)
    posted = [_posted_file(request, upload, c) for c in page.components]
    sources = {item.component.pk: item.source for item in posted}
    chosen = submission.choose_files(posted, draft, owned)
    if form.is_valid():
        new_draft = submission.draft_from(procedure_code, case.pk, form.cleaned_data, chosen)
        _add_refusals(form, submission.refusals(new_draft, citizen))
        if form.is_valid() and not chosen.errors:
            chosen.errors.update(submission.store_uploads(new_draft, chosen.uploads, request.user))
            if not chosen.errors:
                new_draft.save(request.session)
                return redirect("portal:submit-review", code=procedure_code)
    return page.show(form, chosen.errors, sources, status=422)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@citizen_required
def submit_review(request, code: str):
    version = submission.online_version(code)
    if version is None:
        raise Http404
    draft = submission.Draft.load(request.session, version.procedure.code)
    if draft is None:
        return redirect("portal:submit-form", code=version.procedure.code)
    content = catalog_services.published_content(version)
    components = {c.pk: c for c in content.components.get(draft.case_id, ())}
    case = next((c for c in content.cases if c.pk == draft.case_id), None)
    units = {u.identifier: u for u in submission.receiving_units(version)}
    error = ""
    if request.method == "POST":
        try:
            dossier = submission.submit(draft, request.citizen, request.user)
        except ValidationError as exc:
            error = " ".join(m for ms in exc.message_dict.values() for m in ms)
        except submission.SubmissionError as exc:
            error = exc.message
        except TransitionError as exc:
            error = exc.message
        else:
            submission.Draft.forget(request.session, version.procedure.code)
            return redirect("portal:submitted", reference=dossier.reference)
    applicant = submission.applicant_data(request.citizen, draft.applicant)
    rows = [{"component": components.get(int(pk)), "item": item} for pk, item in draft.files.items()]
    context = {
        "version": version,
        "case": case,
        "several_cases": len(content.cases) > 1,
        "draft": draft,
        "applicant": applicant,
        "unit": units.get(draft.receiving),
        "delivery_label": _delivery(draft.result_delivery),
        "rows": rows,
        "error": error,
    }
    return render(request, "portal/submit_review.html", context, status=422 if error else 200)


def _delivery(value: str) -> str:
    from motcua.dossiers.choices import ResultDelivery

    try:
        return str(ResultDelivery(value).label)
    except ValueError:
        return ""


@never_cache
@require_safe
@citizen_required
def submitted(request, reference: str):
    dossier = mine.find(request.citizen, reference, "receiving_agency", "procedure_version")
    if dossier is None or dossier.account_id != request.user.pk:
        return _not_found(request)
    return render(
        request,
        "portal/submitted.html",
        {"dossier": dossier, "now": timezone.now(), "waiting": dossier.status == Status.SUBMITTED},
    )
