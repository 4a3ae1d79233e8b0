"""``motcua scheduler``: starts the periodic jobs (``motcua.core.schedule``) when their time comes. Several
schedulers are safe: each period runs once. ``--once`` looks once and exits (for a test or a cron fallback)."""

from __future__ import annotations

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from motcua.core import jobs, schedule


class Command(BaseCommand):
    help = (
        "Khởi chạy các việc định kỳ (quét hạn xử lý, hết hạn thanh toán, dọn phiên…) đúng kỳ, mỗi kỳ một lần."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="xem một lần rồi thoát")

    def handle(self, *args, once: bool = False, **options) -> None:
        running = {"on": True}

        def stop(signum, frame):
            running["on"] = False

        if not once:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
            self.stdout.write(
                "Lịch việc định kỳ: "
                + "; ".join(f"{entry.label} ({entry.name})" for entry in schedule.SCHEDULE.values())
            )
        while True:
            jobs.refresh_connections()
            for name in schedule.tick():
                self.stdout.write(f"đã khởi chạy {schedule.SCHEDULE[name].label}")
            if once:
                return
            deadline = time.monotonic() + settings.MOTCUA_SCHEDULER_TICK_SECONDS
            while running["on"] and time.monotonic() < deadline:
                time.sleep(0.2)
            if not running["on"]:
                return
