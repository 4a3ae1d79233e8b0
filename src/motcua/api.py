"""The REST API at /api/v1/ (django-ninja, OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs).

Each app contributes a router from its ``api`` module. Errors always carry a reason:
a Django ``ValidationError`` becomes 422 with the field messages, ``PermissionDenied`` 403, ``Http404`` 404.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import django_auth

from motcua import __version__


class LocalTimeEncoder(NinjaJSONEncoder):
    """Every date-time in Vietnam time (+07:00), whether it was just computed or read back from the database."""

    def default(self, o):
        if isinstance(o, dt.datetime) and timezone.is_aware(o):
            return timezone.localtime(o).isoformat()
        return super().default(o)


class UnicodeJSONRenderer(JSONRenderer):
    """Vietnamese text as UTF-8, not as \\u escapes; date-times in Vietnam time."""

    encoder_class = LocalTimeEncoder
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=UnicodeJSONRenderer(),
    title="motcua API",
    version=__version__,
    description=(
        "API của Hệ thống thông tin giải quyết thủ tục hành chính (motcua). "
        "Ngày tháng theo ISO 8601 (YYYY-MM-DD), giờ theo múi giờ Asia/Ho_Chi_Minh (+07:00). "
        "Các tham số `on` cho phép tra cứu “tại ngày” (mặc định: hôm nay)."
    ),
    urls_namespace="api",
    auth=None,
)


def validation_messages(exc: ValidationError) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [
            {"loc": ["body", name] if name != "__all__" else ["body"], "msg": msg}
            for name, errors in exc.message_dict.items()
            for msg in errors
        ]
    return [{"loc": ["body"], "msg": msg} for msg in exc.messages]


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    return api.create_response(request, {"detail": validation_messages(exc)}, status=422)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc: PermissionDenied):
    reason = str(exc) or _("Bạn không có quyền thực hiện thao tác này tại đơn vị này.")
    return api.create_response(request, {"detail": reason}, status=403)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": _("Cần đăng nhập hoặc mã truy cập API hợp lệ.")}, status=401
    )


@api.exception_handler(Http404)
def on_not_found(request, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or _("Không tìm thấy.")}, status=404)


SESSION_AUTH = [django_auth]

from motcua.catalog.api import router as catalog_router  # noqa: E402
from motcua.dossiers.api import router as dossiers_router  # noqa: E402
from motcua.org.api import router as org_router  # noqa: E402

api.add_router("/", org_router)
api.add_router("/", catalog_router)
api.add_router("/", dossiers_router)
api.add_router("/", "motcua.reports.api.router")
api.add_router("/", "motcua.feedback.api.router")
