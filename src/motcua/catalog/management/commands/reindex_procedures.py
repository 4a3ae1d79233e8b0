"""motcua reindex_procedures: rebuild the procedure search index from the current versions."""

import time

from django.core.management.base import BaseCommand

from motcua.catalog import search


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm thủ tục hành chính từ các phiên bản đang có hiệu lực."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = search.reindex()
        self.stdout.write(f"Đã lập chỉ mục {count} thủ tục trong {time.monotonic() - started:.1f} giây.")
