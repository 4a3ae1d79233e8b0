"""What the importer cannot structure is kept word for word and listed for a controller's review."""

import datetime as dt

import pytest

from motcua.catalog.importing.loader import import_records
from motcua.catalog.models import Procedure

RECORD = {
    "ma_thu_tuc": "1.007689",
    "ten_thu_tuc": "Khai thuế",
    "cap_thuc_hien": "Cấp tỉnh",
    "linh_vuc": "Thuế",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyếnKhông phải trả kết quả cho người nộp thuế"
    "Miễn phíBằng phương thức điện tửTrực tiếp1Miễn phíTrực tiếp5 Ngày155 USD(155 USD/thẻ)",
    "thanh_phan_ho_so": "Theo quy định tại Điều 7 Thông tư 80/2021/TT-BTC",
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Quản lý thuế38/2019/QH14Thông tư thuế năm hai nghìn",
}


@pytest.mark.django_db
def test_unparsed_cells_are_kept_as_text_and_flagged():
    summary = import_records([RECORD], valid_from=dt.date(2025, 7, 1))
    assert summary.created == 1
    version = Procedure.objects.get(code="1.007689").current_version
    words, unit_less, usd = version.channel_options.order_by("order")
    assert words.limit_amount is None and words.limit_text == "Không phải trả kết quả cho người nộp thuế"
    assert unit_less.limit_amount is None and unit_less.limit_text == "1"
    assert usd.has_limit and usd.fees.get().amount is None and usd.fees.get().text == "155 USD"
    component = version.cases.get().components.get()
    assert component.name == RECORD["thanh_phan_ho_so"]
    assert version.legal_bases.order_by("order").last().title == "Thông tư thuế năm hai nghìn"

    flagged = {note["field"] for note in version.review_notes}
    assert flagged == {"limit", "fees", "cases", "legal_bases"}
    assert all(note["message"] for note in version.review_notes)
    assert any(note["raw"] == "155 USD" for note in version.review_notes)
    assert version.needs_review
    assert summary.review_notes["limit"] == 2 and summary.flagged_records == 1
