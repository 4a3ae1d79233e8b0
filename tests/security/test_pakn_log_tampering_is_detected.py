"""The PAKN log is kept like the dossiers' process log (issue 16, rule 4, in the feedback app): each entry keyed
with HMAC under the key outside the database, the feedback row's fields bound to the head. Tampering by raw SQL is
reported by ``motcua verify_feedback_log`` (exit status 1, a Vietnamese message naming the problem)."""

from __future__ import annotations

import hashlib
import hmac
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.services.transitions import apply
from tests.builders.dossiers import at
from tests.builders.feedback import answer_and_publish

pytestmark = pytest.mark.django_db

LOG = FeedbackLogEntry._meta.db_table
ROW = Feedback._meta.db_table


def sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def verify(*args) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_feedback_log", *args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


@pytest.fixture
def published(send, staff):
    """receive, process, draft_answer, approve, publish: five entries."""
    feedback = answer_and_publish(send(), staff, at("2026-03-10 09:00"))
    assert verify() == (0, "Đã kiểm tra 1 phản ánh: nhật ký xử lý toàn vẹn.\n")
    return feedback


def entries(feedback):
    return list(FeedbackLogEntry.objects.filter(feedback=feedback).order_by("seq"))


def rechain(feedback, secret: bytes):
    prev = "0" * 64
    for entry in entries(feedback):
        canonical = json.dumps(entry.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = hmac.new(secret, (prev + canonical).encode(), hashlib.sha256).hexdigest()
        sql(f"UPDATE {LOG} SET prev_hash = %s, hash = %s WHERE id = %s", [prev, digest, entry.pk])
        prev = digest
    sql(f"UPDATE {ROW} SET log_head = %s WHERE id = %s", [prev, feedback.pk])


def delete_last_fix_head(f):
    last = entries(f)[-1]
    sql(f"DELETE FROM {LOG} WHERE id = %s", [last.pk])
    before = entries(f)[-1]
    sql(f"UPDATE {ROW} SET version = %s, log_head = %s WHERE id = %s", [before.seq, before.hash, f.pk])


CASES = {
    "edit_note": (
        lambda f: sql(f"UPDATE {LOG} SET note = 'sửa' WHERE feedback_id = %s AND seq = 2", [f.pk]),
        "mục 2: nội dung đã bị sửa sau khi ghi",
    ),
    "delete_middle": (
        lambda f: sql(f"DELETE FROM {LOG} WHERE feedback_id = %s AND seq = 3", [f.pk]),
        "thiếu hoặc đảo thứ tự: mong đợi mục 3, gặp mục 4",
    ),
    "delete_last_fix_head": (delete_last_fix_head, "mã xác thực không khớp"),
    "delete_all": (
        lambda f: sql(f"DELETE FROM {LOG} WHERE feedback_id = %s", [f.pk]),
        "nhật ký không còn mục nào",
    ),
    "rechain_guessed_key": (lambda f: rechain(f, b"guess" * 8), "mục 1: nội dung đã bị sửa sau khi ghi"),
    "change_status": (
        lambda f: sql(f"UPDATE {ROW} SET status = 'refused' WHERE id = %s", [f.pk]),
        "mã xác thực không khớp",
    ),
    "change_sender_phone": (
        lambda f: sql(f"UPDATE {ROW} SET sender_phone = '0999999999' WHERE id = %s", [f.pk]),
        "mã xác thực không khớp",
    ),
    "change_answer": (
        lambda f: sql(f"UPDATE {ROW} SET answer = 'Không có vi phạm.' WHERE id = %s", [f.pk]),
        "mã xác thực không khớp",
    ),
    "change_deadline": (
        lambda f: sql(f"UPDATE {ROW} SET answer_due_at = %s WHERE id = %s", [at("2026-05-01 17:00"), f.pk]),
        "mã xác thực không khớp",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_pakn_tampering_is_detected(published, case):
    tamper, message = CASES[case]
    tamper(published)
    code, output = verify()
    assert code == 1 and message in output, output
    assert verify(published.code)[0] == 1


def test_entries_written_before_the_key_are_sealed_once_then_protected(send, staff):
    feedback = send()
    # as the code before the keyed log wrote it: no MAC on the entry, no head, no seal
    sql(f"UPDATE {LOG} SET prev_hash = '', hash = '', key_id = '' WHERE feedback_id = %s", [feedback.pk])
    sql(f"UPDATE {ROW} SET log_head = '', seal = '' WHERE id = %s", [feedback.pk])
    code, output = verify()
    assert code == 1 and "mục 1: chưa được niêm phong bằng khóa" in output
    out = StringIO()
    call_command("seal_feedback_log", stdout=out)
    assert out.getvalue() == "Đã niêm phong 1 phản ánh; 0 phản ánh không niêm phong được.\n"
    assert verify()[0] == 0
    apply(
        feedback.pk,
        "process",
        staff["officer"],
        inputs={"classification": "hanh_vi"},
        at=at("2026-03-10 09:00"),
    )
    assert verify()[0] == 0
    sql(f"UPDATE {LOG} SET note = 'sửa' WHERE feedback_id = %s AND seq = 1", [feedback.pk])
    assert verify()[0] == 1


def test_a_legacy_log_touched_by_a_transition_is_sealed_then(send, staff):
    feedback = send()
    sql(f"UPDATE {LOG} SET prev_hash = '', hash = '', key_id = '' WHERE feedback_id = %s", [feedback.pk])
    sql(f"UPDATE {ROW} SET log_head = '', seal = '' WHERE id = %s", [feedback.pk])
    apply(
        feedback.pk,
        "process",
        staff["officer"],
        inputs={"classification": "hanh_vi"},
        at=at("2026-03-10 09:00"),
    )
    assert verify() == (0, "Đã kiểm tra 1 phản ánh: nhật ký xử lý toàn vẹn.\n")
