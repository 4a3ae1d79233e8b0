"""Durable background jobs on Django's Tasks API (the ``django-tasks`` backport on Django 5.2).

A job is a module-level function declared with :func:`job`; ``some_job.enqueue(*args)`` (or :func:`enqueue_many`)
called **inside** the transaction of the change that causes it writes the job's row in that transaction: the row
exists exactly when the change committed (the transactional outbox), and a crash after the commit loses nothing —
the worker finds the row. Arguments are JSON (ids, codes, dicts of them), never model instances.

The backends, chosen by ``MOTCUA_JOBS_BACKEND`` (settings.py builds ``TASKS``):

- ``database`` (production and ``make run``): rows in the table of ``django_tasks_db``; ``motcua worker`` (any
  number of them, on any number of machines) claims ready rows with ``SELECT … FOR UPDATE SKIP LOCKED`` and runs
  them. A failed attempt is retried with exponential back-off (``Policy``); after the last attempt the row stays
  ``FAILED`` with its error for the administrators (admin: “Việc chạy nền”, action “Chạy lại”). A worker killed
  mid-job leaves its row ``RUNNING``; once the job's lease has passed, any worker puts it back (:func:`reap`), so
  the job runs again — which is why every job must be idempotent (running it twice issues one form, counts once,
  sends once).
- ``redis``: the same jobs on RQ (``django-tasks-rq``) for a broker at national scale: a configuration change.
  Redis is not the database's transaction, so a job is pushed only after the commit (``on_commit``); a process that
  dies between the commit and the push loses that push — the repair commands and the periodic jobs put such work
  right. The outbox guarantee is the database backend's.
- ``eager`` (the test suite, scripts): the job runs in this process right after the commit, with the same retry
  policy minus the waiting; a job that still fails is logged and does not turn the committed change into an
  error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from traceback import format_exception

from django.conf import settings
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.base import Task

logger = logging.getLogger("motcua.jobs")

QUEUES = ("default", "messages", "reports")
"""The queues every backend serves. ``messages`` (citizens' e-mail, SMS, Zalo) and ``reports`` (heavy
exports) can be given workers of their own (``motcua worker --queue-name messages``)."""


@dataclass(frozen=True)
class Policy:
    """How a job is retried: ``attempts`` in all; the n-th retry waits ``backoff * 2**(n-1)`` seconds (±20 %); a
    run that has not finished ``lease`` seconds after it started is taken for lost (its worker died) and run
    again."""

    attempts: int
    backoff: float
    lease: int

    def delay(self, attempt: int) -> dt.timedelta:
        """The wait after failed attempt number ``attempt`` (1-based)."""
        seconds = self.backoff * 2 ** (attempt - 1)
        return dt.timedelta(seconds=seconds * random.uniform(0.8, 1.2))


POLICIES: dict[str, Policy] = {}
"""The retry policy of every declared job, by its task path (what the job's row stores)."""


def job(
    *,
    attempts: int | None = None,
    backoff: float | None = None,
    lease: int | None = None,
    queue: str = "default",
    priority: int = 0,
) -> Callable[[Callable], Task]:
    """Declare a module-level function as a durable job (a django-tasks ``Task``) with its retry policy; the
    defaults come from ``MOTCUA_JOB_ATTEMPTS``, ``MOTCUA_JOB_BACKOFF_SECONDS`` and ``MOTCUA_JOB_LEASE_SECONDS``."""
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}: one of {QUEUES}")

    def declare(func: Callable) -> Task:
        declared = task(queue_name=queue, priority=priority)(func)
        POLICIES[declared.module_path] = Policy(
            attempts=attempts if attempts is not None else settings.MOTCUA_JOB_ATTEMPTS,
            backoff=backoff if backoff is not None else settings.MOTCUA_JOB_BACKOFF_SECONDS,
            lease=lease if lease is not None else settings.MOTCUA_JOB_LEASE_SECONDS,
        )
        return declared

    return declare


def policy_of(task_path: str) -> Policy:
    return POLICIES.get(task_path) or Policy(
        settings.MOTCUA_JOB_ATTEMPTS, settings.MOTCUA_JOB_BACKOFF_SECONDS, settings.MOTCUA_JOB_LEASE_SECONDS
    )


def shortest_lease() -> int:
    """The shortest lease of any declared job (and of the default policy): how late :func:`reap` may look."""
    return min([p.lease for p in POLICIES.values()] + [settings.MOTCUA_JOB_LEASE_SECONDS])


def enqueue_many(calls: Sequence[tuple[Task, Sequence, dict]]) -> None:
    """Enqueue several jobs at once — ``(job, args, kwargs)`` each — in one INSERT on the database backend."""
    if not calls:
        return
    many = getattr(task_backends["default"], "enqueue_many", None)
    if many is not None:
        many(calls)
        return
    for declared, args, kwargs in calls:
        declared.enqueue(*args, **kwargs)


# The backends live in ``motcua.core.job_backends`` (settings.TASKS names them).


def run_eagerly(declared: Task, args: list, kwargs: dict) -> None:
    """The eager backend's run: the arguments go through JSON as they would through a job's row (so a test
    catches what a worker could not receive), then the job is tried up to its policy's attempts, without waiting;
    a last failure is logged (the change it follows has committed)."""
    args, kwargs = json.loads(json.dumps(args)), json.loads(json.dumps(kwargs))
    policy = policy_of(declared.module_path)
    for attempt in range(1, policy.attempts + 1):
        try:
            declared.call(*args, **kwargs)
            return
        except Exception as exc:
            if attempt == policy.attempts:
                logger.error(
                    "job %s failed after %d attempts (args %r)",
                    declared.module_path,
                    attempt,
                    args,
                    exc_info=(type(exc), exc, exc.__traceback__),
                )


# --- running, retrying, reaping (the database backend) ------------------------------------------------------------


def run_one(db_result, worker_id: str) -> None:
    """Run a claimed job's row: success is recorded; a failure is retried later (``READY`` with ``run_after``
    moved by the back-off, the error kept on the row) until the last attempt, which leaves it ``FAILED``."""
    from django_tasks.signals import task_finished, task_started

    try:
        declared = db_result.task
        result = db_result.task_result
        backend_type = type(declared.get_backend())
        task_started.send(sender=backend_type, task_result=result)
        value = declared.call(*result.args, **result.kwargs)
        db_result.set_successful(value)
        task_finished.send(sender=backend_type, task_result=db_result.task_result)
    except Exception as exc:
        failed(db_result, exc)


def failed(db_result, exc: BaseException, *, now: dt.datetime | None = None) -> bool:
    """Record a failed attempt; returns True when the job will be tried again."""
    from django_tasks_db.compat import TaskResultStatus

    now = now or timezone.now()
    policy = policy_of(db_result.task_path)
    attempt = max(1, len(db_result.worker_ids))
    db_result.exception_class_path = f"{type(exc).__module__}.{type(exc).__qualname__}"
    db_result.traceback = "".join(format_exception(exc))
    db_result.return_value = None
    again = attempt < policy.attempts
    if again:
        db_result.status = TaskResultStatus.READY
        db_result.run_after = now + policy.delay(attempt)
        db_result.finished_at = None
        logger.warning(
            "job %s (%s) failed, attempt %d of %d; again at %s: %s",
            db_result.task_path,
            db_result.id,
            attempt,
            policy.attempts,
            db_result.run_after.isoformat(),
            exc,
        )
    else:
        db_result.status = TaskResultStatus.FAILED
        db_result.finished_at = now
        logger.error(
            "job %s (%s) failed for good after %d attempts: %s",
            db_result.task_path,
            db_result.id,
            attempt,
            exc,
        )
    db_result.save(
        update_fields=[
            "status",
            "run_after",
            "finished_at",
            "exception_class_path",
            "traceback",
            "return_value",
        ]
    )
    return again


class LostWorker(Exception):
    """A job's run outlived its lease: its worker was killed or lost its connection."""


def reap(now: dt.datetime | None = None) -> int:
    """Put back the jobs whose run has outlived its lease (their worker died), as a failed attempt: retried when
    attempts remain, else ``FAILED``. Safe from any number of workers at once (each row is taken under
    ``SKIP LOCKED`` and only while still ``RUNNING`` since the same start). Returns how many rows it put back."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    now = now or timezone.now()
    shortest = shortest_lease()
    candidates = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - dt.timedelta(seconds=shortest)
    ).values_list("id", "task_path", "started_at")
    reaped = 0
    for pk, path, started in candidates[:500]:
        if started >= now - dt.timedelta(seconds=policy_of(path).lease):
            continue
        # exclusive on SQLite (no row locks there): a second reaper waits, then finds the row no longer RUNNING
        with exclusive_transaction(DBTaskResult.objects.db):
            row = (
                DBTaskResult.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=TaskResultStatus.RUNNING, started_at=started)
                .first()
            )
            if row is None:
                continue
            lost = LostWorker(
                f"no answer from worker {row.worker_ids[-1] if row.worker_ids else '?'} "
                f"{(now - started).total_seconds():.0f} s after it started the job"
            )
            failed(row, lost, now=now)
            reaped += 1
    return reaped


def retry_now(ids: Iterable) -> int:
    """An administrator's “Chạy lại”: the failed jobs ``ids`` become ready now with a fresh set of attempts (their
    last error stays on the row until the next run replaces it)."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(pk__in=list(ids), status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now(), finished_at=None, worker_ids=[]
    )


def pending(task_paths: Iterable[str] | None = None):
    """The jobs not finished yet (ready, waiting for a retry or running), optionally of some jobs only."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING))
    if task_paths is not None:
        rows = rows.filter(task_path__in=list(task_paths))
    return rows


def refresh_connections() -> None:
    """Django's ``close_old_connections`` for the long-running loops (worker, scheduler): drop a connection that
    broke or outlived ``CONN_MAX_AGE``, so the next query reconnects. Never inside a transaction — a loop run by a
    test inside the test's own transaction must keep it (closing there would end the test's transaction)."""
    from django.db import close_old_connections, connections

    if not any(connection.in_atomic_block for connection in connections.all(initialized_only=True)):
        close_old_connections()


def uses_database() -> bool:
    """Whether the default backend stores its jobs in the database (the outbox; ``motcua worker`` runs them)."""
    return settings.MOTCUA_JOBS_BACKEND == "database"
