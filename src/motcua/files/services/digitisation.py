"""Digitisation of a dossier's components (SPEC §1.7, TT 01/2023) and the applicant's data store.

A component is *được số hóa* when its scan is attached (:func:`digitise_component`), or reused from the applicant's
data store: an earlier dossier's digitised component (:func:`reuse_component`) or electronic result
(:func:`reuse_result`). A reused component points to the same stored file, and to its source. Only the
digitisation officer or the counter officer of the unit that received the dossier may do this, only while the
dossier is open, and only from the data store of the same applicant (same kind and identification number, and
both identities verified — ``dossiers.services.registry``: a declared number proves nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.choices import OPEN, Digitisation, Status
from motcua.dossiers.models import Applicant, Dossier, DossierComponent, DossierResult
from motcua.dossiers.services import registry
from motcua.files.permissions import DIGITISE
from motcua.files.services.errors import FilesError
from motcua.files.services.storage import stored_upload
from motcua.org.permissions import Access

RESULT_STATES = (Status.FINISHED, Status.RETURNED)
DATA_STORE_LIMIT = 100


def _label(status: int) -> str:
    try:
        return str(Status(status).label)
    except ValueError:
        return str(status)


def may_digitise(access: Access, dossier: Dossier) -> bool:
    """Does the officer hold ``files.digitise`` at the unit that received ``dossier`` (no query)?"""
    return access.can(DIGITISE.code, dossier.receiving_agency_id)


def check_may_digitise(
    dossier: Dossier, actor, access: Access | None = None, at: dt.datetime | None = None
) -> None:
    """Refuse (:class:`FilesError`) unless ``actor`` may digitise ``dossier``'s components now."""
    access = access or Access.of(actor, at or timezone.now())
    if not may_digitise(access, dossier):
        raise FilesError(
            "forbidden",
            _(
                "Chỉ cán bộ số hóa hoặc công chức tiếp nhận của %(agency)s (đơn vị tiếp nhận hồ sơ) mới được số hóa "
                "thành phần của hồ sơ này."
            )
            % {"agency": dossier.receiving_agency.name},
        )
    _check_open(dossier.status, dossier)


def _check_open(status: int, dossier: Dossier) -> None:
    if status not in OPEN:
        raise FilesError(
            "wrong_state",
            _(
                "Hồ sơ %(code)s đang ở trạng thái “%(state)s”: chỉ số hóa thành phần của hồ sơ đang được tiếp nhận "
                "hoặc giải quyết."
            )
            % {"code": dossier, "state": _label(status)},
        )


def _lock_open(dossier: Dossier) -> None:
    """Inside the transaction: the dossier row locked and still open (it may have moved since the checks)."""
    status = (
        Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("status", flat=True).first()
    )
    if status is None:
        raise FilesError("not_found", _("Hồ sơ %(code)s không còn tồn tại.") % {"code": dossier})
    _check_open(status, dossier)


def write_component(
    component: DossierComponent,
    actor,
    at: dt.datetime,
    digitisation: int,
    file,
    reused_component: DossierComponent | None = None,
    reused_result: DossierResult | None = None,
    **extra,
) -> DossierComponent:
    """Record how ``component`` was digitised (state, file, the component or result reused, when and by whom; and
    ``extra`` fields) in one UPDATE, and on the instance."""
    values = {
        "digitisation": digitisation,
        "file": file,
        "reused_component": reused_component,
        "reused_result": reused_result,
        "digitised_at": at,
        "digitised_by": actor,
        **extra,
    }
    DossierComponent.objects.filter(pk=component.pk).update(**values)
    for name, value in values.items():
        setattr(component, name, value)
    return component


def digitise_component(
    component: DossierComponent,
    upload,
    actor,
    *,
    client_name: str | None = None,
    access: Access | None = None,
    at: dt.datetime | None = None,
) -> DossierComponent:
    """Attach the scan ``upload`` to ``component`` (state *được số hóa*), in the applicant's data store. A scan
    attached before is replaced (its file stays stored: an earlier dossier may reuse it)."""
    at = at or timezone.now()
    dossier = component.dossier
    check_may_digitise(dossier, actor, access, at)
    with stored_upload(
        upload, actor, owner_id=dossier.applicant_id, client_name=client_name, field="tep", at=at
    ) as record:
        _lock_open(dossier)
        return write_component(component, actor, at, Digitisation.DIGITISED, record)


def _same_applicant(dossier: Dossier, source: Dossier) -> None:
    mine, theirs = dossier.applicant, source.applicant
    if (mine.kind, mine.id_number) == (theirs.kind, theirs.id_number) and not registry.same_person(
        mine, theirs
    ):
        raise FilesError(
            "forbidden",
            _(
                "Chỉ được tái sử dụng giấy tờ khi danh tính chủ hồ sơ của cả hai hồ sơ đã được xác thực (qua VNeID "
                "hoặc công chức đối chiếu giấy tờ tại Bộ phận Một cửa)."
            ),
            field="nguon",
        )
    if not registry.same_person(mine, theirs):  # same number, both identities verified
        raise FilesError(
            "forbidden",
            _(
                "Chỉ được tái sử dụng giấy tờ trong kho dữ liệu của chính chủ hồ sơ (%(name)s); giấy tờ đã chọn "
                "thuộc hồ sơ của người khác."
            )
            % {"name": mine.name},
            field="nguon",
        )
    if source.pk == dossier.pk:
        raise FilesError(
            "invalid_input",
            _("Chỉ được tái sử dụng giấy tờ của một hồ sơ khác của chủ hồ sơ."),
            field="nguon",
        )


def reuse_component(
    component: DossierComponent,
    source: DossierComponent,
    actor,
    *,
    access: Access | None = None,
    at: dt.datetime | None = None,
) -> DossierComponent:
    """Mark ``component`` *tái sử dụng từ thành phần hồ sơ*: the digitised ``source`` of another dossier of the same
    applicant."""
    at = at or timezone.now()
    dossier = component.dossier
    check_may_digitise(dossier, actor, access, at)
    _same_applicant(dossier, source.dossier)
    if source.file_id is None:
        raise FilesError(
            "invalid_input",
            _("Thành phần “%(name)s” của hồ sơ %(code)s chưa được số hóa nên không thể tái sử dụng.")
            % {"name": source.name[:80], "code": source.dossier},
            field="nguon",
        )
    with transaction.atomic():
        _lock_open(dossier)
        return write_component(
            component, actor, at, Digitisation.REUSED_COMPONENT, source.file, reused_component=source
        )


def reuse_result(
    component: DossierComponent,
    source: DossierResult,
    actor,
    *,
    access: Access | None = None,
    at: dt.datetime | None = None,
) -> DossierComponent:
    """Mark ``component`` *tái sử dụng từ kết quả*: the electronic result ``source`` of another dossier of the same
    applicant (still a valid result: its dossier finished)."""
    at = at or timezone.now()
    dossier = component.dossier
    check_may_digitise(dossier, actor, access, at)
    _same_applicant(dossier, source.dossier)
    if source.file_id is None or source.dossier.status not in RESULT_STATES:
        raise FilesError(
            "invalid_input",
            _("Kết quả %(number)s của hồ sơ %(code)s chưa có bản điện tử nên không thể tái sử dụng.")
            % {"number": source.number, "code": source.dossier},
            field="nguon",
        )
    with transaction.atomic():
        _lock_open(dossier)
        return write_component(
            component, actor, at, Digitisation.REUSED_RESULT, source.file, reused_result=source
        )


@dataclass
class DataStore:
    """What an applicant brought before: digitised components and electronic results of their other dossiers."""

    components: list[DossierComponent]
    results: list[DossierResult]

    def __bool__(self) -> bool:
        return bool(self.components or self.results)

    def __iter__(self):
        return iter((self.components, self.results))


def same_applicant_q(applicant: Applicant, prefix: str = "dossier__") -> Q:
    """The rows of the same person's dossiers: the registry rule (same number, both identities verified)."""
    return registry.same_person_q(applicant, f"{prefix}applicant__")


def data_store(
    applicant: Applicant, *, exclude_dossier: Dossier | None = None, limit: int = DATA_STORE_LIMIT
) -> DataStore:
    """The applicant's data store as the counter sees it: every dossier of the same person (registry rule);
    ``exclude_dossier`` left out (the dossier being digitised)."""
    return data_store_of(same_applicant_q(applicant), exclude_dossier=exclude_dossier, limit=limit)


def data_store_of(
    rows: Q, *, exclude_dossier: Dossier | None = None, limit: int = DATA_STORE_LIMIT
) -> DataStore:
    """The one reading of a data store (two queries): the digitised components (scans and uploads, not reuses)
    and the electronic results of finished dossiers among the rows ``rows`` selects (a ``Q`` on
    ``DossierComponent``/``DossierResult``), newest first, each with its file, dossier and procedure version."""
    excluded = Q(dossier_id=exclude_dossier.pk) if exclude_dossier is not None else Q(pk__in=[])
    components = (
        DossierComponent.objects.filter(rows, digitisation=Digitisation.DIGITISED, file__isnull=False)
        .exclude(excluded)
        .select_related("file", "dossier__procedure_version")
        .order_by("-digitised_at", "-id")[:limit]
    )
    results = (
        DossierResult.objects.filter(rows, file__isnull=False, dossier__status__in=RESULT_STATES)
        .exclude(excluded)
        .select_related("file", "dossier__procedure_version")
        .order_by("-signed_on", "-id")[:limit]
    )
    return DataStore(list(components), list(results))
