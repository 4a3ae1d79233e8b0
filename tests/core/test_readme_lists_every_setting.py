"""Every environment variable is declared once, in settings.py (or gunicorn_conf.py), through ``motcua.core.env``;
the README's configuration table is generated from those declarations and must be the generated one."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from motcua.core import env as environment
from motcua.core.management.commands.settings_table import declared_table

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "motcua"


def test_the_readme_table_is_the_one_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = declared_table()
    assert environment.readme_with_table(readme, table) == readme, (
        "README.md's settings table differs from settings.py: run `motcua settings_table --write README.md`"
    )


# Settings that are data of the law, not of a deployment: set in settings.py (or a province's settings module that
# imports it), changed with a release, so they have no environment variable.
FIXED = {"MOTCUA_LEGAL_REGIMES": "the legal regimes and form sets by receipt date (SPEC §0.3)"}


def test_every_motcua_setting_the_code_reads_is_declared():
    declared_table()
    read = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("MOTCUA_"):
                read.add(node.attr)
    assert not read - set(environment.env.declared) - set(FIXED), sorted(read - set(environment.env.declared))


def test_no_code_outside_the_settings_reads_the_environment():
    allowed = {
        "settings.py",
        "core/env.py",
        "__main__.py",
        "wsgi.py",
    }  # the last two only name the settings module
    readers = []
    for path in SOURCE.rglob("*.py"):
        name = path.relative_to(SOURCE).as_posix()
        if name in allowed or "/migrations/" in name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv"}:
                readers.append(f"{name}:{node.lineno}")
    assert not readers, readers


@pytest.mark.parametrize(
    ("declare", "value", "message"),
    [
        (lambda e: e.integer("X_LIMIT", 5, "a limit", low=1), "0", "X_LIMIT=0: expected a number in 1–…"),
        (lambda e: e.integer("X_LIMIT", 5, "a limit"), "5 phút", "X_LIMIT='5 phút': expected a whole number"),
        (lambda e: e.integer("X_LIMIT", 5, "a limit"), "²", "X_LIMIT='²': expected a whole number"),
        (lambda e: e.flag("X_ON", False, "a switch"), "có", "X_ON='có': expected 1 or 0"),
    ],
)
def test_a_value_that_cannot_be_used_stops_the_start_naming_the_variable(declare, value, message):
    with pytest.raises(ImproperlyConfigured, match=message.replace("(", r"\(").replace(")", r"\)")):
        declare(environment.Environment({_name(declare): value}))


def _name(declare) -> str:
    """The variable ``declare`` reads (declared on an empty environment first)."""
    probe = environment.Environment({})
    declare(probe)
    return next(iter(probe.declared))


def test_unset_and_empty_values_take_the_default_and_the_declaration_is_kept():
    e = environment.Environment({"X_EMPTY": ""})
    assert e.integer("X_EMPTY", 7, "a number") == 7
    assert e.text("X_TEXT", "mặc định", "a text") == "mặc định"
    assert e.items("X_LIST", "a, ,b", "a list") == ["a", "b"]
    assert e.flag("X_FLAG", True, "a flag") is True
    assert list(e.declared) == ["X_EMPTY", "X_TEXT", "X_LIST", "X_FLAG"]
    assert e.declared["X_TEXT"].row() == "| `X_TEXT` | `mặc định` | a text |"


def test_a_variable_declared_twice_differently_is_refused():
    e = environment.Environment({})
    e.integer("X_LIMIT", 5, "a limit")
    e.integer("X_LIMIT", 5, "a limit")  # the same declaration again (settings read twice) is fine
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        e.integer("X_LIMIT", 6, "a limit")
