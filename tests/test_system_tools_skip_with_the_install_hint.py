"""A test that needs a system tool missing here is skipped with the Debian package to install (or fails, where
``MOTCUA_TEST_TOOLS_REQUIRED`` is set, as in CI); every test reaches the tools through tests/system_tools.py."""

import ast
import stat
from pathlib import Path

import pytest

from tests.system_tools import PACKAGES, find_tool, require_tool, run_tool

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def bare_path(tmp_path, monkeypatch):
    """A PATH of one empty folder (no tool on it), no override, and skipping allowed; ``add(name)`` puts a fake
    executable there."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("MOTCUA_CHROMIUM", raising=False)
    monkeypatch.delenv("MOTCUA_TEST_TOOLS_REQUIRED", raising=False)

    def add(name: str, where: Path = folder) -> Path:
        path = where / name
        path.write_text("#!/bin/sh\necho fake\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return path

    return add


@pytest.mark.parametrize(
    "tool, hint",
    [
        ("pdftotext", "apt-get install poppler-utils"),
        ("pdftoppm", "apt-get install poppler-utils"),
        ("zbarimg", "apt-get install zbar-tools"),
        ("chromium", "apt-get install chromium, or set MOTCUA_CHROMIUM to its path"),
        ("pgbouncer", "apt-get install pgbouncer"),
        ("xgettext", "apt-get install gettext"),
    ],
)
def test_a_missing_tool_skips_with_its_install_hint(bare_path, tool, hint):
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_tool(tool, "cannot read the PDF")
    assert str(skipped.value) == f"{tool} is not installed ({hint}): cannot read the PDF"
    with pytest.raises(pytest.skip.Exception):
        run_tool(tool, "-v")


def test_ci_makes_a_missing_tool_a_failure(bare_path, monkeypatch):
    monkeypatch.setenv("MOTCUA_TEST_TOOLS_REQUIRED", "1")
    with pytest.raises(
        pytest.fail.Exception, match=r"pdftotext is not installed \(apt-get install poppler-utils\)"
    ):
        require_tool("pdftotext")


def test_a_present_tool_is_found_and_run(bare_path):
    fake = bare_path("pdftotext")
    assert require_tool("pdftotext") == str(fake)
    assert run_tool("pdftotext", capture_output=True, text=True).stdout == "fake\n"


def test_chromium_is_found_by_its_override_or_its_other_name(bare_path, tmp_path, monkeypatch):
    elsewhere = tmp_path / "opt"
    elsewhere.mkdir()
    other_name = bare_path("chromium-browser")
    assert find_tool("chromium") == str(other_name)
    override = bare_path("chrome", elsewhere)
    monkeypatch.setenv("MOTCUA_CHROMIUM", str(override))
    assert find_tool("chromium") == str(override)


def test_an_unknown_tool_is_a_mistake_not_a_skip():
    with pytest.raises(ValueError, match="add it to PACKAGES"):
        require_tool("pdfinfo")


def _bypasses(path: Path) -> list[str]:
    """Calls in ``path`` that reach a system tool without the helper: ``shutil.which(…)``, or a subprocess call
    whose command starts with a tool's bare name."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        if name == "which":
            found.append(f"{path.relative_to(TESTS)}:{node.lineno}: shutil.which")
        elif name in {"run", "Popen", "call", "check_call", "check_output"} and node.args:
            command = node.args[0]
            first = command.elts[0] if isinstance(command, ast.List | ast.Tuple) and command.elts else command
            if isinstance(first, ast.Constant) and str(first.value).split(" ")[0] in PACKAGES:
                found.append(f"{path.relative_to(TESTS)}:{node.lineno}: runs {first.value!r}")
    return found


def test_every_test_reaches_the_tools_through_the_helper():
    helper = TESTS / "system_tools.py"
    bypasses = [hit for path in sorted(TESTS.rglob("*.py")) if path != helper for hit in _bypasses(path)]
    assert bypasses == [], "use tests/system_tools.py (require_tool / run_tool):\n" + "\n".join(bypasses)
