"""The heads of every process log are anchored once a day outside the database (a MAC'd, chained digest file, its
row in the database, a copy in the object store when configured) and printable for the inspectors."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from motcua.dossiers.models import LogAnchor
from motcua.dossiers.services import anchors
from tests.builders.documents import flat, pdf_text
from tests.builders.dossiers import at, processing
from tests.commands import run

pytestmark = pytest.mark.django_db


def test_one_anchor_a_day_chained_to_the_previous_one(settings, procedure, officers):
    first, second = processing(officers), processing(officers)
    day1 = anchors.write_anchor(now=at("2026-03-10 18:00"))
    again = anchors.write_anchor(now=at("2026-03-10 20:00"))
    assert day1.created and not again.created and again.digest == day1.digest
    assert LogAnchor.objects.count() == 1
    day2 = anchors.write_anchor(now=at("2026-03-11 18:00"))
    assert day2.digest["prev_mac"] == day1.digest["mac"] and day1.digest["prev_mac"] == ""
    assert (day2.digest["dossiers"], day2.digest["entries"]) == (2, 4)
    folder = Path(settings.MOTCUA_LOG_ANCHOR_DIR)
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-03-10.heads.gz", "2026-03-10.json", "2026-03-11.heads.gz", "2026-03-11.json",
    ]  # fmt: skip
    lines = [line.decode().split() for line in anchors.heads_lines(dt.date(2026, 3, 11))]
    assert [(int(i), int(v), h, c) for i, v, h, c in lines] == [
        (d.pk, 2, d.log_head[:32], d.code) for d in (first, second)
    ]
    assert run("verify_dossier_log")[0] == 0


def test_the_command_is_idempotent_per_day_and_prints_the_digest(procedure, officers):
    processing(officers)
    code, out = run("anchor_log_heads")
    digest = anchors.read_digest(anchors.digest_days()[-1])
    assert code == 0 and f"Mã băm gốc (SHA-256 của danh sách đầu chuỗi): {digest['root']}" in out
    code, out = run("anchor_log_heads")
    assert code == 0 and out.startswith(f"Mốc ngày {digest['day']} đã lập trước đó; không lập lại.")
    assert LogAnchor.objects.count() == 1
    assert digest["root"] in run("anchor_log_heads", "--print")[1]
    assert run("anchor_log_heads", "--print", "--day", "1999-01-01")[0] == 2
    assert run("anchor_log_heads", "--print", "--day", "hôm qua")[0] == 2


def test_the_digest_prints_on_a_page_for_the_inspectors(tmp_path, procedure, officers):
    processing(officers)
    run("anchor_log_heads")
    output = tmp_path / "moc.pdf"
    code, out = run("print_log_anchor", str(output))
    assert code == 0 and output.read_bytes().startswith(b"%PDF") and "mã băm gốc" in out
    text = flat(pdf_text(output.read_bytes(), tmp_path))
    root = anchors.read_digest(anchors.digest_days()[-1])["root"]
    assert "MỐC NIÊM PHONG NHẬT KÝ XỬ LÝ HỒ SƠ" in text and root in text.replace(" ", "")
    assert re.search(
        r"Ngày: \d{2}/\d{2}/\d{4}", text
    )  # dates as Vietnamese officials write them, times in Vietnam
    assert "(giờ Việt Nam)" in text


def test_a_copy_goes_to_the_object_store_and_is_checked(settings, procedure, officers):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    processing(officers)
    digest = anchors.write_anchor(now=at("2026-03-10 18:00")).digest
    with default_storage.open("anchors/2026-03-10.json") as copy:
        assert json.loads(copy.read())["mac"] == digest["mac"]
    assert default_storage.exists("anchors/2026-03-10.heads.gz")
    assert run("verify_dossier_log")[0] == 0
    default_storage.delete("anchors/2026-03-10.json")
    code, out = run("verify_dossier_log")
    assert code == 1 and "không có bản lưu trên kho đối tượng" in out
