"""The feedback's history (status, actor, start, deadline, on-time flag): append-only and tamper-evident, as the
dossiers' process log: each entry carries ``hash = HMAC-SHA256(key, prev_hash + canonical JSON)`` under a key kept
outside the database (``motcua.core.logkeys``, ``key_id``), and the feedback row keeps the head (``version``,
``log_head``) and a MAC over its legal fields (``Feedback.seal``, :data:`SEALED_FIELDS`). Entries written before
the key have no MAC (empty ``hash``) until ``motcua seal_feedback_log`` gives them one; ``motcua
verify_feedback_log`` checks it all."""

from __future__ import annotations

import datetime as dt
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.core import logkeys

GENESIS = "0" * 64
# What a feedback row's seal covers: who sent what, where it is handled, where it stands and its time, the answer and
# its publication. Not sealed: ``search_text`` and ``deadline_at`` (derived), ``account`` and ``repeat_of`` (set
# to NULL by the database when the account or the earlier feedback goes), and the seal itself.
SEALED_FIELDS = (
    "id", "code", "kind", "channel", "status", "classification", "sender_kind", "sender_name", "sender_address",
    "sender_phone", "sender_email", "title", "content", "supplement", "procedure_id", "field_id",
    "about_agency_id", "about_officer", "dossier_code", "national_id", "receiving_agency_id",
    "handling_agency_id", "received_at", "clock_start", "answer_due_at", "publish_due_at", "handled_at",
    "handled_on_time", "published_at", "published_on_time", "closed_at", "answer", "public_title",
    "public_question", "is_public", "reaction", "reacted_at", "redirect_note", "version", "log_head",
)  # fmt: skip
ROW_TAG = "feedback-row/1"


class FeedbackLogEntry(models.Model):
    feedback = models.ForeignKey("feedback.Feedback", on_delete=models.CASCADE, related_name="log")
    seq = models.PositiveIntegerField()
    action = models.CharField(_("thao tác"), max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=32, blank=True)
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời điểm"))
    due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    on_time = models.BooleanField(_("đúng hạn"), null=True)
    note = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True, default="", db_default="")
    hash = models.CharField(max_length=64, blank=True, default="", db_default="")
    key_id = models.CharField(_("mã khóa"), max_length=8, blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("nhật ký xử lý phản ánh")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký xử lý phản ánh")
        ordering = ["feedback", "seq"]
        constraints = [models.UniqueConstraint(fields=["feedback", "seq"], name="feedback_log_seq_unique")]

    def __str__(self) -> str:
        return f"{self.feedback_id} #{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the feedback log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("the feedback log is append-only")

    def content(self) -> dict:
        def when(value):
            return value.astimezone(dt.UTC).isoformat(timespec="microseconds") if value else None

        return {
            "feedback": self.feedback_id,
            "seq": self.seq,
            "action": self.action,
            "from": self.from_status,
            "to": str(self.to_status),
            "actor": self.actor_id,
            "role": self.role,
            "agency": self.agency_id,
            "at": when(self.at),
            "due_at": when(self.due_at),
            "on_time": self.on_time,
            "note": self.note,
            "data": self.data,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return logkeys.keyring().mac(self.key_id, (self.prev_hash + canonical).encode())

    def chain_to(self, prev: str) -> None:
        """Link the (unsaved) entry after ``prev`` and sign it with the current key."""
        self.prev_hash, self.key_id = prev or GENESIS, logkeys.keyring().current_id
        self.hash = self.compute_hash()


def verify_feedback_chain(entries) -> list[str]:
    """Problems of one feedback's entries (ordered by seq), in Vietnamese: empty if intact."""
    problems, prev, expected = [], GENESIS, 1
    for entry in entries:
        if entry.seq != expected:
            problems.append(f"thiếu hoặc đảo thứ tự: mong đợi mục {expected}, gặp mục {entry.seq}")
            expected = entry.seq
        if not entry.hash:
            problems.append(
                f"mục {entry.seq}: chưa được niêm phong bằng khóa (chạy “motcua seal_feedback_log”)"
            )
        else:
            problems.extend(logkeys.link_problems(entry, prev))
        prev, expected = entry.hash, expected + 1
    return problems


def row_values(feedback) -> dict:
    return {f: getattr(feedback, f) for f in SEALED_FIELDS}


def seal_row(feedback) -> None:
    """Set ``feedback.seal`` from its sealed fields (call after ``version`` and ``log_head`` are set)."""
    feedback.seal = logkeys.seal_row(ROW_TAG, SEALED_FIELDS, row_values(feedback))


def verify_feedback(feedback, entries) -> list[str]:
    """Problems of a feedback (its row's fields as loaded, with ``seal``) and its entries ordered by seq."""
    problems = verify_feedback_chain(entries)
    if not feedback.seal:
        problems.append("bản ghi phản ánh chưa được niêm phong bằng khóa (không có mã xác thực)")
    else:
        matches = logkeys.seal_matches(ROW_TAG, SEALED_FIELDS, row_values(feedback), feedback.seal)
        if matches is None:
            problems.append("mã xác thực bản ghi phản ánh dùng khóa không có trong tệp khóa")
        elif not matches:
            problems.append(
                "các trường của bản ghi phản ánh (trạng thái, người gửi, nội dung, đơn vị, thời hạn, trả lời…) "
                "hoặc phiên bản, mã băm mục cuối đã bị sửa ngoài quy trình (mã xác thực không khớp)"
            )
    last = entries[-1] if entries else None
    if last is None:
        if feedback.version:
            problems.append(f"phản ánh ghi phiên bản {feedback.version} nhưng nhật ký không còn mục nào")
        return problems
    if feedback.version != last.seq:
        problems.append(
            f"phản ánh ghi phiên bản {feedback.version} nhưng mục nhật ký cuối là mục {last.seq} "
            "(mục cuối bị xóa, hoặc nhật ký bị thêm mục ngoài quy trình)"
        )
    if feedback.log_head != last.hash:
        problems.append(
            f"mã băm mục cuối (mục {last.seq}) khác mã băm đã ghi trên phản ánh (nhật ký bị sửa hoặc xóa)"
        )
    return problems


def seal_legacy_entries(feedback_id: int) -> str:
    """Give the entries written before the key (empty ``hash``) their MACs, in order, chained; their content is not
    touched. Returns the head. Refuses (``ValueError``) a log whose keyed part is already broken."""
    prev = GENESIS
    for entry in FeedbackLogEntry.objects.filter(feedback_id=feedback_id).order_by("seq"):
        if entry.hash:
            if entry.prev_hash != prev or not hmac.compare_digest(entry.compute_hash(), entry.hash):
                raise ValueError(f"mục {entry.seq}: chuỗi đã hỏng, không niêm phong")
        else:
            entry.chain_to(prev)
            FeedbackLogEntry.objects.filter(pk=entry.pk, hash="").update(
                prev_hash=entry.prev_hash, hash=entry.hash, key_id=entry.key_id
            )
        prev = entry.hash
    return prev
