"""``motcua serve``: the web server, the task worker and the scheduler together, for ``make run`` (the demo).

Each is a child process (``motcua.core.processes``); Ctrl-C stops them all, and one that dies stops the others.
Production runs the three as separate services instead (README “Chạy trong sản xuất”, ``deploy/systemd/``);
``--no-worker`` and ``--no-scheduler`` leave out those that run elsewhere.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motcua.core.processes import RQ_WORKER, WORKER, Supervisor, motcua_processes


class Command(BaseCommand):
    help = (
        "Chạy cùng lúc máy chủ web (gunicorn), tiến trình xử lý tác vụ nền (motcua worker) và bộ lập lịch "
        "(motcua scheduler); Ctrl-C dừng tất cả."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-worker", action="store_true", help="Không chạy motcua worker (đã chạy ở nơi khác)."
        )
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Không chạy motcua scheduler (đã chạy ở nơi khác)."
        )
        parser.add_argument(
            "--grace-seconds",
            type=float,
            default=10.0,
            help="Số giây chờ mỗi tiến trình tự dừng sau tín hiệu dừng trước khi buộc dừng (SIGKILL); mặc định 10.",
        )

    def handle(self, *args, no_worker=False, no_scheduler=False, grace_seconds=10.0, **options):
        backend = settings.MOTCUA_JOBS_BACKEND  # `eager` runs the jobs in the web process: no worker to start
        processes = motcua_processes(
            worker=not no_worker and backend != "eager",
            scheduler=not no_scheduler,
            worker_process=RQ_WORKER if backend == "redis" else WORKER,
        )
        status = Supervisor(processes, grace_seconds=grace_seconds, out=self.stdout).run()
        if status:
            raise CommandError("motcua serve đã dừng vì một tiến trình dừng bất ngờ.", returncode=status)
