"""``motcua worker``: runs the background jobs of the database backend (``motcua.core.jobs``).

A thin name for django-tasks-db's ``db_worker`` with motcua's rules added: every queue by default; a failed
attempt is retried with back-off and a last failure kept for the administrators (``jobs.run_one``); jobs whose
worker died are put back once their lease has passed (``jobs.reap``, by every worker, busy or idle, every
:func:`reap_every` seconds). Any number of workers on any number of machines share the queue
(``SELECT … FOR UPDATE SKIP LOCKED``). SIGTERM or Ctrl-C finishes the current job, then stops.
"""

from __future__ import annotations

import random
import time
from argparse import ArgumentTypeError

from django.core.management.base import CommandError
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from motcua.core import jobs

REAP_EVERY = 15.0


def reap_every() -> float:
    """How often a worker looks for lost jobs: every 15 s, or half the shortest lease when that is shorter (a job
    is put back at most half a lease late)."""
    return min(REAP_EVERY, jobs.shortest_lease() / 2)


class Worker(db_worker.Worker):
    """django-tasks-db's worker with motcua's loop: each job runs through :func:`motcua.core.jobs.run_one`, and
    lost jobs are reaped between jobs and while idle."""

    _reaped_at = float("-inf")

    def run(self) -> None:
        db_worker.logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # workers started together do not poll in step
        while self.running:
            jobs.refresh_connections()
            self._maybe_reap()
            tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
            if not self.process_all_queues:
                tasks = tasks.filter(queue_name__in=self.queue_names)
            if self.excluded_queue_names:
                tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
            claimed, looked = None, True
            try:
                with exclusive_transaction(tasks.db):
                    claimed = tasks.get_locked()
                    if claimed is not None:
                        claimed.claim(self.worker_id)  # RUNNING, started now, this worker's id appended
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                claimed, looked = None, False  # SQLite busy: look again
            if claimed is not None:
                self.run_task(claimed)
            elif self.batch and looked:
                db_worker.logger.info(
                    "No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id
                )
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            jobs.refresh_connections()
            if self.running and claimed is None:
                time.sleep(self.interval)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            self.running_task = True
            jobs.run_one(db_task_result, self.worker_id)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _maybe_reap(self) -> None:
        if time.monotonic() - self._reaped_at >= reap_every():
            self._reaped_at = time.monotonic()
            put_back = jobs.reap()
            if put_back:
                db_worker.logger.warning("put back %d job(s) whose worker was lost", put_back)


def _any_backend(name: str) -> str:
    # db_worker checks at parse time that the backend stores its jobs in the database, in English; handle() says
    # it in Vietnamese, with what to run instead
    return name


class Command(db_worker.Command):
    help = "Chạy các việc nền (biểu mẫu, số liệu báo cáo, thông báo, tin nhắn cho công dân) — nhiều tiến trình cùng lúc được."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False)
        for action in parser._actions:
            if action.dest == "backend_name":
                action.type = _any_backend

    def handle(self, *args, **options):
        if not jobs.uses_database():
            raise CommandError(
                "MOTCUA_JOBS_BACKEND không phải `database`: với `redis` hãy chạy `motcua rqworker --job-class "
                "django_tasks_rq.Job --with-scheduler default messages reports`; với `eager` các việc chạy ngay "
                "trong tiến trình, không cần worker."
            )
        try:
            db_worker.valid_backend_name(options["backend_name"])
        except ArgumentTypeError as exc:
            raise CommandError(str(exc)) from exc
        original = db_worker.Worker
        db_worker.Worker = Worker  # the parent's handle() builds the worker by this name
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
