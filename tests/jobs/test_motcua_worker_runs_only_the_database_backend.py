"""``motcua worker`` runs the jobs stored in the database; with another backend it refuses, in Vietnamese, and
names what to run instead (``motcua rqworker …`` for Redis) — rather than argparse's English about ``--backend``."""

import pytest
from django.core.management import CommandError, call_command

from tests.builders.jobs import REDIS_TASKS


@pytest.mark.parametrize("backend", ["redis", "eager"])
def test_motcua_worker_refuses_another_backend_in_vietnamese(settings, backend):
    settings.MOTCUA_JOBS_BACKEND = backend
    if backend == "redis":
        settings.TASKS = REDIS_TASKS
    with pytest.raises(CommandError) as refused:
        call_command("worker", batch=True)
    message = str(refused.value)
    assert message.startswith("MOTCUA_JOBS_BACKEND không phải `database`")
    assert (
        "motcua rqworker --job-class django_tasks_rq.Job --with-scheduler default messages reports" in message
    )


def test_the_command_line_gets_the_same_answer(settings, capsys):
    """From the shell, the parser used to reject the default backend before the command could explain."""
    settings.MOTCUA_JOBS_BACKEND = "redis"
    settings.TASKS = REDIS_TASKS
    from motcua.core.management.commands.worker import Command

    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["motcua", "worker", "--batch"])
    assert exited.value.code == 1
    error = capsys.readouterr().err
    assert "MOTCUA_JOBS_BACKEND không phải `database`" in error and "is not a database backend" not in error
