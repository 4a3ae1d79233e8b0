"""The periodic housekeeping of the site itself: finished jobs and expired sessions."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.jobs import job
from motcua.core.schedule import periodic


@periodic(every=dt.timedelta(days=1), at=dt.time(2, 30), label=_("Dọn việc nền đã xong"))
@job()
def prune_finished_jobs() -> int:
    """Delete the successful jobs finished more than ``MOTCUA_JOBS_KEEP_DAYS`` ago (failed ones stay for the
    administrators)."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    before = timezone.now() - dt.timedelta(days=settings.MOTCUA_JOBS_KEEP_DAYS)
    deleted, _rows = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=before
    ).delete()
    return deleted


@periodic(every=dt.timedelta(hours=1), label=_("Dọn phiên đăng nhập hết hạn"))
@job()
def clear_expired_sessions() -> int:
    """Django's ``clearsessions`` for the database sessions: delete the expired ones."""
    from django.contrib.sessions.models import Session

    deleted, _rows = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
