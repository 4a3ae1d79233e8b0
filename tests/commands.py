"""Running a management command in a test as an operator would: its exit status and what it printed."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args) -> tuple[int, str]:
    """(exit status, output): 0 and what the command wrote, or its ``CommandError`` status with the output and the
    error's message."""
    out = StringIO()
    try:
        call_command(*args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()
