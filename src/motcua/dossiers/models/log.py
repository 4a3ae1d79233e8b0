"""The process log (quá trình xử lý = Phiếu kiểm soát, Mẫu 05): append-only and tamper-evident.

Each entry carries ``hash = HMAC-SHA256(key, prev_hash + canonical JSON of its content)``, chained per dossier from
a fixed genesis value; ``key_id`` names the key (``motcua.core.logkeys``: a file outside the database, rotated by
adding keys). Editing, reordering or deleting an entry — even directly in the database, even recomputing the chain —
breaks the chain, which ``verify_chain`` (and ``motcua verify_dossier_log``) reports: without the key nobody can
compute a valid MAC.

Entries written before the key existed have an empty ``key_id`` and a plain ``sha256`` hash (scheme 1, kept as it
was: history is never rewritten). They are accepted only before the first keyed entry of their dossier, and only
under a row seal (``Dossier.seal``, :func:`row_seal`) made with the key: ``motcua seal_process_log`` seals such
dossiers once, after checking their chains, so from then on a change to a legacy entry changes the head and breaks
the keyed seal.

The dossier row's legal fields (:data:`SEALED_FIELDS`) and the chain's head (``version``, ``log_head``) are bound by
``Dossier.seal``, a MAC computed by the transition service in the same transaction as the entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core import logkeys

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
    # The id of the HMAC key (motcua.core.logkeys); empty: an entry written before keys (plain sha256, scheme 1).
    key_id = models.CharField(_("mã khóa"), max_length=8, blank=True, default="", db_default="")

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
        """The entry's MAC under its key (``key_id``), or the plain sha256 of a legacy entry (empty ``key_id``)."""
        canonical = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        message = (self.prev_hash + canonical).encode()
        if not self.key_id:
            return hashlib.sha256(message).hexdigest()
        return logkeys.keyring().mac(self.key_id, message)


def verify_chain(entries) -> list[str]:
    """Problems found in one dossier's entries (ordered by seq): empty if the chain is intact."""
    problems, prev, expected_seq, keyed = [], GENESIS, 1, False
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(f"thiếu hoặc đảo thứ tự: mong đợi mục {expected_seq}, gặp mục {entry.seq}")
            expected_seq = entry.seq
        if entry.key_id:
            keyed = True
        elif keyed:
            problems.append(
                f"mục {entry.seq}: không có khóa sau một mục đã có khóa (mục bị ghi giả theo cách cũ)"
            )
        problems.extend(logkeys.link_problems(entry, prev))
        prev, expected_seq = entry.hash, expected_seq + 1
    return problems


# --- the dossier row's seal -------------------------------------------------------------------------------------

# The fields of the dossier row that carry legal weight, bound to the head of its log by ``Dossier.seal``: who the
# dossier is (codes, procedure and case, applicant, representative, submitting account, channel, sets, regime, form
# set, summary), who is responsible (receiving counter, competent body, current unit and handler), where it stands
# (status, supplement state, the head of the log: ``version`` and ``log_head``) and its time (limit, pause mode,
# submission, reception deadline, reception, original and current appointment, finish, return, close, timeliness,
# online payment, withdrawal request). Not sealed: ``deadline_at`` (derived from three sealed fields by ``save``),
# ``current_step`` (a pointer to a step row, itself logged), ``process`` (the internal process it was received
# under, named in the transfer's entry), ``has_pauses`` / ``has_apologies`` (display
# shortcuts, set by a data migration for older rows; the pauses and apologies are in the log), ``created_at`` /
# ``updated_at`` (technical) and the seal itself.
SEALED_FIELDS = (
    "id", "code", "reference", "external_code", "procedure_version_id", "case_id", "receiving_agency_id",
    "handling_agency_id", "current_agency_id", "current_handler_id", "channel", "result_delivery", "applicant_id",
    "representative_id", "account_id", "summary", "sets", "legal_regime", "form_set", "status", "version",
    "log_head", "supplement_state", "limit_amount", "limit_unit", "pause_mode", "submitted_at",
    "reception_due_at", "received_at", "original_due_at", "due_at", "finished_at", "returned_at", "closed_at",
    "timeliness", "paid_online_at", "paid_online_amount", "withdrawal_requested_at",
)  # fmt: skip
# what a row written without a field holds (the generator leaves these to the database's default)
_ROW_DEFAULTS = {"paid_online_amount": 0, "external_code": "", "supplement_state": ""}
_CENT = Decimal("0.01")


_INTEGERS = {"id", "status", "version", "sets", "paid_online_amount"}


def _canonical(field: str, value):
    """One sealed value, the same whether read from an instance about to be saved or from the database."""
    if value is None:
        return None
    if field == "limit_amount":
        return str(Decimal(str(value)).quantize(_CENT))
    if field in _INTEGERS or field.endswith("_id"):
        return int(value)
    if field.endswith("_at"):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return str(value)


def row_message(values) -> bytes:
    """The canonical bytes of a dossier row's sealed fields; ``values`` maps field attnames to values (a dict, or
    anything with ``get``)."""
    fields = [_canonical(f, values.get(f, _ROW_DEFAULTS.get(f))) for f in SEALED_FIELDS]
    return b"dossier-row/1|" + json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()


def row_seal(values) -> str:
    """``"{key id}:{HMAC}"`` of the row's sealed fields under the current key (stored in ``Dossier.seal``)."""
    key_id, mac = logkeys.mac(row_message(values))
    return f"{key_id}:{mac}"


NO_SEAL = "bản ghi hồ sơ chưa được niêm phong bằng khóa (không có mã xác thực)"


def row_seal_problem(values, seal: str) -> str | None:
    """What is wrong with a dossier row's seal, in Vietnamese; None if it matches its fields."""
    if not seal:
        return NO_SEAL
    key_id, _, mac = seal.partition(":")
    try:
        _, expected = logkeys.mac(row_message(values), key_id)
    except logkeys.UnknownKey:
        return f"mã xác thực bản ghi hồ sơ dùng khóa “{key_id}” không có trong tệp khóa"
    if not hmac.compare_digest(expected, mac):
        return (
            "các trường pháp lý của bản ghi hồ sơ (trạng thái, thời hạn, chủ hồ sơ, cơ quan…) hoặc phiên bản, "
            "mã băm mục cuối đã bị sửa ngoài quy trình (mã xác thực không khớp)"
        )
    return None


class RowValues(dict):
    """The sealed fields of a model instance, as :func:`row_message` reads them."""

    @classmethod
    def of(cls, dossier) -> RowValues:
        return cls((f, getattr(dossier, f)) for f in SEALED_FIELDS)


class LogAnchor(models.Model):
    """The record, in the database, of a daily digest of the chain heads (``motcua anchor_log_heads``). The digest
    itself is a file outside the database; this row and the file check each other (see services/anchors.py)."""

    day = models.DateField(_("ngày"), unique=True)
    created_at = models.DateTimeField(_("thời điểm lập"))
    key_id = models.CharField(_("mã khóa"), max_length=8)
    dossiers = models.PositiveIntegerField(_("số hồ sơ"))
    entries = models.PositiveBigIntegerField(_("số mục nhật ký"))
    root = models.CharField(_("mã băm gốc"), max_length=64)
    prev_mac = models.CharField(_("mã xác thực bản trước"), max_length=64, blank=True)
    mac = models.CharField(_("mã xác thực"), max_length=64)

    class Meta:
        verbose_name = _("mốc niêm phong nhật ký")
        verbose_name_plural = pgettext_lazy("plural", "mốc niêm phong nhật ký")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day} {self.root[:16]}"
