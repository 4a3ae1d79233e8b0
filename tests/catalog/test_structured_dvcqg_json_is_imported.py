"""The national portal's structured detail JSON imports into the same versions as the flattened export.

The fixture follows the key names and value codes of the portal's public API as read by public client code
found with the code search (no sample ships in ../shared): a Python converter of DVCQG ``raw_procedure.json``
API snapshots (``executionMethods[].submissionMethod`` ONLINE/DIRECT/POSTAL, ``processingTimeUnit``
WORKING_DAY/DAY/HOUR/MONTH/YEAR/OTHER, ``fees[].value/description``, ``executionCases[].profileComponents[]``
with ``originalQty``/``copyQty``/``attachments``, ``categoriesDetails``, ``legalBasisesDetails``,
``resultsDetails``, ``isMinistry``/``isProvince``/``isWard``/``isOtherAgency``, ``isNonTerritorial``), a
JavaScript reviewer of the same API (``isFullProcess``, ``isNonTerritorial``) and a Python test fixture of a
``current_procedure`` lookup (the ``{"code": "OK", "data": …}`` envelope). The search index did not reveal their
repository names. The content is that of 1.004222 in the shared catalogue.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from motcua.catalog.importing import dvcqg_json
from motcua.catalog.importing.loader import import_file
from motcua.catalog.models import Procedure

FIXTURE = Path(__file__).parent / "fixtures" / "dvcqg_detail.json"


def test_structured_record_is_normalised():
    record = dvcqg_json.parse_record(json.loads(FIXTURE.read_text(encoding="utf-8")))
    assert (record.code, record.name, record.field_name) == (
        "1.004222",
        "Đăng ký thường trú",
        "Đăng ký, quản lý cư trú",
    )
    assert record.levels == ["commune"] and record.kind == "standard"
    assert record.online_level == "full" and record.non_boundary == "province"
    assert [(o.channel, o.limit_amount, o.limit_unit) for o in record.channel_options] == [
        ("1", 7, "working_days"),
        ("2", 7, "working_days"),
        ("3", None, ""),
    ]
    assert [f.amount for o in record.channel_options for f in o.fees] == [20000, 10000, None]
    assert [c.name for c in record.cases] == ["Trường hợp chung", "Người chưa thành niên"]
    assert record.cases[0].components[0].form_name == "Mẫu CT01.docx"
    assert record.cases[1].components[0].required is False
    assert [(b.title, b.number) for b in record.legal_bases][0] == ("Luật Cư trú", "68/2020/QH14")
    assert record.results[0].code == "KQ.G01.000064"
    assert {n.field for n in record.review_notes} == {"limit", "fees"}


@pytest.mark.django_db
@pytest.mark.parametrize("shape", ["object", "list", "jsonl"])
def test_structured_file_is_detected_and_imported(tmp_path, shape):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    path = tmp_path / "detail.json"
    if shape == "object":
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    elif shape == "list":
        path.write_text(json.dumps([data["data"]], ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        path.write_text(json.dumps(data["data"], ensure_ascii=False) + "\n", encoding="utf-8")
    summary = import_file(path, valid_from=dt.date(2025, 7, 1))
    assert (summary.created, summary.errors) == (1, [])
    version = Procedure.objects.get(code="1.004222").current_version
    assert version.source == "dvcqg_json"
    assert version.source_url.endswith("019d2bf7-0000-7000-8000-000000004222")
    assert version.cases.count() == 2 and version.channel_options.count() == 3
    assert import_file(path, valid_from=dt.date(2025, 7, 1)).unchanged == 1
