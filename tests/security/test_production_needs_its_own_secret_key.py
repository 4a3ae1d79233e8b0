"""With ``DEBUG`` off (production) the settings refuse to start without ``SECRET_KEY`` or ``SECRET_KEY_FILE``: a
key made up on the spot would differ between servers and change with a lost data folder, silently voiding every
session and signed link. Development (``DEBUG`` on) and the test run keep the generated key of the data folder;
``make run`` makes the demo's key file itself."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTEST_VERSION", "SECRET_KEY", "SECRET_KEY_FILE", "DEBUG", "MOTCUA_CACHE_URL"}
    }
    base.update(PYTHONPATH=str(ROOT / "src"), MOTCUA_DATA_DIR=str(tmp_path / "var"), **env)
    return subprocess.run(
        [sys.executable, "-c", "from motcua import settings; print(settings.SECRET_KEY)"],
        env=base, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_no_key_with_debug_off_is_a_hard_error_and_nothing_is_generated(tmp_path):
    done = start(tmp_path)
    assert done.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in done.stderr and "SECRET_KEY_FILE" in done.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_the_key_from_the_environment_or_a_file(tmp_path):
    assert start(tmp_path, SECRET_KEY="k" * 50).stdout.strip() == "k" * 50
    key_file = tmp_path / "key"
    key_file.write_text("tu-tep-" + "x" * 40 + "\n")
    assert start(tmp_path, SECRET_KEY_FILE=str(key_file)).stdout.strip() == "tu-tep-" + "x" * 40


def test_an_unreadable_or_empty_key_file_is_a_hard_error(tmp_path):
    done = start(tmp_path, SECRET_KEY_FILE=str(tmp_path / "khong-co"))
    assert done.returncode != 0 and "cannot be read" in done.stderr
    (tmp_path / "empty").write_text("\n")
    done = start(tmp_path, SECRET_KEY_FILE=str(tmp_path / "empty"))
    assert done.returncode != 0 and "is empty" in done.stderr


def test_development_keeps_a_generated_key(tmp_path):
    first = start(tmp_path, DEBUG="1")
    assert first.returncode == 0, first.stderr
    assert start(tmp_path, DEBUG="1").stdout == first.stdout
    assert (tmp_path / "var" / "secret_key").read_text().strip() == first.stdout.strip()


def test_make_gives_the_demo_a_key_file():
    makefile = (ROOT / "Makefile").read_text()
    assert "export SECRET_KEY_FILE ?= $(abspath $(KEY_FILE))" in makefile
    assert "migrate: install $(KEY_FILE)" in makefile
