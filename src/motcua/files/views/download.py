"""Downloads.

- ``GET /mot-cua/tep/<uuid>/`` (``files:download``): an officer who sees a dossier using the file gets it as an
  attachment; anyone else the same 404 as for no file. Queries: the session (two), the officer's permission
  snapshot (two), the dossiers using the file (one), the file (one).
- ``GET /ket-qua/<token>/`` (``files:result-download``): the applicant's signed, expiring link to an electronic
  result (``files.services.result_link``). One query. A tampered link answers 404, an expired one 410, each with
  a page saying so.
"""

from __future__ import annotations

import uuid

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from motcua.files.services import FilesError, file_for_officer, open_result_link, open_stored
from motcua.files.views.common import attachment, file_response, not_found
from motcua.workspace.access import officer_required


@require_safe
@officer_required
def download(request, file_id: uuid.UUID):
    record = file_for_officer(file_id, request.officer.visibility)
    if record is None:
        return not_found(
            request,
            _("Không tìm thấy tệp, hoặc tệp không thuộc hồ sơ nào của các đơn vị bạn được xem."),
            section="don-vi",
        )
    return file_response(request, record)


@require_safe
def result_download(request, token: str):
    try:
        result = open_result_link(token)
        handle = open_stored(result.file)
    except FilesError as exc:
        return _refused(request, exc.message, exc.http_status)
    except OSError:
        return _refused(
            request, _("Tệp kết quả không còn trong kho lưu trữ; hãy liên hệ bộ phận một cửa."), status=410
        )
    response = attachment(handle, result.file)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _refused(request, message: str, status: int):
    response = render(request, "files/result_link_refused.html", {"message": message}, status=status)
    response["Referrer-Policy"] = "no-referrer"
    return response
