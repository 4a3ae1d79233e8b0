"""Refuse, before any view runs, a request carrying text no database here can store (see
:mod:`motcua.core.inputs`): a NUL byte or a lone surrogate in the path, a query parameter, a form field or a JSON
body; and, on the API, a JSON body that is not JSON in UTF-8. The API answers 422 with the usual problem shape
(``{"detail": [{"loc": [...], "msg": ...}]}``); a page answers 400 with the reason. Nothing is read from or written
to the database.
"""

from __future__ import annotations

import json

from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

from motcua.core.inputs import unstorable

API_PREFIX = "/api/"
MALFORMED = "json"  # the location's last part when the JSON body itself cannot be read


def _strings(value, loc):
    """(location, text) for every string (keys included) in a decoded JSON value."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield [*loc, str(key)], str(key)
            yield from _strings(item, [*loc, str(key)])
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, [*loc, str(n)])


def _first_unstorable(request) -> list[str] | None:
    if unstorable(request.path):
        return ["path"]
    for name, values in request.GET.lists():
        if unstorable(name) or any(unstorable(v) for v in values):
            return ["query", name]
    content_type = request.content_type or ""
    if request.method in ("POST", "PUT", "PATCH") and content_type == "application/json":
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return ["body", MALFORMED] if request.path.startswith(API_PREFIX) else None
        for loc, text in _strings(body, ["body"]):
            if unstorable(text):
                return loc
    elif request.method == "POST" and content_type == "application/x-www-form-urlencoded":
        # (multipart forms are left to their views: reading them here would parse the upload before the view
        # sets its own upload handlers — the size and type guard of motcua.files.uploads)
        for name, values in request.POST.lists():
            if unstorable(name) or any(unstorable(v) for v in values):
                return ["form", name]
    return None


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        loc = _first_unstorable(request)
        if loc is None:
            return self.get_response(request)
        if loc[-1:] == [MALFORMED] and loc[0] == "body":
            message = _("Thân yêu cầu không phải JSON hợp lệ mã hóa UTF-8; không có gì thay đổi.")
            loc = ["body"]
        else:
            message = _(
                "Dữ liệu gửi lên chứa ký tự không lưu được (ký tự NUL hoặc mã UTF-16 đứng lẻ); "
                "yêu cầu bị từ chối, không có gì thay đổi."
            )
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                {"detail": [{"loc": loc, "msg": message}]},
                status=422,
                json_dumps_params={"ensure_ascii": False},
            )
        return HttpResponse(
            f"<!doctype html><meta charset=utf-8><title>400</title><p>{escape(message)}</p>",
            status=400,
            content_type="text/html; charset=utf-8",
        )


class DatabaseUnavailableMiddleware:
    """A page whose database connection was lost or did not answer (a restart, a fail-over, sessions killed by
    an operator) answers 503 with the reason and Retry-After — never a 500. The page is plain: rendering the
    site's layout would ask the same database. The API answers the same in JSON (``api.on_database_unavailable``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db.utils import InterfaceError, OperationalError

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None  # the broken connection itself is dropped by Django when the request ends
        message = _(
            "Hệ thống tạm thời mất kết nối tới cơ sở dữ liệu; thao tác của bạn có thể chưa được ghi. Hãy tải lại "
            "trang sau ít giây và kiểm tra trước khi làm lại."
        )
        response = HttpResponse(
            f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{escape(_("Tạm thời gián đoạn"))}</title>'
            f"<h1>{escape(_('Tạm thời gián đoạn'))}</h1><p>{escape(message)}</p></html>",
            status=503,
            content_type="text/html; charset=utf-8",
        )
        response["Retry-After"] = "5"
        return response
