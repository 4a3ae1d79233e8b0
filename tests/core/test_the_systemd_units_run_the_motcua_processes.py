"""Production runs the three processes of ``motcua.core.processes`` as systemd services (``deploy/systemd/``): each
unit starts exactly one of those commands from the virtualenv, reads the one environment file, the worker is always
restarted, and the README shows the very files of the repository."""

from __future__ import annotations

import configparser
import importlib.util
import shlex
from pathlib import Path

from django.core.management import get_commands

from motcua.core import env as environment
from motcua.core.management.commands.settings_table import declared_table
from motcua.core.processes import PROCESSES

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
ENVIRONMENT_FILE = "/etc/motcua/motcua.env"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def started_command(path: Path) -> tuple[str, ...]:
    """What the unit starts, as typed in a virtualenv: the program's name and its arguments."""
    program, *arguments = shlex.split(unit(path)["Service"]["ExecStart"])
    assert program.startswith("/"), f"{path.name}: systemd needs an absolute path, got {program!r}"
    return (Path(program).name, *arguments)


def test_each_unit_starts_one_of_the_motcua_processes_and_each_process_has_its_unit():
    started = {path.name: started_command(path) for path in sorted(UNITS.glob("*.service"))}
    assert started == {f"motcua-{process.name}.service": process.argv for process in PROCESSES}


def test_the_commands_the_units_start_exist():
    for process in PROCESSES:
        program, *arguments = process.argv
        if program == "motcua":
            assert arguments[0] in get_commands(), f"motcua {arguments[0]} is not a command"
        else:
            assert program == "gunicorn" and importlib.util.find_spec("gunicorn") is not None
            assert arguments == ["-c", "python:motcua.gunicorn_conf"]
            assert importlib.util.find_spec("motcua.gunicorn_conf") is not None


def test_every_unit_reads_the_environment_file_and_the_worker_always_comes_back():
    for path in UNITS.glob("*.service"):
        service = unit(path)["Service"]
        assert service["EnvironmentFile"] == ENVIRONMENT_FILE, path.name
        assert service.get("Restart") in {"always", "on-failure"}, path.name
    assert unit(UNITS / "motcua-worker.service")["Service"]["Restart"] == "always"
    settings = [
        line.split("=", 1)[0] for line in (UNITS / "motcua.env").read_text().splitlines() if "=" in line
    ]
    assert {"SECRET_KEY_FILE", "DATABASE_URL", "ALLOWED_HOSTS", "MOTCUA_PUBLIC_URL"} <= set(settings)
    declared_table()  # every declaration made
    assert not set(settings) - set(environment.env.declared), (
        "motcua.env sets variables settings.py does not read"
    )


def test_the_readme_shows_the_unit_files_of_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted(UNITS.iterdir()):
        assert path.read_text(encoding="utf-8").strip() in readme, (
            f"README.md does not show {path.name} as it is"
        )
