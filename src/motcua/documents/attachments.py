"""The forms a citizen's message carries (``motcua.messaging.attachments``): the apology e-mail attaches the Mẫu 04
its transition issued, as the PDF every re-print gives."""

from __future__ import annotations

from motcua.documents.services import issuance, printing


def apology_letter(dossier_id: int, entry_id: int | None) -> list[tuple[str, bytes, str]]:
    """The Mẫu 04 issued by the apology logged as ``entry_id`` (issued now if its job has not run yet)."""
    if entry_id is None:
        return []
    issued = issuance.issue_for_entry(entry_id)
    if issued is None or issued.dossier_id != dossier_id:
        return []
    printed = printing.print_issued(issued, "pdf")
    return [(printed.filename, printed.content, printed.content_type)]
