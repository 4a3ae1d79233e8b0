"""``motcua verify_dossier_log [CODE]``: check the process log of one dossier, or of all of them.

Checks the keyed chain of each log, the seal of each dossier row (its legal fields bound to the log's head) and the
daily anchors of the heads (``services/anchors.py``): the digests themselves, and every dossier the latest one names
(it must still exist, with the anchored entry). Prints each problem with the dossier's code and a summary.
Exit status: 0 intact, 1 problems found, 2 unknown code or no key file.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from motcua.core import logkeys
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.anchors import AnchorCheck
from motcua.dossiers.services.log import ROW_FIELDS, entries_of, verify_dossier

FIELDS = ("pk", *ROW_FIELDS)


class Command(BaseCommand):
    help = (
        "Kiểm tra tính toàn vẹn của nhật ký xử lý hồ sơ: chuỗi mã xác thực, mã xác thực bản ghi hồ sơ "
        "và các mốc niêm phong hằng ngày."
    )

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
        try:
            logkeys.require()
        except ImproperlyConfigured as exc:  # without the key nothing can be verified: say so, exit 2
            raise CommandError(str(exc), returncode=2) from None
        anchors = AnchorCheck.load()
        damaged: list[tuple[str, list[str]]] = []
        if anchors.problems:
            damaged.append(("", anchors.problems))
        if code:
            dossier = Dossier.objects.filter(Q(code=code) | Q(reference=code)).only(*FIELDS).first()
            gone = anchors.head_of(code=code) if dossier is None else None
            if gone:
                damaged.append((code, [self._deleted(anchors, gone)]))
                dossier = None
            elif dossier is None:
                raise CommandError(f"Không có hồ sơ mã “{code}”.", returncode=2)
            if dossier is not None:
                problems = self._problems(dossier, None, anchors, anchors.head_of(dossier.pk))
                if problems:
                    damaged.append((str(dossier), problems))
            checked = 1
        else:
            checked = 0
            for label, problems, counted in self._check_all(chunk_size, anchors):
                checked += counted
                if problems:
                    damaged.append((label or "", problems))
        for label, problems in damaged:
            for problem in problems:
                self.stdout.write(f"Hồ sơ {label}: {problem}" if label else f"Mốc niêm phong: {problem}")
        if damaged:
            count = sum(len(p) for _, p in damaged)
            dossiers = sum(1 for label, _ in damaged if label)
            summary = (
                f"Đã kiểm tra {checked} hồ sơ: {dossiers} hồ sơ có nhật ký không toàn vẹn ({count} vấn đề)"
            )
            if anchors.problems:
                summary += f", trong đó {len(anchors.problems)} vấn đề ở các mốc niêm phong"
            raise CommandError(summary + ".", returncode=1)
        self.stdout.write(f"Đã kiểm tra {checked} hồ sơ: nhật ký xử lý toàn vẹn.")

    def _check_all(self, chunk_size: int, anchors: AnchorCheck):
        """Every dossier in id order, a chunk at a time, with the chunk's entries read in one query; the anchored
        heads are walked alongside (both in id order). Yields (dossier code, problems); a dossier anchored but gone
        is yielded with its anchored code and counted apart (label given, not counted as checked: see handle)."""
        heads = anchors.heads()  # streamed alongside, both in id order
        pending = next(heads, None)
        query = Dossier.objects.only(*FIELDS)
        for chunk, entries in logkeys.chunks_with_entries(
            query, ProcessLogEntry.objects, "dossier_id", chunk_size
        ):
            last_pk = chunk[-1].pk
            anchored = {}
            while pending is not None and pending[0] <= last_pk:
                anchored[pending[0]] = pending
                pending = next(heads, None)
            for pk in sorted(set(anchored) - set(entries)):
                yield from self._gone(anchors, anchored[pk])
            for dossier in chunk:
                problems = self._problems(dossier, entries[dossier.pk], anchors, anchored.get(dossier.pk))
                if problems:
                    # the dossier may have moved on between the two reads: judge it again on fresh data
                    problems = self._problems(dossier, None, anchors, anchored.get(dossier.pk))
                yield str(dossier), problems, True
        while pending is not None:
            yield from self._gone(anchors, pending)
            pending = next(heads, None)

    def _problems(self, dossier, entries, anchors, anchored) -> list[str]:
        problems = verify_dossier(dossier, entries=entries)
        if anchored is not None:
            entries = entries if entries is not None else entries_of(dossier.pk)
            if problem := anchors.problem_for(anchored, entries):
                problems.append(problem)
        return problems

    def _gone(self, anchors: AnchorCheck, anchored):
        pk, _, _, code = anchored
        if Dossier.objects.filter(pk=pk).exists():  # a race with nothing: ids are never reused
            return
        yield code, [self._deleted(anchors, anchored)], False

    def _deleted(self, anchors: AnchorCheck, anchored) -> str:
        pk, version, _, _ = anchored
        return f"hồ sơ có trong mốc ngày {anchors.day} (id {pk}, {version} mục nhật ký) nhưng đã bị xóa"
