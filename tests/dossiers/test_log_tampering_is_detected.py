"""The process log is tamper-evident (SPEC §1.6, Mẫu 05): editing an entry, reordering entries, deleting one in the
middle or the last one — even directly in the database — is reported by ``verify_dossier`` and by
``motcua verify_dossier_log`` (exit status 1; 0 when intact; 2 for an unknown code)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from motcua.dossiers.models import LogTamperError, ProcessLogEntry
from motcua.dossiers.services.log import verify_dossier
from tests.builders.dossiers import act, processing

pytestmark = pytest.mark.django_db


def journey(officers):
    """Five entries: receive, transfer, assign, forward, request_supplement."""
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 14:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-10 09:00")
    return act(
        dossier, "request_supplement", officers["specialist"], "2026-03-10 10:00", reason="Thiếu giấy tờ"
    )


def entries(dossier):
    return ProcessLogEntry.objects.filter(dossier=dossier)


def run(*args):
    out = StringIO()
    try:
        call_command("verify_dossier_log", *args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue(), str(exc)
    return 0, out.getvalue(), ""


def delete_entry(entry):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {ProcessLogEntry._meta.db_table} WHERE id = %s", [entry.pk])


def test_an_intact_log_has_no_problem(procedure, officers):
    dossier = journey(officers)
    assert verify_dossier(dossier) == []
    assert run() == (0, "Đã kiểm tra 1 hồ sơ: nhật ký xử lý toàn vẹn.\n", "")
    assert run(dossier.code)[0] == 0


def test_an_edited_note_is_detected(procedure, officers):
    dossier = journey(officers)
    entries(dossier).filter(seq=3).update(note="Phân công lại cho người khác")
    assert verify_dossier(dossier) == ["mục 3: nội dung đã bị sửa sau khi ghi"]
    code, out, summary = run()
    assert code == 1
    assert out == f"Hồ sơ {dossier.code}: mục 3: nội dung đã bị sửa sau khi ghi\n"
    assert summary == "Đã kiểm tra 1 hồ sơ: 1 hồ sơ có nhật ký không toàn vẹn (1 vấn đề)."


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(procedure, officers):
    dossier = journey(officers)
    entry = entries(dossier).get(seq=2)
    entry.note = "Chuyển ngày khác"
    entries(dossier).filter(pk=entry.pk).update(note=entry.note, hash=entry.compute_hash())
    assert verify_dossier(dossier) == [
        "mục 3: không nối tiếp mục trước (mục trước bị sửa, xóa hoặc đảo thứ tự)"
    ]


def test_reordered_entries_are_detected(procedure, officers):
    dossier = journey(officers)
    log = entries(dossier)
    log.filter(seq=2).update(seq=100)
    log.filter(seq=3).update(seq=2)
    log.filter(seq=100).update(seq=3)
    problems = verify_dossier(dossier)
    assert "mục 2: nội dung đã bị sửa sau khi ghi" in problems
    assert "mục 2: không nối tiếp mục trước (mục trước bị sửa, xóa hoặc đảo thứ tự)" in problems
    assert "mục 3: nội dung đã bị sửa sau khi ghi" in problems


def test_a_deleted_middle_entry_is_detected(procedure, officers):
    dossier = journey(officers)
    delete_entry(entries(dossier).get(seq=3))
    problems = verify_dossier(dossier)
    assert problems[:2] == [
        "thiếu hoặc đảo thứ tự: mong đợi mục 3, gặp mục 4",
        "mục 4: không nối tiếp mục trước (mục trước bị sửa, xóa hoặc đảo thứ tự)",
    ]
    assert run(dossier.code)[0] == 1


def test_a_deleted_last_entry_is_detected_from_the_dossier_row(procedure, officers):
    dossier = journey(officers)
    delete_entry(entries(dossier).get(seq=5))
    # the remaining chain is intact: only the head kept on the dossier row shows the loss
    assert verify_dossier(dossier) == [
        "hồ sơ ghi phiên bản 5 nhưng mục nhật ký cuối là mục 4 (mục cuối bị xóa, hoặc nhật ký bị thêm mục ngoài quy trình)",
        "mã băm mục cuối (mục 4) khác mã băm đã ghi trên hồ sơ (nhật ký bị sửa hoặc xóa)",
    ]
    code, out, _ = run()
    assert code == 1 and out.count(f"Hồ sơ {dossier.code}: ") == 2


def test_a_log_emptied_entirely_is_detected(procedure, officers):
    dossier = journey(officers)
    for entry in entries(dossier):
        delete_entry(entry)
    assert verify_dossier(dossier) == ["hồ sơ ghi phiên bản 5 nhưng nhật ký xử lý không còn mục nào"]


def test_the_model_refuses_edits_and_deletions(procedure, officers):
    entry = entries(journey(officers)).get(seq=1)
    entry.note = "sửa"
    with pytest.raises(LogTamperError):
        entry.save()
    with pytest.raises(LogTamperError):
        entry.delete()


def test_the_command_checks_every_dossier_chunk_by_chunk_or_one(procedure, officers):
    dossiers = [journey(officers) for _ in range(5)]
    entries(dossiers[4]).filter(seq=1).update(note="x")
    entries(dossiers[1]).filter(seq=2).update(note="y")
    code, out, summary = run("--chunk-size", "2")
    assert code == 1
    assert out.splitlines() == [
        f"Hồ sơ {dossiers[1].code}: mục 2: nội dung đã bị sửa sau khi ghi",
        f"Hồ sơ {dossiers[4].code}: mục 1: nội dung đã bị sửa sau khi ghi",
    ]
    assert summary == "Đã kiểm tra 5 hồ sơ: 2 hồ sơ có nhật ký không toàn vẹn (2 vấn đề)."
    assert run(dossiers[0].code)[:2] == (0, "Đã kiểm tra 1 hồ sơ: nhật ký xử lý toàn vẹn.\n")
    assert run(dossiers[4].code)[0] == 1


def test_an_unknown_code_exits_with_2(procedure, officers):
    journey(officers)
    code, _, message = run("000.00.03.H56-260309-9999")
    assert (code, message) == (2, "Không có hồ sơ mã “000.00.03.H56-260309-9999”.")
