"""Storing an upload: every check first, then the storage write, then the row — or nothing at all.

The storage is Django's default storage (a private folder, or an S3-compatible bucket: ``settings.STORAGES``).
Names are random (``<yyyy>/<mm>/<uuid>``). The row is written in a transaction after the object; if anything in
that transaction fails (the row, or the caller's own writes and re-checks inside :func:`stored_upload`), the object
is deleted again, so a refused or failed upload leaves neither a row nor a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import uuid
from collections.abc import Collection, Iterator

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.models import StoredFile
from motcua.files import checks
from motcua.files.services.errors import FilesError

log = logging.getLogger(__name__)


def max_bytes() -> int:
    return settings.MOTCUA_UPLOAD_MAX_MB * 1024 * 1024


def storage_name(pk: uuid.UUID, at: dt.datetime) -> str:
    local = timezone.localtime(at)
    return f"{local:%Y}/{local:%m}/{pk}"


@contextlib.contextmanager
def stored_upload(
    upload,
    actor,
    *,
    owner_id: int | None = None,
    client_name: str | None = None,
    kinds: Collection[str] | None = None,
    field: str = "tep",
    at: dt.datetime | None = None,
) -> Iterator[StoredFile]:
    """Check ``upload`` (the client's name is ``client_name`` when the transport kept it, else the file's), store
    it, and yield its row inside an open transaction: the caller's writes in the ``with`` block commit with it, and
    an exception there removes the stored object again. ``kinds`` restricts the kinds accepted (``checks.KINDS``).

    Raises :class:`FilesError` (``field``: the form field) when the upload is refused; nothing is stored then."""
    if upload is None:
        raise FilesError("invalid_input", _("Chưa chọn tệp để tải lên."), field=field)
    name = client_name if client_name is not None else getattr(upload, "name", None)
    try:
        checked = checks.inspect(upload, name, max_bytes=max_bytes())
    except checks.UploadRefused as exc:
        raise FilesError.from_upload(exc, field) from None
    if kinds is not None and checked.kind.code not in kinds:
        allowed = ", ".join(checks.KINDS[k].label for k in kinds)
        raise FilesError(
            "invalid_input",
            _("Tệp “%(name)s” là %(kind)s; ở đây chỉ nhận tệp %(allowed)s.")
            % {"name": checked.display_name, "kind": checked.kind.label, "allowed": allowed},
            field=field,
        )
    at = at or timezone.now()
    pk = uuid.uuid4()
    upload.seek(0)
    saved = default_storage.save(storage_name(pk, at), upload if isinstance(upload, File) else File(upload))
    try:
        with transaction.atomic():
            yield StoredFile.objects.create(
                id=pk,
                storage_name=saved,
                display_name=checked.display_name,
                kind=checked.kind.code,
                content_type=checked.kind.content_type,
                size=checked.size,
                sha256=checked.sha256,
                uploaded_by=actor,
                uploaded_at=at,
                owner_id=owner_id,
            )
    except BaseException:
        discard(saved)
        raise


def discard(name: str) -> None:
    """Remove a stored object whose row was not written (best effort: a failure is logged, never hidden)."""
    try:
        default_storage.delete(name)
    except Exception:  # the original error matters more; the orphan is reported for the operators
        log.exception("could not remove the stored object %s after a failed upload", name)


def store_upload(
    upload,
    actor,
    owner=None,
    *,
    client_name: str | None = None,
    kinds: Collection[str] | None = None,
    at: dt.datetime | None = None,
) -> StoredFile:
    """Check and store one upload for ``actor``, in the data store of ``owner`` (an ``Applicant``) if given.

    Raises :class:`FilesError` with a message naming the file when any check fails; nothing is stored then."""
    with stored_upload(
        upload,
        actor,
        owner_id=owner.pk if owner is not None else None,
        client_name=client_name,
        kinds=kinds,
        at=at,
    ) as record:
        pass
    return record


def open_stored(record: StoredFile):
    """The stored object, opened for reading (streamed by the download views)."""
    return default_storage.open(record.storage_name, "rb")
