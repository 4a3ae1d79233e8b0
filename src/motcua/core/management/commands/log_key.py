"""``motcua log_key init|rotate|list``: the HMAC keys of the tamper-evident logs (``motcua.core.logkeys``).

- ``init``: create the key file (``MOTCUA_LOG_KEY_FILE``) with a first key, on a new installation; refuses if the
  file exists (``--if-missing``: then does nothing — ``make migrate`` uses it for the demo).
- ``rotate``: add a new key and make it current; the older keys stay in the file (what they signed is verified
  with them). Every process sees the new key at its next MAC (the file's time is checked).
- ``list``: the key ids, their creation time and which is current (never the secrets).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from motcua.core import logkeys

log = logging.getLogger("motcua.core.logkeys")


class Command(BaseCommand):
    help = "Khóa xác thực nhật ký xử lý: tạo (init), thêm khóa mới và dùng từ nay (rotate), liệt kê (list)."
    requires_system_checks = []  # it must run when the key file is missing

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["init", "rotate", "list"])
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Với init: không làm gì nếu tệp khóa đã có (dùng cho make run).",
        )

    def handle(self, *args, action, if_missing=False, **options):
        path = logkeys.key_file()
        if action == "init" and if_missing and path.exists():
            return
        if action == "init":
            try:
                key_id = logkeys.init(path)
            except FileExistsError:
                raise CommandError(
                    f"Tệp khóa {path} đã có; dùng “rotate” để thêm khóa mới (không bao giờ tạo lại tệp).",
                    returncode=2,
                ) from None
            log.warning("Process-log key file created: %s (key %s)", path, key_id)
            self.stdout.write(f"Đã tạo tệp khóa {path} (quyền 0600) với khóa {key_id}. Hãy sao lưu tệp này.")
            return
        if not path.exists():
            raise CommandError(logkeys.missing_message(path), returncode=2)
        if action == "rotate":
            try:
                key_id = logkeys.rotate(path)
            except ImproperlyConfigured as exc:
                raise CommandError(str(exc), returncode=2) from None
            log.warning("Process-log key rotated: %s is now current in %s", key_id, path)
            self.stdout.write(
                f"Đã thêm khóa {key_id} và dùng nó cho các mục ghi từ nay; các khóa cũ vẫn giữ để kiểm tra."
            )
            return
        for key_id, created_at, current in logkeys.describe(path):
            self.stdout.write(f"{key_id}\t{created_at}\t{'đang dùng' if current else ''}".rstrip())
