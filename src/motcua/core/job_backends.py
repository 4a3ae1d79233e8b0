"""The task backends of ``motcua.core.jobs`` (settings.TASKS names one of them by ``MOTCUA_JOBS_BACKEND``)."""

from __future__ import annotations

import functools
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


@functools.cache
def _redis_backend():
    import django_rq
    from django_tasks.signals import task_enqueued
    from django_tasks.utils import get_random_id
    from django_tasks_rq.backend import Job, RQBackend, failed_callback, success_callback
    from rq import Callback, Retry
    from rq.job import JobStatus

    class OnCommitRQBackend(RQBackend):
        """django-tasks-rq's backend, pushing each job only after the commit (Redis is outside the transaction),
        with the job's policy (``motcua.core.jobs``): ``attempts − 1`` retries after ``backoff·2^(n−1)`` seconds
        (RQ schedules them: run the workers ``--with-scheduler``), and the lease as RQ's job timeout."""

        def enqueue(self, task: Task, args, kwargs):
            self.validate_task(task)
            transaction.on_commit(lambda: self.push(task, list(args), dict(kwargs)), robust=True)
            return None

        def push(self, task: Task, args: list, kwargs: dict) -> str:
            from motcua.core.jobs import policy_of

            policy = policy_of(task.module_path)
            retries = policy.attempts - 1
            queue = django_rq.get_queue(task.queue_name, job_class=Job)
            job = queue.create_job(
                task.module_path,
                args=args,
                kwargs=kwargs,
                job_id=get_random_id(),
                status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
                timeout=policy.lease,
                retry=Retry(max=retries, interval=[int(policy.backoff * 2**n) for n in range(retries)])
                if retries
                else None,
                on_failure=Callback(failed_callback),
                on_success=Callback(success_callback),
                meta={"backend_name": self.alias},
            )
            if task.run_after is None:
                queue.enqueue_job(job)
            else:
                queue.schedule_job(job, task.run_after)
            task_enqueued.send(type(self), task_result=job.task_result)
            return job.id

    return OnCommitRQBackend


def __getattr__(name: str):
    # django_tasks_rq imports rq and django_rq: only a site that chose Redis pays for them
    if name == "OnCommitRQBackend":
        return _redis_backend()
    raise AttributeError(name)
