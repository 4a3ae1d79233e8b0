"""The process log (quá trình xử lý = Phiếu kiểm soát, Mẫu 05): append-only and tamper-evident.

Each entry carries ``hash = sha256(prev_hash + canonical JSON of its content)``, chained per dossier from a fixed
genesis value. Editing, reordering or deleting an entry — even directly in the database — breaks the chain, which
``verify_chain`` (and ``motcua verify_dossier_log``) reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

GENESIS = "0" * 64


class LogTamperError(Exception):
    pass


class ProcessLogEntry(models.Model):
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="log")
    seq = models.PositiveIntegerField(_("số thứ tự"))
    at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("họ tên người thực hiện"), max_length=200, blank=True)
    role = models.CharField(_("vai trò"), max_length=32, blank=True)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=40)
    from_status = models.PositiveSmallIntegerField(_("từ trạng thái"), null=True, blank=True)
    to_status = models.PositiveSmallIntegerField(_("sang trạng thái"))
    note = models.TextField(_("nội dung"), blank=True)
    step_due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("nhật ký xử lý hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký xử lý hồ sơ")
        ordering = ["dossier_id", "seq"]
        constraints = [models.UniqueConstraint(fields=["dossier", "seq"], name="dossier_log_seq_unique")]

    def __str__(self) -> str:
        return f"{self.dossier_id}#{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise LogTamperError("Nhật ký xử lý hồ sơ chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LogTamperError("Nhật ký xử lý hồ sơ không được xóa.")

    def content(self) -> dict:
        at = self.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
        due = self.step_due_at.astimezone(dt.UTC).isoformat(timespec="seconds") if self.step_due_at else None
        return {
            "dossier": self.dossier_id,
            "seq": self.seq,
            "at": at,
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "role": self.role,
            "agency": self.agency_id,
            "action": self.action,
            "from": self.from_status,
            "to": self.to_status,
            "note": self.note,
            "step_due_at": due,
            "on_time": self.on_time,
            "data": self.data,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256((self.prev_hash + canonical).encode()).hexdigest()


def verify_chain(entries) -> list[str]:
    """Problems found in one dossier's entries (ordered by seq): empty if the chain is intact."""
    problems, prev, expected_seq = [], GENESIS, 1
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(f"thiếu hoặc đảo thứ tự: mong đợi mục {expected_seq}, gặp mục {entry.seq}")
            expected_seq = entry.seq
        if entry.prev_hash != prev:
            problems.append(
                f"mục {entry.seq}: không nối tiếp mục trước (mục trước bị sửa, xóa hoặc đảo thứ tự)"
            )
        if entry.compute_hash() != entry.hash:
            problems.append(f"mục {entry.seq}: nội dung đã bị sửa sau khi ghi")
        prev, expected_seq = entry.hash, expected_seq + 1
    return problems
