"""``motcua verify_dossier_log [CODE]``: check the process log of one dossier, or of all of them.

Prints each problem with the dossier's code and a summary. Exit status: 0 intact, 1 problems found, 2 unknown code.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.log import verify_dossier

FIELDS = ("pk", "code", "reference", "version", "log_head")


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của nhật ký xử lý hồ sơ (chuỗi mã băm, mục cuối và phiên bản hồ sơ)."

    def add_arguments(self, parser):
        parser.add_argument(
            "code", nargs="?", help="Mã hồ sơ (hoặc mã tham chiếu); bỏ trống để kiểm tra tất cả."
        )
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Số hồ sơ đọc mỗi lần (mặc định 500)."
        )

    def handle(self, *args, code=None, chunk_size=500, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size phải là số nguyên dương.", returncode=2)
        if code:
            dossier = Dossier.objects.filter(Q(code=code) | Q(reference=code)).only(*FIELDS).first()
            if dossier is None:
                raise CommandError(f"Không có hồ sơ mã “{code}”.", returncode=2)
            results = [(dossier, verify_dossier(dossier))]
            checked = 1
        else:
            results, checked = [], 0
            for dossier, problems in self._check_all(chunk_size):
                checked += 1
                if problems:
                    results.append((dossier, problems))
        damaged = [(d, p) for d, p in results if p]
        for dossier, problems in damaged:
            for problem in problems:
                self.stdout.write(f"Hồ sơ {dossier}: {problem}")
        if damaged:
            count = sum(len(p) for _, p in damaged)
            raise CommandError(
                f"Đã kiểm tra {checked} hồ sơ: {len(damaged)} hồ sơ có nhật ký không toàn vẹn ({count} vấn đề).",
                returncode=1,
            )
        self.stdout.write(f"Đã kiểm tra {checked} hồ sơ: nhật ký xử lý toàn vẹn.")

    def _check_all(self, chunk_size: int):
        """Every dossier in id order, a chunk at a time, with the chunk's entries read in one query."""
        last_pk = 0
        while True:
            chunk = list(Dossier.objects.filter(pk__gt=last_pk).order_by("pk").only(*FIELDS)[:chunk_size])
            if not chunk:
                return
            last_pk = chunk[-1].pk
            entries: dict[int, list[ProcessLogEntry]] = {d.pk: [] for d in chunk}
            for entry in ProcessLogEntry.objects.filter(dossier_id__in=entries).order_by(
                "dossier_id", "seq", "id"
            ):
                entries[entry.dossier_id].append(entry)
            for dossier in chunk:
                problems = verify_dossier(dossier, entries=entries[dossier.pk])
                if problems:
                    # the dossier may have moved on between the two reads: judge it again on fresh data
                    problems = verify_dossier(dossier)
                yield dossier, problems
