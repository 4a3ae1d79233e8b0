"""Public downloads of the documents app: the procedure document (quy trình nội bộ, TCVN ISO 9001:2015) of an
approved internal process, public information like the procedure it belongs to.

- ``thu-tuc/<code>/quy-trinh/<id>.pdf`` and ``….docx`` (``documents_public:process-pdf``,
  ``documents_public:process-docx``): the document of the published process ``id`` of procedure ``code``; 404 for a
  draft, a superseded process, or a process of another procedure. No sign-in, no personal data.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from motcua.documents.services import process_manual


@require_GET
def process_file(request, code: str, pk: int, fmt: str):
    process = process_manual.published(code, pk)
    if process is None:
        raise Http404(
            _("Không có quy trình nội bộ đã phê duyệt này của thủ tục “%(code)s”.") % {"code": code}
        )
    manual = process_manual.render(process, fmt)
    response = HttpResponse(manual.content, content_type=manual.content_type)
    response["Content-Disposition"] = manual.disposition(inline=fmt == "pdf")
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
