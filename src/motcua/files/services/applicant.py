"""Files on the applicant's side (the portal, SPEC §7.2–7.3): what a signed-in citizen uploads for the components
of a dossier they submit or complete online, reuse from their own data store, and download.

Everything is scoped by the portal's ownership rule (``motcua.accounts.ownership.dossiers_q``), passed in as a
``Q`` on ``Dossier`` so this module does not depend on the accounts app: a file is the citizen's when a dossier they
may see uses it (as a component's file or as the electronic result), or when they uploaded it themselves and it is
not attached anywhere yet (a draft of an online submission). Anything else answers ``None`` — the same as a file
that does not exist.

Component files uploaded online are *được số hóa* (``Digitisation.DIGITISED``): the electronic copy is the
component, attached by the applicant (``digitised_by``), in the applicant's data store (``StoredFile.owner``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.inputs import ascii_id
from motcua.dossiers.choices import OPEN, Digitisation
from motcua.dossiers.models import Dossier, DossierComponent, DossierResult, StoredFile
from motcua.files.services.digitisation import (
    DATA_STORE_LIMIT,
    RESULT_STATES,
    DataStore,
    data_store_of,
    write_component,
)
from motcua.files.services.errors import FilesError
from motcua.files.services.storage import stored_upload

APPLICANT_KINDS = ("pdf", "jpeg", "png", "docx", "xlsx")


def store_draft_upload(upload, actor, *, client_name: str | None = None, field: str = "tep") -> StoredFile:
    """Check and store one file a citizen uploads before the dossier exists (an online submission's draft):
    no owner yet; :func:`attach_to_component` files it in the applicant's data store. Raises :class:`FilesError`
    (nothing stored)."""
    with stored_upload(upload, actor, client_name=client_name, field=field) as record:
        pass
    return record


def draft_file(actor, file_id) -> StoredFile | None:
    """A file ``actor`` uploaded and that no dossier uses yet (one query), else None."""
    try:
        pk = uuid.UUID(str(file_id))
    except ValueError:
        return None
    return (
        StoredFile.objects.filter(pk=pk, uploaded_by=actor)
        .exclude(pk__in=DossierComponent.objects.filter(file_id=pk).values("file_id"))
        .first()
    )


def attach_to_component(
    component: DossierComponent,
    record: StoredFile,
    actor,
    *,
    reused_component: DossierComponent | None = None,
    reused_result: DossierResult | None = None,
    at: dt.datetime | None = None,
) -> DossierComponent:
    """Link a stored file to ``component`` of an online dossier: the applicant's upload (được số hóa, and the file
    joins the applicant's data store) or a reuse of an earlier component or result. The caller has checked that
    ``actor`` is the dossier's submitting account and that the file is theirs."""
    at = at or timezone.now()
    if reused_component is not None:
        state = Digitisation.REUSED_COMPONENT
    elif reused_result is not None:
        state = Digitisation.REUSED_RESULT
    else:
        state = Digitisation.DIGITISED
        if record.owner_id is None:
            StoredFile.objects.filter(pk=record.pk, owner__isnull=True).update(
                owner_id=component.dossier.applicant_id
            )
    return write_component(
        component, actor, at, state, record, reused_component, reused_result, provided=True
    )


def upload_for_component(
    component: DossierComponent,
    upload,
    actor,
    *,
    client_name: str | None = None,
    field: str = "tep",
    at: dt.datetime | None = None,
) -> DossierComponent:
    """The applicant uploads the file of ``component`` of their open dossier (a completion or a supplement): the
    upload is checked by content, stored, and linked (được số hóa); a file attached before is replaced (it stays
    stored). The dossier row is locked and must still be open. Raises :class:`FilesError`; nothing is stored then."""
    at = at or timezone.now()
    dossier = component.dossier
    if dossier.account_id is None or dossier.account_id != getattr(actor, "pk", None):
        raise FilesError("not_found", _("Không tìm thấy hồ sơ."), field=field)
    with stored_upload(
        upload, actor, owner_id=dossier.applicant_id, client_name=client_name, field=field, at=at
    ) as record:
        status = (
            Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("status", flat=True).first()
        )
        if status not in OPEN:
            raise FilesError(
                "wrong_state", _("Hồ sơ đã kết thúc; không gửi thêm giấy tờ được nữa."), field=field
            )
        return attach_to_component(component, record, actor, at=at)


def reuse_for_component(
    component: DossierComponent, source: str, owned: Q, actor, *, at: dt.datetime | None = None
) -> DossierComponent:
    """Reuse an item of the citizen's data store for ``component``: ``source`` is ``tp-<component id>`` or
    ``kq-<result id>`` of a dossier in ``owned`` (not this one). Raises :class:`FilesError` ``not_found`` for
    anything else."""
    found = data_store_item(source, owned, exclude_dossier_id=component.dossier_id)
    if found is None:
        raise FilesError(
            "not_found", _("Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn."), field="nguon"
        )
    with transaction.atomic():
        if isinstance(found, DossierComponent):
            return attach_to_component(component, found.file, actor, reused_component=found, at=at)
        return attach_to_component(component, found.file, actor, reused_result=found, at=at)


def data_store_item(
    source: str, owned: Q, *, exclude_dossier_id: int | None = None
) -> DossierComponent | DossierResult | None:
    """The data-store item named ``tp-<id>`` / ``kq-<id>`` if it belongs to a dossier in ``owned`` and has a file
    (one query)."""
    kind, _sep, raw = (source or "").partition("-")
    if ascii_id(raw) is None:
        return None
    dossiers = Dossier.objects.filter(owned).values("pk")
    if kind == "tp":
        query = DossierComponent.objects.filter(
            pk=int(raw), file__isnull=False, dossier_id__in=dossiers
        ).exclude(digitisation=Digitisation.NOT_DIGITISED)
    elif kind == "kq":
        query = DossierResult.objects.filter(
            pk=int(raw), file__isnull=False, dossier_id__in=dossiers, dossier__status__in=RESULT_STATES
        )
    else:
        return None
    if exclude_dossier_id is not None:
        query = query.exclude(dossier_id=exclude_dossier_id)
    return query.select_related("file", "dossier").first()


def applicant_data_store(owned: Q, *, limit: int = DATA_STORE_LIMIT) -> DataStore:
    """The citizen's data store: that of the dossiers in ``owned`` (what their account may see)."""
    return data_store_of(Q(dossier_id__in=Dossier.objects.filter(owned).values("pk")), limit=limit)


def file_for_applicant(file_id, owned: Q, actor) -> StoredFile | None:
    """The file if a dossier in ``owned`` uses it (a component's file or its electronic result) or ``actor``
    uploaded it and nothing uses it yet (one query), else None."""
    try:
        pk = uuid.UUID(str(file_id))
    except ValueError:
        return None
    dossiers = Dossier.objects.filter(owned).values("pk")
    used_by_mine = Q(pk__in=DossierComponent.objects.filter(dossier_id__in=dossiers).values("file_id")) | Q(
        pk__in=DossierResult.objects.filter(
            dossier_id__in=dossiers, dossier__status__in=RESULT_STATES
        ).values("file_id")
    )
    unused_own = Q(uploaded_by=actor) & ~Q(
        pk__in=DossierComponent.objects.filter(file_id=pk).values("file_id")
    )
    return StoredFile.objects.filter(Q(pk=pk) & (used_by_mine | unused_own)).first()


def discard_draft_file(record: StoredFile) -> None:
    """Remove a draft upload stored moments ago when another file of the same form was refused, so a refused form
    leaves nothing stored. Only a file no dossier uses."""
    from motcua.files.services.storage import discard

    if not DossierComponent.objects.filter(file_id=record.pk).exists():
        StoredFile.objects.filter(pk=record.pk).delete()
        discard(record.storage_name)
