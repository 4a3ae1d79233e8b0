"""The process log's HMAC key lives in a file outside the database (0600), is never generated silently in
production, and rotates: entries keep the id of the key that signed them, new ones use the current key, and
verification uses each entry's own key."""

from __future__ import annotations

import json
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from motcua.core import logkeys
from motcua.core.apps import check_log_key
from motcua.dossiers.models import Dossier, ProcessLogEntry
from tests.builders.dossiers import act, processing, receive
from tests.commands import run

pytestmark = pytest.mark.django_db


def test_in_development_a_missing_key_file_is_created_readable_by_its_owner_only(settings, tmp_path):
    settings.MOTCUA_LOG_KEY_FILE = tmp_path / "keys" / "log-keys.json"
    settings.MOTCUA_LOG_KEY_CREATE = True
    ring = logkeys.keyring()
    mode = stat.S_IMODE(settings.MOTCUA_LOG_KEY_FILE.stat().st_mode)
    assert mode == 0o600 and ring.current_id == "k1" and len(ring.secrets["k1"]) == 32


def test_in_production_a_missing_key_is_a_hard_error_and_nothing_is_written(
    settings, tmp_path, procedure, officers
):
    settings.MOTCUA_LOG_KEY_FILE = tmp_path / "missing.json"
    settings.MOTCUA_LOG_KEY_CREATE = False
    with pytest.raises(ImproperlyConfigured, match="Thiếu tệp khóa nhật ký xử lý"):
        logkeys.require()
    assert [e.id for e in check_log_key()] == ["motcua.E_LOG_KEY"]
    with pytest.raises(ImproperlyConfigured):
        receive(officers)
    assert not Dossier.objects.exists() and not ProcessLogEntry.objects.exists()
    assert not settings.MOTCUA_LOG_KEY_FILE.exists()  # never generated silently
    code, message = run("verify_dossier_log")
    assert code == 2 and "Thiếu tệp khóa nhật ký xử lý" in message


def test_the_key_is_not_in_the_database(procedure, officers):
    dossier = processing(officers)
    secret = logkeys.keyring().secrets["k1"].hex()
    for entry in ProcessLogEntry.objects.filter(dossier=dossier):
        assert entry.key_id == "k1" and secret not in json.dumps(entry.content())
    assert Dossier.objects.get(pk=dossier.pk).seal.startswith("k1:")


def test_rotation_keeps_old_entries_verifiable_and_signs_new_ones_with_the_new_key(
    settings, tmp_path, procedure, officers
):
    settings.MOTCUA_LOG_KEY_FILE = tmp_path / "log-keys.json"
    assert run("log_key", "init")[0] == 0
    assert stat.S_IMODE(settings.MOTCUA_LOG_KEY_FILE.stat().st_mode) == 0o600
    dossier = processing(officers)
    code, out = run("log_key", "rotate")
    assert code == 0 and "Đã thêm khóa k2" in out
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 14:00", handler="cv.tuphap")
    keys = list(
        ProcessLogEntry.objects.filter(dossier=dossier).order_by("seq").values_list("key_id", flat=True)
    )
    assert keys == ["k1", "k1", "k2"] and dossier.seal.startswith("k2:")
    assert run("verify_dossier_log") == (0, "Đã kiểm tra 1 hồ sơ: nhật ký xử lý toàn vẹn.\n")
    listed = run("log_key", "list")[1].splitlines()
    assert [line.split("\t")[0] for line in listed] == ["k1", "k2"] and listed[1].endswith("đang dùng")
    assert "secret" not in run("log_key", "list")[1]
    # a key removed from the file: what it signed can no longer be verified, and that is said
    raw = json.loads(settings.MOTCUA_LOG_KEY_FILE.read_text())
    raw["keys"] = [k for k in raw["keys"] if k["id"] != "k1"]
    logkeys.write(settings.MOTCUA_LOG_KEY_FILE, raw)
    code, out = run("verify_dossier_log")
    assert code == 1 and "mục 1: ghi bằng khóa “k1” không có trong tệp khóa" in out


def test_init_never_replaces_an_existing_key_file(settings, tmp_path):
    settings.MOTCUA_LOG_KEY_FILE = tmp_path / "log-keys.json"
    assert run("log_key", "init")[0] == 0
    before = settings.MOTCUA_LOG_KEY_FILE.read_bytes()
    code, message = run("log_key", "init")
    assert code == 2 and "đã có" in message and settings.MOTCUA_LOG_KEY_FILE.read_bytes() == before
    assert run("log_key", "init", "--if-missing") == (0, "")  # make migrate: nothing to do
    assert settings.MOTCUA_LOG_KEY_FILE.read_bytes() == before
