"""``motcua seal_process_log``: once, after upgrading to the keyed log, seal the dossiers written before it.

Their entries keep their plain sha256 chain (``key_id`` empty: history is not rewritten). For each dossier row
without a seal, the chain and the head recorded on the row are checked first; an intact one gets its row seal
(``Dossier.seal``: HMAC under the current key over its legal fields and its head), so any later change to those
entries or fields breaks a keyed MAC. A damaged one is **not** sealed: it is listed (exit status 1) for the
inspectors, and stays reported by ``verify_dossier_log``. The run is logged, and today's anchor of every head is
taken at the end (``anchor_log_heads``), so the sealed state is also recorded outside the database.
"""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand, CommandError

from motcua.core import logkeys
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.models.log import NO_SEAL, RowValues, row_seal
from motcua.dossiers.services import anchors
from motcua.dossiers.services.log import ROW_FIELDS, verify_dossier

log = logging.getLogger("motcua.dossiers.seal")


class Command(BaseCommand):
    help = "Niêm phong một lần các hồ sơ có nhật ký ghi trước khi dùng khóa (kiểm tra chuỗi trước khi niêm phong)."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, chunk_size=500, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size phải là số nguyên dương.", returncode=2)
        sealed, refused = 0, []
        query = Dossier.objects.select_for_update().filter(seal="").only("pk", *ROW_FIELDS)
        for chunk, entries in logkeys.chunks_with_entries(
            query, ProcessLogEntry.objects, "dossier_id", chunk_size, atomic=True
        ):
            for dossier in chunk:
                problems = [p for p in verify_dossier(dossier, entries=entries[dossier.pk]) if p != NO_SEAL]
                if problems:
                    refused.append((dossier, problems))
                    continue
                seal = row_seal(RowValues.of(dossier))
                Dossier.objects.filter(pk=dossier.pk, seal="").update(seal=seal)
                sealed += 1
        log.warning(
            "Legacy process logs sealed under the log key: %s dossiers, %s refused", sealed, len(refused)
        )
        written = anchors.write_anchor()
        self.stdout.write(
            f"Đã niêm phong {sealed} hồ sơ; mốc ngày {written.digest['day']}: mã băm gốc {written.digest['root']}."
        )
        for dossier, problems in refused:
            for problem in problems:
                self.stdout.write(f"Hồ sơ {dossier}: {problem}")
        if refused:
            raise CommandError(
                f"{len(refused)} hồ sơ không được niêm phong vì nhật ký đã không toàn vẹn.", returncode=1
            )
