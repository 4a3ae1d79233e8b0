"""Entries written before the key existed keep their plain sha256 chain (history is not rewritten). Until sealed,
their dossier is reported as not sealed; ``motcua seal_process_log`` checks each legacy chain and seals only the
intact ones under the key (their row's MAC), logs the run and takes the anchor at that moment; after that a change to
a legacy entry is detected, and the dossier's next entries are keyed."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.db import connection

from motcua.dossiers.models import Dossier, LogAnchor, ProcessLogEntry
from tests.builders.dossiers import act, processing
from tests.commands import run

pytestmark = pytest.mark.django_db


def as_before_the_key(dossier) -> None:
    """Rewrite the dossier as the code before the keyed log wrote it: sha256 chain, no key id, no row seal."""
    prev = "0" * 64
    with connection.cursor() as cursor:
        for entry in ProcessLogEntry.objects.filter(dossier=dossier).order_by("seq"):
            canonical = json.dumps(entry.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            digest = hashlib.sha256((prev + canonical).encode()).hexdigest()
            cursor.execute(
                "UPDATE dossiers_processlogentry SET prev_hash = %s, hash = %s, key_id = '' WHERE id = %s",
                [prev, digest, entry.pk],
            )
            prev = digest
        cursor.execute(
            "UPDATE dossiers_dossier SET log_head = %s, seal = '' WHERE id = %s", [prev, dossier.pk]
        )


def test_legacy_chains_are_checked_then_sealed_and_stay_verifiable(procedure, officers, caplog):
    intact, damaged = processing(officers), processing(officers)
    as_before_the_key(intact)
    as_before_the_key(damaged)
    ProcessLogEntry.objects.filter(dossier=damaged, seq=1).update(note="sửa trước khi niêm phong")
    code, out = run("verify_dossier_log")
    assert code == 1 and out.count("bản ghi hồ sơ chưa được niêm phong bằng khóa") == 2

    code, out = run("seal_process_log")
    assert code == 1
    assert out.startswith("Đã niêm phong 1 hồ sơ; mốc ngày ")
    assert f"Hồ sơ {damaged.code}: mục 1: nội dung đã bị sửa sau khi ghi" in out
    assert "1 hồ sơ không được niêm phong vì nhật ký đã không toàn vẹn." in out
    assert "Legacy process logs sealed under the log key: 1 dossiers, 1 refused" in caplog.text
    assert LogAnchor.objects.count() == 1  # the anchor taken at that moment
    assert Dossier.objects.get(pk=damaged.pk).seal == ""  # never sealed over a damaged chain
    assert list(ProcessLogEntry.objects.filter(dossier=intact).values_list("key_id", flat=True)) == ["", ""]

    code, out = run("verify_dossier_log", intact.code)
    assert code == 0
    # the next transition is keyed and chains onto the legacy head
    intact = act(intact, "assign", officers["dept"], "2026-03-09 14:00", handler="cv.tuphap")
    keys = list(
        ProcessLogEntry.objects.filter(dossier=intact).order_by("seq").values_list("key_id", flat=True)
    )
    assert keys == ["", "", "k1"] and run("verify_dossier_log", intact.code)[0] == 0
    # a legacy entry edited after the seal, its sha256 chain recomputed: the keyed entry no longer follows
    ProcessLogEntry.objects.filter(dossier=intact, seq=2).update(note="sửa sau khi niêm phong")
    code, out = run("verify_dossier_log", intact.code)
    assert code == 1 and "mục 2: nội dung đã bị sửa sau khi ghi" in out


def test_a_legacy_chain_rewritten_whole_after_the_seal_breaks_the_row_seal(procedure, officers):
    dossier = processing(officers)
    as_before_the_key(dossier)
    assert run("seal_process_log")[0] == 0
    ProcessLogEntry.objects.filter(dossier=dossier, seq=2).update(note="viết lại")
    as_before_the_key_keeping_seal = Dossier.objects.get(pk=dossier.pk).seal
    as_before_the_key(dossier)  # the attacker recomputes the sha256 chain and the head …
    Dossier.objects.filter(pk=dossier.pk).update(seal=as_before_the_key_keeping_seal)  # … and keeps the seal
    code, out = run("verify_dossier_log", dossier.code)
    assert code == 1 and "mã xác thực không khớp" in out
