"""A process log that survives someone with database access (issue 16, rule 4).

Each case tampers, by raw SQL only (``connection.cursor``), with dossiers that have a real history, or with the
anchor files of their heads; ``motcua verify_dossier_log`` must then exit with status 1 and name the problem in
Vietnamese. The history: dossiers A and B received, transferred, assigned and forwarded (4 entries each); the heads
anchored on 10/03; A finished (entry 5); anchored again on 11/03; A's result returned (entry 6).

The same file runs against the code before the keyed log (no anchors, no row seal, no key): cases that need what did
not exist then do what they can, and the count of passing cases is the "before" figure of the issue.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import importlib.util
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from motcua.dossiers.models import Applicant, Dossier, ProcessLogEntry
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing

pytestmark = pytest.mark.django_db

KEYED = importlib.util.find_spec("motcua.dossiers.services.anchors") is not None  # False on the code before
LOG = ProcessLogEntry._meta.db_table
ROW = Dossier._meta.db_table


def sql(statement: str, params=()) -> list:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def verify() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_dossier_log", stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()


def anchor(when: str) -> None:
    if KEYED:
        from motcua.dossiers.services.anchors import write_anchor

        write_anchor(now=at(when))


def journey(officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 14:00", handler="cv.tuphap")
    return act(dossier, "forward", officers["specialist"], "2026-03-10 09:00")


@pytest.fixture
def history(procedure, officers):
    a, b = journey(officers), journey(officers)
    anchor("2026-03-10 18:00")
    old_row = sql(f"SELECT * FROM {ROW} WHERE id = %s", [a.pk])[0]  # what an attacker may have kept
    columns = [c.name for c in connection.introspection.get_table_description(connection.cursor(), ROW)]
    act(a, "finish", officers["lead"], "2026-03-11 10:00", **FINISH_INPUTS)
    anchor("2026-03-11 18:00")
    a = act(a, "return_result", officers["counter"], "2026-03-12 08:00")
    assert verify() == (0, "Đã kiểm tra 2 hồ sơ: nhật ký xử lý toàn vẹn.\n")
    return {"a": a, "b": Dossier.objects.get(pk=b.pk), "old_row": dict(zip(columns, old_row, strict=True))}


# --- the attacker's tools: raw SQL, and a chain recomputed with or without a key --------------------------------


def entries(dossier_id) -> list[ProcessLogEntry]:
    return list(ProcessLogEntry.objects.filter(dossier_id=dossier_id).order_by("seq"))


def set_entry(dossier_id, number, **values):
    assignments = ", ".join(f"{column} = %s" for column in values)
    sql(
        f"UPDATE {LOG} SET {assignments} WHERE dossier_id = %s AND seq = %s",
        [*values.values(), dossier_id, number],
    )


def set_row(dossier_id, **values):
    assignments = ", ".join(f"{column} = %s" for column in values)
    sql(f"UPDATE {ROW} SET {assignments} WHERE id = %s", [*values.values(), dossier_id])


def rechain(dossier_id, secret: bytes | None, key_id: str = "") -> None:
    """Recompute every link of the dossier's chain as the attacker can: plain sha256 (``secret`` None) or HMAC
    under a guessed key; then "fix" the row's version and head."""
    prev = "0" * 64
    for entry in entries(dossier_id):
        canonical = json.dumps(entry.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        message = (prev + canonical).encode()
        digest = (
            hashlib.sha256(message).hexdigest()
            if secret is None
            else hmac.new(secret, message, hashlib.sha256).hexdigest()
        )
        values = {"prev_hash": prev, "hash": digest}
        if KEYED:
            values["key_id"] = key_id
        set_entry(dossier_id, entry.seq, **values)
        prev = digest
    set_row(dossier_id, version=len(entries(dossier_id)), log_head=prev)


def delete_entries(dossier_id, *seqs):
    where = f" AND seq IN ({', '.join(str(s) for s in seqs)})" if seqs else ""
    sql(f"DELETE FROM {LOG} WHERE dossier_id = %s{where}", [dossier_id])


def head_fixed(dossier_id):
    last = entries(dossier_id)[-1]
    set_row(dossier_id, version=last.seq, log_head=last.hash)


def anchor_files(day: str) -> tuple[Path, Path]:
    folder = Path(getattr(settings, "MOTCUA_LOG_ANCHOR_DIR", "/nonexistent"))
    return folder / f"{day}.json", folder / f"{day}.heads.gz"


# --- the cases ----------------------------------------------------------------------------------------------------


def edit_payload(h):
    set_entry(h["a"].pk, 5, data=json.dumps({"result_number": "99/XN-STP"}))


def edit_note(h):
    set_entry(h["a"].pk, 2, note="Chuyển ngày khác")


def edit_actor(h):
    set_entry(h["a"].pk, 3, actor_name="Người khác", actor_id=None)


def edit_time(h):
    set_entry(h["a"].pk, 4, at=at("2026-03-09 16:00"))


def edit_action(h):
    set_entry(h["a"].pk, 5, action="stop")


def reorder(h):
    a = h["a"].pk
    set_entry(a, 2, seq=100)
    set_entry(a, 3, seq=2)
    set_entry(a, 100, seq=3)


def delete_middle(h):
    delete_entries(h["a"].pk, 3)


def delete_last(h):
    delete_entries(h["a"].pk, 6)


def delete_last_fix_head(h):
    delete_entries(h["a"].pk, 6)
    head_fixed(h["a"].pk)


def delete_all(h):
    delete_entries(h["b"].pk)


def delete_all_fix_row(h):
    delete_entries(h["b"].pk)
    set_row(h["b"].pk, version=0, log_head="")


def insert_forged(h):
    a = h["a"].pk
    last = entries(a)[-1]
    forged = ProcessLogEntry(
        dossier_id=a, seq=7, at=at("2026-03-12 09:00"), action="stop", from_status=10, to_status=8, note="",
        actor_name="", role="", data={}, prev_hash=last.hash,
    )  # fmt: skip
    canonical = json.dumps(forged.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    forged.hash = hashlib.sha256((forged.prev_hash + canonical).encode()).hexdigest()
    sql(
        f"INSERT INTO {LOG} (dossier_id, seq, at, actor_name, role, action, from_status, to_status, note, data, "
        f"prev_hash, hash{', key_id' if KEYED else ''}) VALUES (%s, 7, %s, '', '', 'stop', 10, 8, '', '{{}}', "
        f"%s, %s{', %s' if KEYED else ''})",
        [a, forged.at, forged.prev_hash, forged.hash, *(["k1"] if KEYED else [])],
    )
    set_row(a, version=7, log_head=forged.hash, status=8)


def rechain_unkeyed(h):
    set_entry(h["a"].pk, 2, note="Chuyển ngày khác")
    rechain(h["a"].pk, None)


def rechain_guessed_key(h):
    set_entry(h["a"].pk, 2, note="Chuyển ngày khác")
    rechain(h["a"].pk, b"motcua" * 6, key_id="k1")


def change_status(h):
    set_row(h["a"].pk, status=8)


def change_deadline(h):
    set_row(h["b"].pk, due_at=at("2026-04-30 17:00"), original_due_at=at("2026-04-30 17:00"))


def change_applicant(h):
    sql(
        f"INSERT INTO {Applicant._meta.db_table} (kind, name, id_number, address, phone, email, created_at) "
        "VALUES (%s, %s, %s, '', '', '', %s)",
        [h["a"].applicant.kind, "Lê Văn Mạo", "001090009999", at("2026-03-12 09:00")],
    )
    (other,) = sql(f"SELECT max(id) FROM {Applicant._meta.db_table}")[0]
    set_row(h["a"].pk, applicant_id=other)


def change_competent_body(h):
    set_row(h["b"].pk, handling_agency_id=h["b"].receiving_agency_id)


def change_receiving_agency(h):
    set_row(h["b"].pk, receiving_agency_id=h["b"].handling_agency_id)


def swap_logs(h):
    a, b = h["a"].pk, h["b"].pk
    sql(f"UPDATE {LOG} SET dossier_id = %s, seq = seq + 1000 WHERE dossier_id = %s", [b, a])
    sql(f"UPDATE {LOG} SET dossier_id = %s WHERE dossier_id = %s AND seq < 1000", [a, b])
    sql(f"UPDATE {LOG} SET seq = seq - 1000 WHERE dossier_id = %s AND seq > 1000", [b])
    head_fixed(a)
    head_fixed(b)


def purge(model, ids: list, seen: set) -> None:
    """Delete rows of ``model`` and, first, every row that points to them (raw SQL, as an attacker must)."""
    if not ids or model in seen:
        return
    seen = seen | {model}
    marks = ", ".join(["%s"] * len(ids))
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            continue
        child, column = relation.related_model, relation.field.column
        if relation.field.null:
            sql(f"UPDATE {child._meta.db_table} SET {column} = NULL WHERE {column} IN ({marks})", ids)
            continue
        pk = child._meta.pk.column
        found = [
            r[0] for r in sql(f"SELECT {pk} FROM {child._meta.db_table} WHERE {column} IN ({marks})", ids)
        ]
        purge(child, found, seen)
    sql(f"DELETE FROM {model._meta.db_table} WHERE {model._meta.pk.column} IN ({marks})", ids)


def delete_dossier(h):
    purge(Dossier, [h["b"].pk], set())


def restore_old_row(h):
    """Truncate below the anchor and put back the row as it was then (a copy kept by the attacker)."""
    delete_entries(h["a"].pk, 5, 6)
    row = {k: v for k, v in h["old_row"].items() if k != "id"}
    set_row(h["a"].pk, **row)


def roll_back_anchor_file(h):
    """The latest digest replaced by the previous day's (older heads allow a deeper truncation)."""
    new_digest, new_heads = anchor_files("2026-03-11")
    old_digest, old_heads = anchor_files("2026-03-10")
    if KEYED:
        shutil.copy(old_digest, new_digest)
        shutil.copy(old_heads, new_heads)
    delete_entries(h["a"].pk, 6)
    head_fixed(h["a"].pk)


def edit_anchor_heads(h):
    """A's anchored head changed in the heads file, then A truncated to match it."""
    _, heads = anchor_files("2026-03-11")
    if KEYED:
        lines = gzip.decompress(heads.read_bytes()).decode().splitlines(keepends=True)
        pk, _, _, code = lines[0].split(" ", 3)
        lines[0] = f"{pk} 4 {entries(h['a'].pk)[3].hash[:32]} {code}"
        heads.write_bytes(gzip.compress("".join(lines).encode()))
    delete_entries(h["a"].pk, 5, 6)
    head_fixed(h["a"].pk)


def edit_anchor_digest(h):
    digest, _ = anchor_files("2026-03-11")
    if KEYED:
        data = json.loads(digest.read_text())
        data["dossiers"] = 1
        digest.write_text(json.dumps(data))


def delete_latest_anchor_file(h):
    digest, heads = anchor_files("2026-03-11")
    if KEYED:
        digest.unlink()
        heads.unlink()


def delete_anchor_record(h):
    if KEYED:
        sql("DELETE FROM dossiers_loganchor WHERE day = %s", ["2026-03-11"])


def unknown_key(h):
    if KEYED:
        set_row(h["a"].pk, seal="k9:" + "0" * 64)
        set_entry(h["a"].pk, 6, key_id="k9")


# case → a fragment of the Vietnamese message that must name the problem
CASES = {
    edit_payload: "mục 5: nội dung đã bị sửa sau khi ghi",
    edit_note: "mục 2: nội dung đã bị sửa sau khi ghi",
    edit_actor: "mục 3: nội dung đã bị sửa sau khi ghi",
    edit_time: "mục 4: nội dung đã bị sửa sau khi ghi",
    edit_action: "mục 5: nội dung đã bị sửa sau khi ghi",
    reorder: "mục 2: không nối tiếp mục trước",
    delete_middle: "thiếu hoặc đảo thứ tự: mong đợi mục 3, gặp mục 4",
    delete_last: "mục nhật ký cuối là mục 5",
    delete_last_fix_head: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    delete_all: "nhật ký xử lý không còn mục nào",
    delete_all_fix_row: "hồ sơ không có mục nhật ký xử lý nào",
    insert_forged: "mục 7: nội dung đã bị sửa sau khi ghi",
    rechain_unkeyed: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    rechain_guessed_key: "mục 1: nội dung đã bị sửa sau khi ghi",
    change_status: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    change_deadline: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    change_applicant: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    change_competent_body: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    change_receiving_agency: "đã bị sửa ngoài quy trình (mã xác thực không khớp)",
    swap_logs: "mục 1: nội dung đã bị sửa sau khi ghi",
    delete_dossier: "nhưng đã bị xóa",
    restore_old_row: "nhưng nay chỉ còn 4 mục (nhật ký bị xóa hoặc cắt bớt)",
    roll_back_anchor_file: "tệp mang nội dung của mốc ngày 2026-03-10 (tệp mốc bị thay bằng bản cũ)",
    edit_anchor_heads: "danh sách đầu chuỗi không khớp mã băm gốc đã ký",
    edit_anchor_digest: "nội dung tệp mốc đã bị sửa (mã xác thực không khớp)",
    delete_latest_anchor_file: "không còn tệp mốc (tệp mốc bị xóa)",
    delete_anchor_record: "không có bản ghi tương ứng trong cơ sở dữ liệu (bản ghi mốc bị xóa)",
    unknown_key: "khóa “k9” không có trong tệp khóa",
}


@pytest.mark.parametrize("tamper", CASES, ids=[case.__name__ for case in CASES])
def test_tampering_is_detected(history, tamper):
    tamper(history)
    code, output = verify()
    assert code == 1, output
    assert CASES[tamper] in output
    assert "nhật ký không toàn vẹn" in output.splitlines()[-1]


def test_a_keyed_log_rejects_a_chain_recomputed_with_the_real_algorithm_but_no_key(history):
    """The whole chain of A recomputed as a keyed chain under a guessed key, row fixed: every entry is refused, the
    row's seal no longer matches, and A's anchored entry differs."""
    rechain_guessed_key(history)
    code, output = verify()
    assert code == 1
    for seq in range(1, 7):
        assert f"mục {seq}: nội dung đã bị sửa sau khi ghi" in output
    if KEYED:
        assert "mã xác thực không khớp" in output and "khác mục đã ghi trong mốc ngày 2026-03-11" in output


def test_a_deleted_dossier_is_reported_by_its_code_too(history):
    code = history["b"].code
    delete_dossier(history)
    out = StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("verify_dossier_log", code, stdout=out)
    if KEYED:
        assert refused.value.returncode == 1
        assert f"Hồ sơ {code}: hồ sơ có trong mốc ngày 2026-03-11" in out.getvalue()
        assert "nhưng đã bị xóa" in out.getvalue()
    else:
        assert refused.value.returncode == 2  # before: "no such dossier", as if it had never existed
