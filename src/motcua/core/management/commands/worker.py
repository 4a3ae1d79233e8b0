"""``motcua worker``: runs the background jobs of the database backend (``motcua.core.jobs``).

A thin name for django-tasks-db's ``db_worker`` with motcua's rules added: every queue by default; a failed
attempt is retried with back-off and a last failure kept for the administrators (``jobs.run_one``); jobs whose
worker died are put back once their lease has passed (``jobs.reap``, at most every 15 s by each worker). Any number
of workers on any number of machines share the queue (``SELECT … FOR UPDATE SKIP LOCKED``). SIGTERM or Ctrl-C
finishes the current job, then stops.
"""

from __future__ import annotations

import time

from django.core.management.base import CommandError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from motcua.core import jobs

REAP_EVERY = 15.0


class Worker(db_worker.Worker):
    """django-tasks-db's worker loop; each job runs through :func:`motcua.core.jobs.run_one`."""

    _reaped_at = 0.0

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            self.running_task = True
            jobs.run_one(db_task_result, self.worker_id)
        finally:
            self.running_task = False
            self._run_tasks += 1
            self._maybe_reap()

    def run(self) -> None:
        self._maybe_reap()
        super().run()

    def _maybe_reap(self) -> None:
        if time.monotonic() - self._reaped_at >= REAP_EVERY:
            self._reaped_at = time.monotonic()
            put_back = jobs.reap()
            if put_back:
                db_worker.logger.warning("put back %d job(s) whose worker was lost", put_back)


class Command(db_worker.Command):
    help = "Chạy các việc nền (biểu mẫu, số liệu báo cáo, thông báo, tin nhắn cho công dân) — nhiều tiến trình cùng lúc được."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)

    def handle(self, *args, **options):
        if not jobs.uses_database():
            raise CommandError(
                "MOTCUA_JOBS_BACKEND không phải `database`: với `redis` hãy chạy `motcua rqworker default messages "
                "reports`; với `eager` các việc chạy ngay trong tiến trình, không cần worker."
            )
        original = db_worker.Worker
        db_worker.Worker = Worker  # the parent's handle() builds the worker by this name
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
