"""Checking a dossier's process log (SPEC §1.6, Mẫu 05): the keyed chain of its entries, the dossier row's seal,
and (in ``motcua verify_dossier_log``) the daily anchors of the heads (``services/anchors.py``).

- The chain (HMAC under a key kept outside the database, ``models/log.py``) shows an entry edited, reordered,
  inserted, moved from another dossier or deleted in the middle, and a chain recomputed without the key.
- The row's seal (``Dossier.seal``: a MAC over the legal fields, ``version`` and ``log_head``, written in the same
  transaction as each entry) shows the last entries deleted, even when ``version`` and ``log_head`` were "fixed", and
  any change to the status, deadlines, applicant, competent body, units… made outside the transition service.
- The anchors (files outside the database, one a day) show what the database alone cannot: a whole log deleted and
  its row re-sealed is impossible without the key, but a dossier deleted with its log, or a log truncated with the
  row restored from an older copy, is only visible against a head recorded outside.
"""

from __future__ import annotations

from collections.abc import Iterable

from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.models.log import SEALED_FIELDS, RowValues, row_seal_problem, verify_chain

ROW_FIELDS = (*SEALED_FIELDS, "seal")  # what verification reads of a dossier row


def entries_of(dossier_id: int) -> list[ProcessLogEntry]:
    return list(ProcessLogEntry.objects.filter(dossier_id=dossier_id).order_by("seq", "id"))


def verify_dossier(dossier: Dossier, *, entries: Iterable[ProcessLogEntry] | None = None) -> list[str]:
    """Problems found in ``dossier``'s log and row (Vietnamese, without the dossier code): empty if intact.

    Without ``entries`` the entries and the dossier's row are read from the database now, so a stale instance gives
    no false alarm. With ``entries`` (ordered by seq; loaded together with the dossier, e.g. a chunk of the
    verification command, with the row's fields ``ROW_FIELDS``) the instance's fields are used as they are.
    """
    if entries is None:
        row = Dossier.objects.filter(pk=dossier.pk).values(*ROW_FIELDS).first()
        if row is None:
            return ["bản ghi hồ sơ đã bị xóa"]
        entries = entries_of(dossier.pk)
    else:
        row = RowValues.of(dossier)
        row["seal"] = dossier.seal
        entries = list(entries)
    version, head = row["version"], row["log_head"]
    problems = verify_chain(entries)
    if seal_problem := row_seal_problem(row, row["seal"]):
        problems.append(seal_problem)
    if not entries:
        if version or head:
            problems.append(f"hồ sơ ghi phiên bản {version} nhưng nhật ký xử lý không còn mục nào")
        else:
            problems.append("hồ sơ không có mục nhật ký xử lý nào")
        return problems
    last = entries[-1]
    if version != last.seq:
        problems.append(
            f"hồ sơ ghi phiên bản {version} nhưng mục nhật ký cuối là mục {last.seq} "
            "(mục cuối bị xóa, hoặc nhật ký bị thêm mục ngoài quy trình)"
        )
    if head != last.hash:
        problems.append(
            f"mã băm mục cuối (mục {last.seq}) khác mã băm đã ghi trên hồ sơ (nhật ký bị sửa hoặc xóa)"
        )
    return problems
