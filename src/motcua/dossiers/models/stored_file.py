"""A stored file: a scanned component or an electronic result, kept privately under a random name.

The record belongs to the dossier domain (it is a component's or a result's file, or in an applicant's data store);
the storage, the upload checks and the downloads around it are ``motcua.files``, which sits above ``dossiers``. The
model moved here from ``files`` without touching the database: its table keeps the name ``files_storedfile``."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StoredFile(models.Model):
    """One file in storage. Written by ``motcua.files.services.store_upload`` only, after every check passed.

    ``storage_name`` is random (``<yyyy>/<mm>/<uuid>``), never derived from the client's name, so no name can reach
    outside the storage folder and no address can be guessed; ``display_name`` is the client's name, checked and
    tidied, shown and sent as the download's file name only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    storage_name = models.CharField(_("tên lưu trữ"), max_length=255, unique=True, editable=False)
    display_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(_("loại tệp"), max_length=8)
    content_type = models.CharField(_("kiểu nội dung"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"))
    owner = models.ForeignKey(
        "dossiers.Applicant",
        verbose_name=_("thuộc kho dữ liệu của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="files",
    )

    class Meta:
        verbose_name = _("tệp lưu trữ")
        verbose_name_plural = pgettext_lazy("plural", "tệp lưu trữ")
        ordering = ["-uploaded_at"]
        db_table = "files_storedfile"

    def __str__(self) -> str:
        return self.display_name
