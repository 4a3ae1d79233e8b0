"""The system tools some tests need, and the one way tests reach them (a pytest plugin loaded by tests/conftest.py).

``make test`` passes on a machine with only Python and make: a test that needs a tool missing here is skipped
with the Debian package that provides it (``pytest -ra`` lists each skip and its reason at the end of the run).
``.ci/run`` installs every tool, so nothing is skipped there, and sets ``MOTCUA_TEST_TOOLS_REQUIRED=1``: a missing
tool then fails the test instead of skipping it.

Tests call ``require_tool("pdftotext")`` (its path, or the skip) or ``run_tool("pdftotext", …)``; they never call
``shutil.which`` or run a tool by its bare name (tests/test_system_tools_skip_with_the_install_hint.py checks it).
"""

import os
import shutil
import subprocess

import pytest

# tool -> the Debian package that provides it
PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "zbarimg": "zbar-tools",
    "chromium": "chromium",
    "pgbouncer": "pgbouncer",
    "xgettext": "gettext",
}
# tool -> the environment variable naming its executable, looked up before the PATH
OVERRIDES = {"chromium": "MOTCUA_CHROMIUM"}
# tool -> the other names it goes by on the PATH
ALIASES = {"chromium": ("chromium-browser",)}


def _known(name: str) -> None:
    if name not in PACKAGES:
        raise ValueError(f"unknown system tool {name!r}: add it to PACKAGES in tests/system_tools.py")


def find_tool(name: str) -> str | None:
    """The path of ``name`` (its override variable first, then the PATH), or None."""
    _known(name)
    for candidate in (os.environ.get(OVERRIDES.get(name, ""), ""), name, *ALIASES.get(name, ())):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def install_hint(name: str) -> str:
    _known(name)
    hint = f"apt-get install {PACKAGES[name]}"
    if name in OVERRIDES:
        hint += f", or set {OVERRIDES[name]} to its path"
    return hint


def require_tool(name: str, why: str = "") -> str:
    """The path of ``name``; where it is missing, the test is skipped with the install hint (or fails, when
    ``MOTCUA_TEST_TOOLS_REQUIRED`` is set, as in CI)."""
    path = find_tool(name)
    if path is None:
        message = f"{name} is not installed ({install_hint(name)})" + (f": {why}" if why else "")
        if os.environ.get("MOTCUA_TEST_TOOLS_REQUIRED", "") not in ("", "0"):
            pytest.fail(f"{message}; MOTCUA_TEST_TOOLS_REQUIRED is set", pytrace=False)
        _skip(message)
    return path


def _skip(message: str):
    """``pytest.skip``, reported (``-ra``) at the test that needed the tool rather than at this module's line."""
    try:
        skipped = pytest.skip.Exception(message, _use_item_location=True)
    except TypeError:  # a pytest without the option: the reason still names the tool and the hint
        pytest.skip(message)
    raise skipped


def run_tool(name: str, *args: str, why: str = "", **kwargs) -> subprocess.CompletedProcess:
    """``subprocess.run([<name's path>, *args], **kwargs)``, skipping the test where ``name`` is missing."""
    return subprocess.run([require_tool(name, why), *args], **kwargs)


def pytest_report_header(config):
    """One header line: where each tool is, or what installs it (the run's skips follow from it)."""
    found = []
    for name in PACKAGES:
        path = find_tool(name)
        found.append(f"{name}={path}" if path else f"{name}=missing ({install_hint(name)})")
    return "system tools: " + ", ".join(found)
