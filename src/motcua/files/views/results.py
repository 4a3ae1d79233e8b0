"""Attaching the electronic result of a finished dossier (SPEC §7.3).

``GET|POST /mot-cua/ket-qua-dien-tu/<code>/`` (``files:attach-result``): the form (the signed PDF, and the mã kết
quả when the result has none yet) for the processing staff of the competent agency. Success: back to the dossier
page with a message. A refusal: the form again with the message next to its field; nothing is stored.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.dossiers.models import DossierResult
from motcua.files import checks
from motcua.files.services import FilesError, attach_result_file, may_attach_result
from motcua.files.services.results import check_may_attach
from motcua.files.services.storage import max_bytes
from motcua.files.uploads import upload_view
from motcua.files.views.common import FILE_FIELD, dossier_not_found, transport_refusal, visible_dossier
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

SECTION = "don-vi"
CODE_FIELD = "ma_ket_qua"
RELATED = ("handling_agency", "receiving_agency", "applicant", "procedure_version__procedure")


def _form(request, dossier, result, *, error: FilesError | None = None, notice: str = "", status: int = 200):
    code = dossier.code or dossier.reference
    context = {
        "dossier": dossier,
        "code": code,
        "result": result,
        "errors": {(error.field or FILE_FIELD): error.message} if error and not notice else {},
        "notice": notice,
        "typed_code": request.POST.get(CODE_FIELD, "") if request.method == "POST" else "",
        "page_url": reverse("workspace:dossier", kwargs={"code": code}),
        "max_mb": checks.max_limit_mb(max_bytes()),
    }
    return render_ws(request, "files/attach_result.html", SECTION, context, status=status)


def _load(request, code: str):
    dossier = visible_dossier(request, code, *RELATED)
    if dossier is None:
        return None, None
    return dossier, DossierResult.objects.select_related("file").filter(dossier_id=dossier.pk).first()


def _too_large(request, code: str, upload):
    dossier, result = _load(request, code)
    if dossier is None:
        return dossier_not_found(request, code)
    error = transport_refusal(upload, None)
    return _form(request, dossier, result, error=error, status=error.http_status)


@require_http_methods(["GET", "HEAD", "POST"])
@officer_required
@upload_view(refused=_too_large)
def attach_result(request, code: str, upload):
    dossier, result = _load(request, code)
    if dossier is None:
        return dossier_not_found(request, code)
    access = request.officer.access
    if request.method != "POST":
        try:
            check_may_attach(dossier, result, request.user, access)
        except FilesError as exc:
            return _form(request, dossier, result, error=exc, notice=exc.message, status=exc.http_status)
        return _form(request, dossier, result)
    uploaded = request.FILES.get(FILE_FIELD)
    error = transport_refusal(upload, uploaded) if may_attach_result(access, dossier) else None
    if error is None:
        try:
            result = attach_result_file(
                dossier,
                uploaded,
                request.user,
                result_code=request.POST.get(CODE_FIELD),
                client_name=upload.client_name(FILE_FIELD, uploaded),
                access=access,
            )
        except FilesError as exc:
            error = exc
    if error is not None:
        notice = error.message if error.kind in ("forbidden", "wrong_state", "not_found") else ""
        return _form(request, dossier, result, error=error, notice=notice, status=error.http_status)
    messages.success(
        request,
        _("Đã đính kèm kết quả điện tử “%(file)s” (mã kết quả %(result)s).")
        % {"file": result.file, "result": result.result_code},
    )
    return redirect("workspace:dossier", code=dossier.code or dossier.reference)
