"""The statistics' roll-up is refreshed by a job seconds after each transition commits, so every page and file that
reads it says up to when its figures are complete — “Số liệu đến HH:MM dd/mm/yyyy”, Vietnam time: the moment the
oldest roll-up refresh still waiting for a worker was enqueued, or now when none waits (always now with the eager
backend). Other jobs waiting (notifications, forms) do not make the figures older."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from motcua.core import jobs
from motcua.reports.services import rollup
from tests.builders.reports import finished, processing
from tests.system_tools import run_tool

pytestmark = pytest.mark.django_db

MARCH = "?don_vi={unit}&ky=t3&nam=2026&cach_tinh=calendar&theo=then"
HANOI = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def march(procedure, officers, live):
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
        processing(officers, "2026-03-04 09:15")


@pytest.fixture
def outbox(settings):
    """The database backend: the transitions' jobs wait in the table until a worker runs them."""
    settings.MOTCUA_JOBS_BACKEND = "database"
    settings.TASKS = {
        "default": {
            "BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend",
            "QUEUES": list(jobs.QUEUES),
        }
    }


@pytest.fixture
def waiting(march, outbox, officers):
    """A dossier received with the database backend: its roll-up refresh waits, enqueued three hours ago; the
    other receivers' jobs of the same transitions wait too, enqueued earlier still."""
    processing(officers, "2026-03-26 09:15")
    rows = jobs.pending()
    assert rows.filter(args_kwargs__args__1=rollup.RECEIVER).exists()
    enqueued = (timezone.now() - dt.timedelta(hours=3)).replace(second=0, microsecond=0)
    rows.filter(args_kwargs__args__1=rollup.RECEIVER).update(enqueued_at=enqueued)
    rows.exclude(args_kwargs__args__1=rollup.RECEIVER).update(enqueued_at=enqueued - dt.timedelta(hours=2))
    return enqueued


def stamp(moment: dt.datetime) -> str:
    return f"Số liệu đến {moment.astimezone(HANOI):%H:%M %d/%m/%Y}."


def stamps_around(before: dt.datetime, after: dt.datetime) -> set[str]:
    return {stamp(before), stamp(after)}


def pages(province) -> list[str]:
    unit = province["ubnd"].pk
    return [
        "/bao-cao/" + MARCH.format(unit=unit),
        "/bao-cao/tong-quan/" + MARCH.format(unit=unit),
        "/bao-cao/qua-han/" + MARCH.format(unit=unit),
    ]


def test_with_a_refresh_waiting_every_page_shows_when_it_was_enqueued(
    signed_in, leader, province, waiting, client, tmp_path
):
    officer = signed_in(leader)
    for url in pages(province):
        response = officer.get(url)
        assert response.status_code == 200, url
        assert stamp(waiting) in response.content.decode(), url
    public = client.get("/cong-khai/?nam=2026&thang=3")
    assert stamp(waiting) in public.content.decode()
    unit = client.get(f"/cong-khai/{province['justice'].identifier}/?nam=2026&thang=3")
    assert stamp(waiting) in unit.content.decode()
    sheet = load_workbook(
        io.BytesIO(officer.get("/bao-cao/bieu-06.xlsx" + MARCH.format(unit=province["ubnd"].pk)).content)
    ).active
    assert sheet["D4"].value == stamp(waiting)
    path = tmp_path / "bieu06.pdf"
    path.write_bytes(officer.get("/bao-cao/bieu-06.pdf" + MARCH.format(unit=province["ubnd"].pk)).content)
    text = run_tool(
        "pdftotext",
        str(path),
        "-",
        why="the PDF's text is not checked",
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert stamp(waiting) in text


def test_once_the_worker_has_run_the_refresh_the_pages_show_now(signed_in, leader, province, waiting):
    call_command("worker", batch=True, startup_delay=False)
    assert not jobs.pending().exists()
    officer = signed_in(leader)
    for url in pages(province):
        before = timezone.now()
        page = officer.get(url).content.decode()
        assert any(s in page for s in stamps_around(before, timezone.now())), url
        assert stamp(waiting) not in page


def test_with_the_eager_backend_the_figures_are_always_current(signed_in, leader, province, march):
    before = timezone.now()
    page = signed_in(leader).get("/bao-cao/" + MARCH.format(unit=province["ubnd"].pk)).content.decode()
    assert any(s in page for s in stamps_around(before, timezone.now()))
    assert rollup.current_as_of(before) == before


def test_the_question_costs_one_query_with_the_database_backend(
    signed_in, leader, province, waiting, django_assert_num_queries
):
    now = timezone.now()
    with django_assert_num_queries(1):
        assert rollup.current_as_of(now) == waiting
    DBTaskResult.objects.all().delete()
    with django_assert_num_queries(1):
        assert rollup.current_as_of(now) == now
