"""``motcua seal_feedback_log``: once, after upgrading to the keyed log, give the PAKN entries written before it
their MACs (in order, chained; their content is not touched) and seal each row under the current key. Those
entries had no hash at all, so nothing can show whether they were changed before this run: it is logged, and from
then on any change is detected. (A PAKN item touched by a transition before this run is sealed then.)"""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand
from django.db import transaction

from motcua.feedback.models import Feedback
from motcua.feedback.models.log import seal_legacy_entries, seal_row

log = logging.getLogger("motcua.feedback.seal")


class Command(BaseCommand):
    help = "Niêm phong một lần nhật ký phản ánh ghi trước khi dùng khóa."

    def handle(self, *args, **options):
        sealed = refused = 0
        for pk in Feedback.objects.filter(seal="").order_by("pk").values_list("pk", flat=True).iterator():
            with transaction.atomic():
                feedback = Feedback.objects.select_for_update().get(pk=pk)
                try:
                    feedback.log_head = seal_legacy_entries(pk)
                except ValueError as exc:
                    refused += 1
                    self.stdout.write(f"Phản ánh {feedback.code}: {exc}")
                    continue
                seal_row(feedback)
                Feedback.objects.filter(pk=pk).update(log_head=feedback.log_head, seal=feedback.seal)
                sealed += 1
        log.warning("Legacy feedback logs sealed under the log key: %s items, %s refused", sealed, refused)
        self.stdout.write(f"Đã niêm phong {sealed} phản ánh; {refused} phản ánh không niêm phong được.")
