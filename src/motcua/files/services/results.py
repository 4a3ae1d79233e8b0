"""Electronic results (SPEC §7.3): the signed result document of a finished dossier, with its mã kết quả, attached
by the competent agency's processing staff and downloaded by the applicant through a signed, expiring link.

The link carries the result and the file it was made for, signed with the site's secret (salt of its own): a
replaced file or another result cannot be reached by editing it, and it stops working after
``MOTCUA_RESULT_LINK_DAYS`` days. The public portal shows it; the counter can send it by e-mail or SMS.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier, DossierResult
from motcua.files.permissions import ATTACH_RESULT
from motcua.files.services.errors import FilesError
from motcua.files.services.storage import stored_upload
from motcua.org.permissions import Access

RESULT_CODE_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-_/]{0,31}")
LINK_SALT = "motcua.files.result-download"
RESULT_KINDS = ("pdf",)  # a signed electronic result is a PDF (PAdES signature)


def may_attach_result(access: Access, dossier: Dossier) -> bool:
    """Processing staff of the competent agency or of its internal divisions (org.permissions rule; no query)."""
    return bool(access.roles_in(dossier.handling_agency_id) & ATTACH_RESULT.roles)


def check_may_attach(dossier: Dossier, result: DossierResult | None, actor, access: Access) -> DossierResult:
    if not may_attach_result(access, dossier):
        raise FilesError(
            "forbidden",
            _(
                "Chỉ cán bộ xử lý, văn thư hoặc lãnh đạo của %(agency)s mới được đính kèm kết quả điện tử của hồ sơ này."
            )
            % {"agency": dossier.handling_agency.name},
        )
    if result is None or dossier.status not in (Status.FINISHED, Status.RETURNED):
        raise FilesError(
            "wrong_state",
            _(
                "Hồ sơ %(code)s chưa có kết quả giải quyết: chỉ đính kèm kết quả điện tử sau khi hồ sơ đã xử lý xong."
            )
            % {"code": dossier},
        )
    if result.file_id is not None and dossier.status == Status.RETURNED:
        raise FilesError(
            "wrong_state",
            _("Kết quả của hồ sơ %(code)s đã được trả cho công dân; không thay tệp kết quả điện tử đã trả.")
            % {"code": dossier},
        )
    return result


def _result_code(result: DossierResult, given: str | None) -> str:
    given = (given or "").strip()
    if result.result_code and given and given != result.result_code:
        raise FilesError(
            "invalid_input",
            _("Kết quả này đã có mã kết quả %(code)s; không đổi mã khi đính kèm tệp.")
            % {"code": result.result_code},
            field="ma_ket_qua",
        )
    code = result.result_code or given
    if not code:
        raise FilesError("invalid_input", _("Kết quả điện tử phải có mã kết quả."), field="ma_ket_qua")
    if not RESULT_CODE_RE.fullmatch(code):
        raise FilesError(
            "invalid_input",
            _("Mã kết quả chỉ gồm chữ, số và các dấu . - _ /, tối đa 32 ký tự."),
            field="ma_ket_qua",
        )
    return code


def attach_result_file(
    dossier: Dossier,
    upload,
    actor,
    *,
    result_code: str | None = None,
    client_name: str | None = None,
    access: Access | None = None,
    at: dt.datetime | None = None,
) -> DossierResult:
    """Attach the signed electronic result (a PDF) to ``dossier``'s result, with its mã kết quả (``result_code``,
    required when the result has none yet). Until the result is returned to the applicant, a new file replaces
    the previous one (which stays stored). Raises :class:`FilesError`; nothing is stored then."""
    at = at or timezone.now()
    access = access or Access.of(actor, at)
    result = DossierResult.objects.filter(dossier_id=dossier.pk).first()
    check_may_attach(dossier, result, actor, access)
    code = _result_code(result, result_code)
    with stored_upload(
        upload,
        actor,
        owner_id=dossier.applicant_id,
        client_name=client_name,
        kinds=RESULT_KINDS,
        field="tep",
        at=at,
    ) as record:
        status = (
            Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("status", flat=True).first()
        )
        dossier.status = status
        check_may_attach(dossier, result, actor, access)  # the dossier may have moved on meanwhile
        DossierResult.objects.filter(pk=result.pk).update(file=record, result_code=code)
    result.file, result.result_code = record, code
    return result


# --- the applicant's link -------------------------------------------------------------------------------------


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=LINK_SALT)


def result_token(result: DossierResult) -> str | None:
    if result.file_id is None:
        return None
    return _signer().sign(f"{result.pk}.{uuid.UUID(str(result.file_id)).hex}")


def result_link(result: DossierResult) -> str | None:
    """The path of the applicant's download link for ``result``'s electronic file (None without a file). The
    portal makes it absolute (``request.build_absolute_uri``)."""
    token = result_token(result)
    return reverse("files:result-download", kwargs={"token": token}) if token else None


def link_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.MOTCUA_RESULT_LINK_DAYS)


def open_result_link(token: str) -> DossierResult:
    """The result a link was made for, with its file (one query). Raises :class:`FilesError`: ``expired`` for a
    link past its validity, ``not_found`` for anything else (tampered, another file since, dossier not finished)."""
    invalid = FilesError("not_found", _("Liên kết tải kết quả không hợp lệ."))
    try:
        value = _signer().unsign(token, max_age=link_max_age())
    except signing.SignatureExpired:
        raise FilesError(
            "expired",
            _(
                "Liên kết tải kết quả đã hết hạn (sau %(days)s ngày). Hãy mở lại hồ sơ trên Cổng dịch vụ công hoặc "
                "liên hệ bộ phận một cửa để nhận liên kết mới."
            )
            % {"days": settings.MOTCUA_RESULT_LINK_DAYS},
        ) from None
    except signing.BadSignature:
        raise invalid from None
    pk, _sep, file_hex = value.partition(".")
    try:
        pk, file_id = int(pk), uuid.UUID(hex=file_hex)
    except ValueError:
        raise invalid from None
    result = (
        DossierResult.objects.select_related("file", "dossier")
        .filter(pk=pk, file_id=file_id, dossier__status__in=(Status.FINISHED, Status.RETURNED))
        .first()
    )
    if result is None:
        raise invalid
    return result
