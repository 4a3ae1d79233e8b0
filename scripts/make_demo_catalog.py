"""Extract the demo catalogue shipped with motcua from the shared national catalogue.

Reads ``../shared/data/tthc/dvcqg_tthc_chitiet_2642.jsonl`` (national portal, see its SOURCE.md: "Nguồn: Cổng
Dịch vụ công quốc gia") and writes ``src/motcua/catalog/data/demo_procedures.jsonl``: a compact real subset of
procedures implemented at provincial or commune level in the fields a one-stop centre sees most (hộ tịch, cư trú,
chứng thực, đất đai, xây dựng, nhà ở, doanh nghiệp, hộ kinh doanh, công chứng, luật sư, biện pháp bảo đảm, …).
Records are copied unchanged, in the same format. Selection is deterministic (lowest codes first within each
quota, plus the procedures listed in ``ALWAYS``), so re-running the script gives the same file.

Usage (from the repository root)::

    .venv/bin/python scripts/make_demo_catalog.py [SOURCE] [TARGET]

The product never reads ../shared at run time: only this script does, when a developer refreshes the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "tthc" / "dvcqg_tthc_chitiet_2642.jsonl"
TARGET = ROOT / "src" / "motcua" / "catalog" / "data" / "demo_procedures.jsonl"

# (lĩnh vực, level) → how many procedures. Level "commune" = implemented at Cấp xã; "province" = at Cấp tỉnh only.
QUOTAS = [
    ("Hộ tịch", "commune", 10),
    ("Đăng ký, quản lý cư trú", "commune", 6),
    ("Chứng thực", "commune", 5),
    ("Đất đai", "province", 6),
    ("Đất đai", "commune", 4),
    ("Hoạt động xây dựng", "province", 4),
    ("Hoạt động xây dựng", "commune", 2),
    ("Nhà ở và công sở", "province", 3),
    ("Nhà ở và công sở", "commune", 2),
    ("Thành lập và hoạt động của doanh nghiệp", "province", 5),
    ("Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)", "commune", 4),
    ("Công chứng", "province", 4),
    ("Luật sư", "province", 3),
    ("Đăng ký biện pháp bảo đảm", "province", 2),
    ("Đăng ký biện pháp bảo đảm", "commune", 1),
    ("Lý lịch tư pháp", "province", 2),
    ("Quốc tịch", "province", 2),
    ("Nuôi con nuôi", "commune", 2),
]
ALWAYS = ["1.004222"]  # Đăng ký thường trú: the demo's reference procedure


def level_of(record: dict) -> str | None:
    levels = record.get("cap_thuc_hien", "")
    if "Cấp xã" in levels:
        return "commune"
    if "Cấp tỉnh" in levels:
        return "province"
    return None


def select(records: list[dict]) -> list[dict]:
    by_code = {r["ma_thu_tuc"]: r for r in records}
    chosen = {code: by_code[code] for code in ALWAYS}
    for field, level, count in QUOTAS:
        pool = sorted(
            (r for r in records if r.get("linh_vuc") == field and level_of(r) == level),
            key=lambda r: r["ma_thu_tuc"],
        )
        already = sum(1 for r in chosen.values() if r.get("linh_vuc") == field and level_of(r) == level)
        for record in pool:
            if already >= count:
                break
            if record["ma_thu_tuc"] not in chosen:
                chosen[record["ma_thu_tuc"]] = record
                already += 1
    return sorted(chosen.values(), key=lambda r: r["ma_thu_tuc"])


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    target = Path(argv[2]) if len(argv) > 2 else TARGET
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = select(records)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    print(f"{len(chosen)} thủ tục → {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
