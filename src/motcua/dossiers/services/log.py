"""Checking a dossier's process log (SPEC §1.6, Mẫu 05): the hash chain of its entries, and the chain's head as
recorded on the dossier row.

The chain alone shows an entry edited, reordered or deleted in the middle; the head (``Dossier.log_head``, the hash
of the last entry, and ``Dossier.version``, its sequence number — both written in the same transaction as the
entry) shows the last entries deleted or a chain rewritten from some entry onwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.models.log import verify_chain


def entries_of(dossier_id: int) -> list[ProcessLogEntry]:
    return list(ProcessLogEntry.objects.filter(dossier_id=dossier_id).order_by("seq", "id"))


def verify_dossier(dossier: Dossier, *, entries: Iterable[ProcessLogEntry] | None = None) -> list[str]:
    """Problems found in ``dossier``'s log (Vietnamese, without the dossier code): empty if intact.

    Without ``entries`` the entries and the dossier's ``version`` and ``log_head`` are read from the database now,
    so a stale instance gives no false alarm. With ``entries`` (ordered by seq; loaded together with the dossier,
    e.g. a chunk of the verification command) the instance's fields are used as they are.
    """
    if entries is None:
        version, head = Dossier.objects.filter(pk=dossier.pk).values_list("version", "log_head").get()
        entries = entries_of(dossier.pk)
    else:
        version, head = dossier.version, dossier.log_head
        entries = list(entries)
    problems = verify_chain(entries)
    if not entries:
        if version or head:
            problems.append(f"hồ sơ ghi phiên bản {version} nhưng nhật ký xử lý không còn mục nào")
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
