"""``motcua verify_feedback_log [CODE]``: check the log of one PAKN item, or of all of them, a chunk at a time: the
keyed chain of its entries and the MAC of its row (``feedback/models/log.py``). Exit status: 0 intact, 1 problems
found, 2 unknown code."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from motcua.core import logkeys
from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.models.log import SEALED_FIELDS, verify_feedback

FIELDS = ("pk", *SEALED_FIELDS, "seal")


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của nhật ký xử lý phản ánh, kiến nghị (chuỗi mã xác thực và bản ghi)."

    def add_arguments(self, parser):
        parser.add_argument("code", nargs="?", help="Mã phản ánh; bỏ trống để kiểm tra tất cả.")
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, code=None, chunk_size=500, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size phải là số nguyên dương.", returncode=2)
        query = Feedback.objects.only(*FIELDS).order_by("pk")
        if code:
            query = query.filter(code=code)
            if not query.exists():
                raise CommandError(f"Không có phản ánh mã “{code}”.", returncode=2)
        checked, damaged = 0, []
        for chunk, entries in logkeys.chunks_with_entries(
            query, FeedbackLogEntry.objects, "feedback_id", chunk_size
        ):
            for feedback in chunk:
                checked += 1
                problems = verify_feedback(feedback, entries[feedback.pk])
                if problems:  # it may have moved on between the two reads: judge it again on fresh data
                    fresh = Feedback.objects.only(*FIELDS).get(pk=feedback.pk)
                    fresh_entries = list(FeedbackLogEntry.objects.filter(feedback=fresh).order_by("seq"))
                    problems = verify_feedback(fresh, fresh_entries)
                if problems:
                    damaged.append((feedback, problems))
        for feedback, problems in damaged:
            for problem in problems:
                self.stdout.write(f"Phản ánh {feedback.code}: {problem}")
        if damaged:
            count = sum(len(p) for _, p in damaged)
            raise CommandError(
                f"Đã kiểm tra {checked} phản ánh: {len(damaged)} phản ánh có nhật ký không toàn vẹn ({count} vấn đề).",
                returncode=1,
            )
        self.stdout.write(f"Đã kiểm tra {checked} phản ánh: nhật ký xử lý toàn vẹn.")
