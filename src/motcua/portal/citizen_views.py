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

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
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
from motcua.files.services import FilesError, open_stored
from motcua.files.services import applicant as applicant_files
from motcua.files.services.storage import discard, max_bytes
from motcua.files.uploads import upload_view
from motcua.files.views.common import attachment
from motcua.portal import mine, submission
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
        "answer": next((a for a in found.actions if a in ("resubmit", "submit_supplement")), ""),
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
    its component, then the transition; any refusal saves nothing (one transaction)."""
    found = mine.detail(request.citizen, code, request.user)
    if found is None:
        return _not_found(request)
    dossier = found.dossier
    action = next((a for a in found.actions if a in ("resubmit", "submit_supplement")), "")
    form = AnswerForm(request.POST)
    if not action:
        return _detail_error(
            request, found, _("Hồ sơ này hiện không chờ bạn bổ sung giấy tờ."), status=409, answer_form=form
        )
    if not form.is_valid():
        return _detail_error(request, found, "", status=422, answer_form=form)
    errors: dict[int, str] = {}
    chosen = []
    for component in found.components:
        name = f"tep-{component.pk}"
        uploaded = request.FILES.get(name)
        problem = _file_problem(upload, name, uploaded)
        if problem:
            errors[component.pk] = problem
        elif uploaded is not None:
            chosen.append((component, name, uploaded))
    if not chosen and not errors:
        return _detail_error(
            request, found, _("Hãy chọn ít nhất một tệp giấy tờ bổ sung."), status=422, answer_form=form
        )
    if errors:
        return _detail_error(request, found, "", status=422, answer_form=form, file_errors=errors)
    sent: list[str] = []
    written: list[str] = []  # stored objects to remove again if the transaction is rolled back
    try:
        with transaction.atomic():
            for component, name, uploaded in chosen:
                component.dossier = dossier
                try:
                    applicant_files.upload_for_component(
                        component,
                        uploaded,
                        request.user,
                        client_name=upload.client_name(name, uploaded),
                        field=name,
                    )
                except FilesError as exc:
                    errors[component.pk] = exc.message
                    raise
                sent.append(component.name[:120])
                written.append(component.file.storage_name)
            apply(
                dossier,
                action,
                request.user,
                inputs={"note": form.cleaned_data["note"], "files": sent},
                access=mine.no_roles(),
            )
    except FilesError:
        _discard(written)
        found = mine.detail(request.citizen, code, request.user)
        return _detail_error(request, found, "", status=422, answer_form=form, file_errors=errors)
    except TransitionError as exc:
        _discard(written)
        found = mine.detail(request.citizen, code, request.user)
        return _detail_error(request, found, exc.message, status=409, answer_form=form)
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


def _discard(names: list[str]) -> None:
    """The rows of these stored objects were rolled back with the answer: remove the objects too."""
    for name in names:
        discard(name)


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


def _initial(citizen) -> dict:
    return {
        "name": citizen.full_name,
        "id_number": citizen.id_number,
        "birth_date": citizen.birth_date,
        "phone": citizen.phone,
        "email": citizen.email,
        "address": citizen.address,
    }


def _component_rows(components, draft, store, file_errors, sources) -> list[dict]:
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
    version, content, cases, case = _version_and_case(request, code)
    if case is None:
        return render(request, "portal/submit_case.html", {"version": version, "cases": cases})
    components = list(content.components.get(case.pk, ()))
    units = submission.receiving_units(version)
    citizen = request.citizen
    owned = dossiers_q(citizen)
    store_components, store_results = applicant_files.applicant_data_store(owned, limit=50)
    draft = submission.Draft.load(request.session, version.procedure.code)
    if draft is not None and draft.case_id != case.pk:
        draft = None
    file_errors: dict[int, str] = {}
    sources: dict[int, str] = {}

    def show(status: int = 200):  # the e-form as it stands (``form``, ``sources`` as bound when called)
        return _render_form(
            request,
            version,
            case,
            cases,
            form,
            components,
            draft,
            store_components,
            store_results,
            file_errors,
            sources,
            status=status,
        )

    if request.method != "POST":
        initial = _initial(citizen)
        if draft is not None:
            initial.update({k: v for k, v in draft.applicant.items() if v})
            initial.update(
                receiving=draft.receiving, result_delivery=draft.result_delivery, summary=draft.summary
            )
            sources = {int(k): v.get("source", "") for k, v in draft.files.items()}
        form = EForm(initial=initial, units=units, verified=citizen.id_verified)
        return show()

    form = EForm(request.POST, initial=_initial(citizen), units=units, verified=citizen.id_verified)
    valid = form.is_valid()
    kept = dict(draft.files) if draft else {}
    wanted: dict[str, dict] = {}
    uploads = []
    for c in components:
        name, source_name = f"tep-{c.pk}", f"nguon-{c.pk}"
        uploaded = request.FILES.get(name)
        source = (request.POST.get(source_name) or "").strip()
        sources[c.pk] = source
        problem = _file_problem(upload, name, uploaded)
        if problem:
            file_errors[c.pk] = problem
        elif uploaded is not None:
            uploads.append((c, name, uploaded))
        elif source:
            if applicant_files.data_store_item(source, owned) is None:
                file_errors[c.pk] = _("Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn.")
            else:
                wanted[str(c.pk)] = {"file": "", "name": "", "source": source}
        elif str(c.pk) in kept and request.POST.get(f"giu-{c.pk}"):
            wanted[str(c.pk)] = kept[str(c.pk)]
        elif c.required:
            file_errors[c.pk] = _("Cần tải lên tệp hoặc chọn từ kho dữ liệu cho giấy tờ bắt buộc này.")
    if valid:
        values = dict(form.cleaned_data)
        new_draft = submission.Draft(
            code=version.procedure.code,
            case_id=case.pk,
            receiving=values["receiving"],
            applicant={
                k: (values[k].isoformat() if k == "birth_date" and values[k] else values[k] or "")
                for k in ("name", "id_number", "birth_date", "phone", "email", "address")
            },
            result_delivery=values["result_delivery"],
            summary=values["summary"],
            files={**wanted, **{str(c.pk): {"file": "", "name": "", "source": ""} for c, _n, _u in uploads}},
        )
        try:
            submission.check(new_draft, citizen)
        except ValidationError as exc:
            for key, messages_ in exc.message_dict.items():
                target = {
                    "receiving_agency": "receiving",
                    "result_delivery": "result_delivery",
                }.get(key) or (key.split(".", 1)[1] if key.startswith("applicant.") else None)
                if target in form.fields:
                    form.add_error(target, messages_)
                else:
                    form.add_error(None, messages_)

    if not form.is_valid() or file_errors:
        return show(status=422)
    stored = []
    try:
        for c, name, uploaded in uploads:
            try:
                record = applicant_files.store_draft_upload(
                    uploaded, request.user, client_name=upload.client_name(name, uploaded), field=name
                )
            except FilesError as exc:
                file_errors[c.pk] = exc.message
                raise
            stored.append(record)
            new_draft.files[str(c.pk)] = {"file": str(record.pk), "name": record.display_name, "source": ""}
    except FilesError:
        for record in stored:
            applicant_files.discard_draft_file(record)
        return show(status=422)
    new_draft.save(request.session)
    return redirect("portal:submit-review", code=version.procedure.code)


def _render_form(
    request,
    version,
    case,
    cases,
    form,
    components,
    draft,
    store_components,
    store_results,
    file_errors,
    sources,
    status=200,
):
    context = {
        "version": version,
        "case": case,
        "several_cases": len(cases) > 1,
        "form": form,
        "rows": _component_rows(components, draft, store_components, file_errors, sources),
        "store_options": [
            (f"tp-{s.pk}", f"{s.file.display_name} ({s.dossier.code or s.dossier.reference})")
            for s in store_components
        ]
        + [
            (f"kq-{s.pk}", _("Kết quả %(number)s (%(code)s)") % {"number": s.number, "code": s.dossier.code})
            for s in store_results
        ],
        "max_mb": max_bytes() // (1024 * 1024),
        "verified": request.citizen.id_verified,
        "has_errors": bool(form.errors or file_errors),
    }
    return render(request, "portal/submit_form.html", context, status=status)


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
