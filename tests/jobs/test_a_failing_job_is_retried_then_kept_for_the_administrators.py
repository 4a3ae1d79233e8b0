"""A job that raises is tried again later with exponential back-off (READY, ``run_after`` ≈ now + backoff·2^(n−1),
its error kept on the row, one worker id per attempt); after its last attempt it stays FAILED with its traceback,
listed in the admin's “Việc chạy nền”, where “Chạy lại” makes it ready again with a fresh set of attempts."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.builders.jobs import rows, run_worker
from tests.builders.web import in_language, page
from tests.jobs import probe

pytestmark = pytest.mark.usefixtures("probe_tables")


def assert_waits(row, before, seconds):
    """``row.run_after`` is ``seconds`` (±20 %) after the failure, which happened after ``before``."""
    low = before + dt.timedelta(seconds=seconds * 0.8)
    high = timezone.now() + dt.timedelta(seconds=seconds * 1.2)
    assert low <= row.run_after <= high, (row.run_after, low, high)


def come_due():
    """The back-off has passed."""
    rows(status="READY").update(run_after=timezone.now())


def test_a_failing_job_waits_longer_after_each_attempt_then_fails_for_good():
    probe.FAILURES["a"] = 5
    probe.flaky.enqueue("a")  # 3 attempts, back-off 10 s

    before = timezone.now()
    assert run_worker() == 1
    row = rows().get()
    assert row.status == "READY" and len(row.worker_ids) == 1
    assert_waits(row, before, 10)
    assert row.exception_class_path == "tests.jobs.probe.ProbeFailure"
    assert "probe a down" in row.traceback and row.finished_at is None
    assert run_worker() == 0  # not before its time

    come_due()
    before = timezone.now()
    assert run_worker() == 1
    row = rows().get()
    assert row.status == "READY" and len(row.worker_ids) == 2
    assert_waits(row, before, 20)

    come_due()
    assert run_worker() == 1
    row = rows().get()
    assert row.status == "FAILED" and len(row.worker_ids) == 3 and row.finished_at is not None
    assert "ProbeFailure: probe a down" in row.traceback
    assert probe.runs("a") == ["a"] * 3 and probe.effects() == []
    come_due()
    assert run_worker() == 0  # failed for good: no fourth attempt


def test_a_job_that_recovers_succeeds_and_forgets_its_error():
    probe.FAILURES["b"] = 1
    probe.flaky.enqueue("b")
    run_worker()
    come_due()
    run_worker()
    row = rows().get()
    assert row.status == "SUCCESSFUL" and len(row.worker_ids) == 2
    assert row.exception_class_path == "" and row.traceback == ""
    assert probe.effects() == ["b"]


def failed_job(key="c"):
    probe.FAILURES[key] = 3
    probe.flaky.enqueue(key)
    for _ in range(3):
        run_worker()
        come_due()
    return rows().get()


def test_the_administrators_see_the_failed_job_in_vietnamese(client, django_user_model):
    row = failed_job()
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x" * 12))
    page = client.get("/admin/core/job/")
    assert page.status_code == 200
    html = page.content.decode()
    for text in ("Việc chạy nền", "Số lần chạy", "Lỗi gần nhất", "Chạy lại các việc đã thất bại", "Thất bại"):
        assert text in html, text
    assert "flaky" in html and "ProbeFailure: probe c down" in html
    assert ">3<" in html  # its attempts
    for english in ("Failed", "Task name", "Enqueued at", "Queue name"):
        assert english not in html, english
    detail = client.get(f"/admin/core/job/{row.pk}/change/")
    assert detail.status_code == 200 and "probe c down" in detail.content.decode()
    assert (
        "Chi tiết lỗi" in detail.content.decode()
        # the traceback's label
    )


@pytest.mark.usefixtures("back_to_the_default_language")
def test_the_jobs_admin_follows_the_language(client, django_user_model):
    failed_job()
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x" * 12))
    html = page(in_language(client, "en"), "/admin/core/job/")
    for text in ("Background jobs", "Failed", "Attempts", "Last error", "Run the failed jobs again"):
        assert text in html, text
    assert "Thất bại" not in html


def test_run_again_makes_a_failed_job_ready_with_fresh_attempts(client, django_user_model):
    row = failed_job()
    client.force_login(django_user_model.objects.create_superuser("quantri", password="x" * 12))
    answer = client.post(
        "/admin/core/job/", {"action": "retry", "_selected_action": [str(row.pk)]}, follow=True
    )
    assert answer.status_code == 200 and "Đã xếp lại 1 việc để chạy." in answer.content.decode()
    row.refresh_from_db()
    assert row.status == "READY" and row.worker_ids == [] and row.run_after <= timezone.now()
    assert "probe c down" in row.traceback  # the last error stays until the next run

    assert run_worker() == 1  # and it runs: the service it needed is back
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.worker_ids == ["test-worker"] and probe.effects() == ["c"]


def test_only_a_superuser_may_run_jobs_again(client, django_user_model):
    row = failed_job()
    staff = django_user_model.objects.create_user("nhanvien", password="x" * 12, is_staff=True)
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="view_job"))
    client.force_login(staff)
    page = client.get("/admin/core/job/")
    assert page.status_code == 200 and "Chạy lại các việc đã thất bại" not in page.content.decode()
    client.post("/admin/core/job/", {"action": "retry", "_selected_action": [str(row.pk)]})
    row.refresh_from_db()
    assert row.status == "FAILED"
