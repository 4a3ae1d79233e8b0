"""The shared catalogue (2,642 procedures of the Cổng Dịch vụ công quốc gia) loaded once for search tests.

The real importer (``motcua.catalog.importing.loader.import_file``) is used when present; until then a minimal
stand-in loads names, fields, levels and the text fields straight into published versions.
"""

import datetime as dt
import json
from pathlib import Path

from django.utils.text import slugify

SHARED_FILE = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "tthc" / "dvcqg_tthc_chitiet_2642.jsonl"
).resolve()

LEVELS = {
    "Cấp bộ": "ministry",
    "Cấp tỉnh": "province",
    "Cấp huyện": "district",
    "Cấp xã": "commune",
    "Cơ quan khác": "other",
}


def load_catalogue(path: Path = SHARED_FILE) -> str:
    """Import ``path`` and index it; returns which importer was used."""
    from motcua.catalog import search

    try:
        from motcua.catalog.importing.loader import import_file
    except ImportError:
        import_file = None
    if import_file is not None:
        with search.deferred_reindex():
            import_file(path)
        search.reindex()
        return "loader"
    _stand_in_import(path)
    search.reindex()
    return "stand-in"


def _stand_in_import(path: Path) -> None:
    from motcua.catalog.choices import VersionState
    from motcua.catalog.models import (
        CaseComponent,
        Procedure,
        ProcedureCase,
        ProcedureField,
        ProcedureVersion,
        ResultDocument,
    )

    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    fields = {}
    for r in records:
        name = r["linh_vuc"].strip() or "Khác"
        if name not in fields:
            fields[name] = ProcedureField(name=name, slug=f"{slugify(name)[:200]}-{len(fields)}")
    ProcedureField.objects.bulk_create(fields.values())
    fields = {f.name: f for f in ProcedureField.objects.all()}
    procedures = Procedure.objects.bulk_create([Procedure(code=r["ma_thu_tuc"]) for r in records])
    versions = ProcedureVersion.objects.bulk_create(
        [
            ProcedureVersion(
                procedure=p,
                number=1,
                state=VersionState.PUBLISHED,
                valid_from=dt.date(2025, 7, 1),
                name=r["ten_thu_tuc"],
                field=fields[r["linh_vuc"].strip() or "Khác"],
                levels=[LEVELS[x.strip()] for x in r["cap_thuc_hien"].split(",") if x.strip() in LEVELS],
                subjects=r["doi_tuong_thuc_hien"],
                competent_agency=r["co_quan_co_tham_quyen"],
                implementing_agency=r["co_quan_thuc_hien"],
                steps=r["trinh_tu_thuc_hien"],
                requirements=r["yeu_cau_dieu_kien"],
                decision_number=r["so_quyet_dinh"][:100],
            )
            for p, r in zip(procedures, records, strict=True)
        ]
    )
    cases = ProcedureCase.objects.bulk_create([ProcedureCase(version=v) for v in versions])
    CaseComponent.objects.bulk_create(
        [
            CaseComponent(case=c, name=r["thanh_phan_ho_so"][:3000] or "—")
            for c, r in zip(cases, records, strict=True)
        ]
    )
    ResultDocument.objects.bulk_create(
        [
            ResultDocument(version=v, name=r["ket_qua_xu_ly"][:1000])
            for v, r in zip(versions, records, strict=True)
        ]
    )
    for p, v in zip(procedures, versions, strict=True):
        p.current_version = v
    Procedure.objects.bulk_update(procedures, ["current_version"])
