"""What the files screens share: finding the dossier of a page, answering a refusal, sending a stored file."""

from __future__ import annotations

import logging

from django.db.models import Q
from django.http import FileResponse
from django.utils.translation import gettext as _

from motcua.dossiers.models import Dossier, StoredFile
from motcua.files import checks
from motcua.files.services import open_stored
from motcua.files.services.errors import FilesError
from motcua.files.services.storage import max_bytes
from motcua.files.uploads import Upload
from motcua.workspace.views.common import render_ws

log = logging.getLogger(__name__)
SECTION = "so-hoa"
FILE_FIELD = "tep"


def visible_dossier(request, code: str, *related: str) -> Dossier | None:
    """The dossier by code or temporary reference, with ``related`` joined, if the officer sees it (one query)."""
    query = Dossier.objects.select_related(*related).order_by()
    dossier = query.filter(Q(code=code) | Q(reference=code)).first()
    if dossier is None or not request.officer.visibility.sees(dossier):
        return None
    return dossier


def not_found(request, message: str, section: str = SECTION):
    """The same page for what does not exist and for what the officer may not see."""
    return render_ws(request, "files/not_found.html", section, {"message": message}, status=404)


def dossier_not_found(request, code: str):
    return not_found(
        request,
        _("Không tìm thấy hồ sơ “%(code)s”, hoặc hồ sơ không thuộc các đơn vị bạn được xem.")
        % {"code": code},
    )


def transport_refusal(upload: Upload, uploaded) -> FilesError | None:
    """What reading the request already refused for the file field: too large, a name Django would have dropped,
    a broken request, or no file at all."""
    if upload.refused_whole or FILE_FIELD in upload.too_large:
        name = upload.too_large.get(FILE_FIELD) or _("đã chọn")
        return FilesError.from_upload(checks.too_large(checks.shown(name), max_bytes()), FILE_FIELD)
    if upload.malformed:
        return FilesError(
            "invalid_input", _("Không đọc được tệp gửi lên; hãy chọn lại tệp và gửi lại."), field=FILE_FIELD
        )
    if uploaded is None and upload.dropped:
        try:
            checks.display_name(upload.dropped[0])
        except checks.UploadRefused as exc:
            return FilesError.from_upload(exc, FILE_FIELD)
        return FilesError(
            "invalid_input", _("Tên tệp không hợp lệ; hãy đổi tên tệp rồi tải lên lại."), field=FILE_FIELD
        )
    if uploaded is None:
        return FilesError("invalid_input", _("Chưa chọn tệp để tải lên."), field=FILE_FIELD)
    return None


def file_response(request, record: StoredFile, section: str = "don-vi"):
    """The stored file as an attachment, streamed, never interpreted by the browser."""
    try:
        handle = open_stored(record)
    except OSError:  # the row exists but the object is gone: an operator's problem, said plainly
        log.exception("stored object %s of file %s is missing", record.storage_name, record.pk)
        return render_ws(
            request,
            "files/not_found.html",
            section,
            {
                "message": _("Tệp “%(name)s” không còn trong kho lưu trữ; hãy báo quản trị hệ thống.")
                % {"name": record}
            },
            status=410,
        )
    return attachment(handle, record)


def attachment(handle, record: StoredFile) -> FileResponse:
    response = FileResponse(
        handle, as_attachment=True, filename=record.display_name, content_type=record.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
