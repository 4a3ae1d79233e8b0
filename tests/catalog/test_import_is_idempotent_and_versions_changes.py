"""Re-importing the same content changes nothing; changed content becomes a new published version."""

import datetime as dt
import json

import pytest

from motcua.catalog.importing.loader import import_file
from motcua.catalog.models import Procedure, ProcedureVersion
from tests.catalog._shared import FULL_FILE, needs_shared

RECORD = {
    "ma_thu_tuc": "1.004222",
    "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/0001",
    "ten_thu_tuc": "Đăng ký thường trú",
    "so_quyet_dinh": "1523/QĐ-BCA-C06",
    "cap_thuc_hien": "Cấp xã",
    "loai_thu_tuc": "TTHC được giao luật quy định chi tiết",
    "linh_vuc": "Đăng ký, quản lý cư trú",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp7 Ngày làm việc20,000 Việt Nam Đồng"
    "(Lệ phí đăng ký cư trú)Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng",
    "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thay đổi thông tin cư trú (Mẫu CT01)1 bản chính",
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Cư trú68/2020/QH14",
    "ket_qua_xu_ly": "Thông báo kết quả đăng ký thường trúMã: KQ.G01.000064Từ khóaKhông có thông tinMô tảKhông có thông tin",
}


def write(tmp_path, *records, name="catalog.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_second_import_of_the_same_file_changes_nothing(tmp_path):
    path = write(tmp_path, RECORD)
    first = import_file(path, valid_from=dt.date(2025, 7, 1))
    assert (first.created, first.updated, first.unchanged) == (1, 0, 0)
    version = Procedure.objects.get(code="1.004222").current_version
    assert version.number == 1 and version.is_published
    assert version.decision_number == "1523/QĐ-BCA-C06"
    assert version.source == "dvcqg_jsonl" and version.raw["ma_thu_tuc"] == "1.004222"
    assert version.channel_options.get(channel="1").fees.get().amount == 20000

    second = import_file(path, valid_from=dt.date(2025, 8, 1))
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    assert ProcedureVersion.objects.count() == 1


@pytest.mark.django_db
def test_changed_content_is_published_as_a_new_version_and_closes_the_old_one(tmp_path):
    import_file(write(tmp_path, RECORD), valid_from=dt.date(2025, 7, 1))
    changed = dict(RECORD, cach_thuc_thuc_hien=RECORD["cach_thuc_thuc_hien"].replace("7 Ngày", "5 Ngày"))
    summary = import_file(write(tmp_path, changed, name="b.jsonl"), valid_from=dt.date(2025, 9, 1))
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 0)
    old, new = ProcedureVersion.objects.order_by("number")
    assert old.valid_to == dt.date(2025, 8, 31)
    assert new.number == 2 and new.valid_from == dt.date(2025, 9, 1)
    assert {o.limit_amount for o in new.channel_options.all()} == {5}
    assert {o.limit_amount for o in old.channel_options.all()} == {7}


@needs_shared
@pytest.mark.django_db(transaction=True)
def test_the_full_national_file_imports_twice_and_the_second_run_changes_nothing():
    first = import_file(FULL_FILE, valid_from=dt.date(2025, 7, 1))
    assert first.errors == []
    assert (first.created, first.updated, first.unchanged) == (2642, 0, 0)
    assert first.with_any_limit / first.records > 0.8
    assert first.with_fees / first.records > 0.95
    second = import_file(FULL_FILE, valid_from=dt.date(2025, 7, 1))
    assert (second.created, second.updated, second.unchanged, len(second.errors)) == (0, 0, 2642, 0)
    assert ProcedureVersion.objects.count() == 2642
