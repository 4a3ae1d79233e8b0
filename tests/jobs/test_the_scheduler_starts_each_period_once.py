"""``motcua scheduler`` starts each declared periodic job once per period (periods aligned on Vietnam's clock):
a second look in the same period starts nothing, the next period starts it again, a scheduler back from a
long stop starts a missed job once, and two schedulers racing start it once (the compare-and-set on its
``ScheduledRun`` row). The admin's “Việc định kỳ” shows the last run, its outcome and the next run."""

import datetime as dt
import threading
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection

from motcua.core import schedule
from motcua.core.models import ScheduledRun
from tests.builders.jobs import postgres_only, rows, run_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("database_jobs")]

VN = ZoneInfo("Asia/Ho_Chi_Minh")
FIVE_MINUTES = {"motcua.notifications.tasks.sweep_deadlines", "motcua.payments.tasks.expire_payments"}
HOURLY = {"motcua.core.tasks.clear_expired_sessions"}
DAILY = {"motcua.core.tasks.prune_finished_jobs", "motcua.dossiers.tasks.anchor_log_heads"}


def vn(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)


def enqueued() -> list[str]:
    return sorted(rows().values_list("task_path", flat=True))


def test_the_schedule_declares_the_sites_periodic_jobs():
    assert set(schedule.SCHEDULE) == FIVE_MINUTES | HOURLY | DAILY
    assert schedule.SCHEDULE["motcua.core.tasks.prune_finished_jobs"].at == dt.time(2, 30)


def test_each_job_starts_once_per_period():
    assert set(schedule.tick(vn("2026-03-09 09:01"))) == FIVE_MINUTES | HOURLY | DAILY
    assert enqueued() == sorted(FIVE_MINUTES | HOURLY | DAILY)
    run = ScheduledRun.objects.get(name="motcua.payments.tasks.expire_payments")
    assert run.period == vn("2026-03-09 09:00") and run.next_run_at == vn("2026-03-09 09:05")
    assert run.job_id == str(rows(task_path="motcua.payments.tasks.expire_payments").get().pk)

    assert schedule.tick(vn("2026-03-09 09:04:59")) == []  # the same period: nothing
    assert set(schedule.tick(vn("2026-03-09 09:05"))) == FIVE_MINUTES
    assert set(schedule.tick(vn("2026-03-09 10:00:30"))) == FIVE_MINUTES | HOURLY
    assert schedule.tick(vn("2026-03-09 10:02")) == []
    assert rows().count() == 5 + 2 + 3


def test_a_scheduler_back_from_a_stop_runs_a_missed_period_once():
    schedule.tick(vn("2026-03-09 09:01"))
    assert set(schedule.tick(vn("2026-03-09 13:17"))) == FIVE_MINUTES | HOURLY  # 4 hours later: once each
    assert rows(task_path="motcua.core.tasks.clear_expired_sessions").count() == 2
    assert schedule.tick(vn("2026-03-09 09:20")) == []  # a clock behind: never an older period


def test_a_daily_job_runs_at_its_time_in_vietnam():
    daily = schedule.SCHEDULE["motcua.core.tasks.prune_finished_jobs"]
    # 01:00 in Vietnam is 18:00 UTC the day before: the period is still the previous day's 02:30 (Vietnam)
    assert daily.period(vn("2026-03-10 01:00").astimezone(dt.UTC)) == vn("2026-03-09 02:30")
    assert daily.period(vn("2026-03-10 02:30")) == vn("2026-03-10 02:30")
    assert daily.period(vn("2026-03-10 23:59")) == vn("2026-03-10 02:30")

    schedule.tick(vn("2026-03-10 01:00"))
    assert DAILY.isdisjoint(schedule.tick(vn("2026-03-10 02:29:59")))
    assert set(schedule.tick(vn("2026-03-10 02:30"))) >= DAILY
    assert DAILY.isdisjoint(schedule.tick(vn("2026-03-10 23:00")))
    assert ScheduledRun.objects.get(name="motcua.core.tasks.prune_finished_jobs").next_run_at == vn(
        "2026-03-11 02:30"
    )


@postgres_only
def test_two_schedulers_racing_start_each_period_once():
    now = vn("2026-03-09 09:01")
    schedule.tick(vn("2026-03-09 08:00"))  # the rows exist: the race is on the UPDATE
    gate = threading.Barrier(3)
    started, errors = [], []

    def scheduler():
        try:
            gate.wait()
            started.extend(schedule.tick(now))
        except Exception as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(started) == sorted(FIVE_MINUTES | HOURLY)  # each once, among the three
    for name in FIVE_MINUTES | HOURLY:
        assert rows(task_path=name).count() == 2  # 08:00's and 09:00's


def test_motcua_scheduler_once_starts_the_due_jobs():
    out = StringIO()
    call_command("scheduler", once=True, stdout=out)
    assert set(enqueued()) == FIVE_MINUTES | HOURLY | DAILY
    assert "đã khởi chạy Dọn phiên đăng nhập hết hạn" in out.getvalue()
    call_command("scheduler", once=True, stdout=out)
    assert len(enqueued()) == 5


def test_the_admin_shows_each_periodic_jobs_last_run_outcome_and_next_run(client, django_user_model):
    schedule.tick(vn("2026-03-09 09:01"))
    run_worker()
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x" * 12))
    page = client.get("/admin/core/scheduledrun/")
    assert page.status_code == 200
    html = page.content.decode()
    for text in (
        "Việc định kỳ",
        "Dọn phiên đăng nhập hết hạn",
        "hằng ngày lúc 02:30",
        "60 phút một lần",
        "5 phút một lần",
        "Thành công",
        "Lần chạy tới",
        "09/03/2026",
    ):
        assert text in html, text
    assert "Successful" not in html
