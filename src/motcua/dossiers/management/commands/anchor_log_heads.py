"""``motcua anchor_log_heads [--print]``: write today's digest of every process-log head outside the database.

Idempotent per day: a second run on the same day writes nothing and prints the digest already written. The
scheduler runs it daily. ``--print`` prints the latest digest (or ``--day``'s) as text for the inspectors; the
printable page (PDF) is ``motcua print_log_anchor``.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from motcua.dossiers.services import anchors


class Command(BaseCommand):
    help = "Lập mốc niêm phong hằng ngày: danh sách đầu chuỗi nhật ký của mọi hồ sơ, ghi ra tệp ngoài cơ sở dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", help="Chỉ in mốc đã lập (mới nhất, hoặc --day).")
        parser.add_argument("--day", help="Ngày của mốc cần in (YYYY-MM-DD).")

    def handle(self, *args, print=False, day=None, **options):
        if print or day:
            try:
                digest = anchors.digest_for(day)
            except LookupError as exc:
                raise CommandError(str(exc), returncode=2) from None
        else:
            written = anchors.write_anchor()
            digest = written.digest
            if not written.created:
                self.stdout.write(f"Mốc ngày {digest['day']} đã lập trước đó; không lập lại.")
        for line in anchors.digest_text(digest):
            self.stdout.write(line)
