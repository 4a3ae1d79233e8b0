"""The task backends of ``motcua.core.jobs`` (settings.TASKS names one of them by ``MOTCUA_JOBS_BACKEND``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend


class OutboxDatabaseBackend(DatabaseBackend):
    """django-tasks-db's backend, plus :meth:`enqueue_many`: the jobs of a transaction in one INSERT."""

    def enqueue_many(self, calls: Sequence[tuple[Task, Sequence, dict]]) -> None:
        from django_tasks_db.compat import normalize_json
        from django_tasks_db.models import DBTaskResult, get_date_max

        rows = []
        for declared, args, kwargs in calls:
            self.validate_task(declared)
            rows.append(
                DBTaskResult(
                    id=self._get_id(),
                    args_kwargs=normalize_json({"args": list(args), "kwargs": dict(kwargs)}),
                    priority=declared.priority,
                    task_path=declared.module_path,
                    queue_name=declared.queue_name,
                    run_after=declared.run_after or get_date_max(),
                    backend_name=self.alias,
                )
            )
        DBTaskResult.objects.bulk_create(rows)


class EagerBackend(BaseTaskBackend):
    """Runs each job in this process after the commit of the transaction that enqueued it (at once outside a
    transaction), with the job's retry policy but no waiting. For the test suite and one-off scripts, never for a
    site: nothing is stored, so a crash loses the work."""

    supports_defer = True
    supports_priority = True

    def enqueue(self, task: Task, args, kwargs):
        from motcua.core.jobs import run_eagerly

        self.validate_task(task)
        run = lambda: run_eagerly(task, list(args), dict(kwargs))  # noqa: E731
        if _outside_the_applications_transactions():
            run()
        else:
            transaction.on_commit(run, robust=True)
        return None


def _outside_the_applications_transactions() -> bool:
    """True in autocommit, and in a test whose only open transactions are the test case's own (Django marks them
    ``_from_testcase``; they never commit): there the job runs at once, as it would right after an autocommit
    write in production. Inside a transaction of the application it waits for that transaction's commit."""
    connection = transaction.get_connection()
    return not connection.in_atomic_block or all(
        getattr(block, "_from_testcase", False) for block in connection.atomic_blocks
    )


def _redis_backend():
    from django_tasks_rq.backend import RQBackend

    class OnCommitRQBackend(RQBackend):
        """django-tasks-rq's backend, pushing each job only after the commit (Redis is outside the
        transaction)."""

        def enqueue(self, task: Task, args, kwargs):
            self.validate_task(task)
            transaction.on_commit(lambda: RQBackend.enqueue(self, task, args, kwargs), robust=True)
            return None

    return OnCommitRQBackend


def __getattr__(name: str):
    # django_tasks_rq imports rq and django_rq: only a site that chose Redis pays for them
    if name == "OnCommitRQBackend":
        return _redis_backend()
    raise AttributeError(name)
