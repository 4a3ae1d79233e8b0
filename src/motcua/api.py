"""The REST API at /api/v1/ (django-ninja, OpenAPI 3.1 at /api/v1/openapi.json, docs at /api/v1/docs).

Each app contributes a router from its ``api`` module. Errors always carry a reason, each kind answered by one
handler here: a refused action of any app (:class:`motcua.core.rules.RuleError`) becomes the problem answer
``{"detail", "rule", "kind", "field"}`` with the status of its kind, a Django ``ValidationError`` 422 with the field
messages, ``PermissionDenied`` 403, ``Http404`` 404.
The shapes are in :mod:`motcua.core.problems`; :func:`document_answers` adds to every operation the error answers
it can give (so the OpenAPI description lists every status code), and input that no database can take (NUL
bytes, out-of-calendar dates, huge page numbers) is refused by :mod:`motcua.core.inputs` and
:mod:`motcua.core.middleware` before any service runs. No input makes a 500
(tests/api/test_no_input_makes_a_server_error.py runs schemathesis over this description).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import django_auth

from motcua import __version__
from motcua.core.problems import MessageOut, ValidationErrorOut
from motcua.core.rules import RuleError


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


@api.exception_handler(RuleError)
def on_refusal(request, exc: RuleError):
    """A refused action (a row of a transition table, a file, a payment…): ``ProblemOut``, the status of its kind."""
    body = {"detail": exc.message, "rule": exc.rule, "kind": exc.kind, "field": exc.field}
    return api.create_response(request, body, status=exc.http_status)


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


@api.exception_handler(IntegrityError)
def on_lost_race(request, exc: IntegrityError):
    """A unique key taken by a concurrent request between the checks and the write (the same code, the same
    national PAKN id): the loser is told to retry, nothing of its request was kept (its transaction rolled back)."""
    return api.create_response(
        request,
        {
            "detail": _(
                "Một yêu cầu khác vừa ghi cùng dữ liệu này; không có gì thay đổi, hãy tải lại rồi thử lại."
            )
        },
        status=409,
    )


def on_database_unavailable(request, exc):
    """The database dropped the connection or did not answer (a restart, a fail-over, an operator killing
    sessions): 503 with a reason and Retry-After, never a 500. The request's transaction did not complete; an
    intake retried with the same ``Idempotency-Key`` cannot create a second dossier. The broken connection is
    dropped by Django when the request ends (``close_old_connections`` on ``request_finished``)."""
    response = api.create_response(request, {"detail": unavailable_message()}, status=503)
    response["Retry-After"] = "5"
    return response


def unavailable_message() -> str:
    return _(
        "Mất kết nối tới cơ sở dữ liệu trong khi xử lý; yêu cầu có thể chưa được ghi. Hãy thử lại sau ít giây "
        "(gửi lại với cùng Idempotency-Key thì không tạo trùng)."
    )


api.add_exception_handler(OperationalError, on_database_unavailable)
api.add_exception_handler(InterfaceError, on_database_unavailable)


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


def document_answers(ninja_api: NinjaAPI) -> None:
    """Add to each operation the error answers it can give and does not declare itself: 422 (every operation:
    a parameter, a body or the path can be refused), 401 (when it needs a caller), 403 (a write that needs a
    role), 404 (a path naming a record), 409 (a write: a concurrent request won the race), 503 (every operation:
    the database connection was lost)."""
    for _prefix, router in ninja_api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                answers = operation.response_models
                needs_caller = bool(operation.auth_callbacks)
                expected = {422: ValidationErrorOut, 503: MessageOut}
                if needs_caller:
                    expected[401] = MessageOut
                if set(operation.methods) - {"GET"}:
                    expected[409] = MessageOut
                    if needs_caller:
                        expected[403] = MessageOut
                if "{" in path:
                    expected[404] = MessageOut
                for status, schema in expected.items():
                    if status not in answers:
                        answers[status] = operation._create_response_model(schema)


document_answers(api)
