"""The national portal's tables arrive flattened without separators; each cell is recovered from its shape."""

from decimal import Decimal

import pytest

from motcua.catalog.importing.dvcqg_text import (
    parse_components,
    parse_legal_bases,
    parse_methods,
    parse_record,
    parse_results,
)
from motcua.catalog.importing.records import ProcedureRecord


def blank():
    return ProcedureRecord(code="1.000000", name="x")


H = "Hình thức nộpThời gianPhí, lệ phíMô tả"


@pytest.mark.parametrize(
    "text, expected",
    [
        # (channel, amount, unit, [fee amounts], description start) per row — snippets from the shared file
        (
            H
            + "Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Lệ phí đăng ký)Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng",
            [("2", Decimal(7), "working_days", [10000], ""), ("1", Decimal(7), "working_days", [20000], "")],
        ),
        (
            H + "Dịch vụ bưu chính22 Ngày làm việcMiễn phíTrực tiếp22 Ngày làm việcMiễn phí",
            [("3", Decimal(22), "working_days", [0], ""), ("1", Decimal(22), "working_days", [0], "")],
        ),
        (H + "Trực tiếp6 Tháng100 USD(100 USD/thẻ.)", [("1", Decimal(6), "months", [None], "")]),
        (
            H
            + "Trực tuyến30 NgàyMiễn phí(Theo quy định)Nộp hồ sơ trực tuyến: qua Cổng dịch vụ công quốc gia.",
            [("2", Decimal(30), "calendar_days", [0], "Nộp hồ sơ trực tuyến")],
        ),
        (H + "Trực tiếp4 GiờMiễn phí", [("1", Decimal(4), "working_hours", [0], "")]),
        (
            H
            + "Trực tiếp10 Ngày làm việcKhông có thông tin20 ngày làm việc đối với trường hợp cây cần bảo tồn",
            [("1", Decimal(10), "working_days", [], "20 ngày làm việc")],
        ),
        (
            H
            + "Trực tiếp3 Ngày làm việcMiễn phí(Theo Thông tư (số 72/2011) về lệ phí.)Trực tuyến: nộp hồ sơ qua Cổng.",
            [("1", Decimal(3), "working_days", [0], "Trực tuyến: nộp")],
        ),
    ],
)
def test_channel_time_and_fee_cells_are_split(text, expected):
    record = blank()
    options = parse_methods(text, record)
    got = [
        (o.channel, o.limit_amount, o.limit_unit, [f.amount for f in o.fees], o.description[: len(e[4])])
        for o, e in zip(options, expected, strict=True)
    ]
    assert got == expected


def test_unit_less_time_is_kept_and_flagged_or_completed_from_the_same_table():
    record = blank()
    options = parse_methods(H + "Trực tuyến1Miễn phíTrực tiếp1Miễn phí", record)
    assert [o.limit_amount for o in options] == [None, None]
    assert [o.limit_text for o in options] == ["1", "1"]
    assert [n.field for n in record.review_notes] == ["limit", "limit"]

    record = blank()
    options = parse_methods(H + "Trực tiếp5 Ngày làm việcMiễn phíTrực tuyến5Miễn phí", record)
    assert [(o.limit_amount, o.limit_unit) for o in options] == [(5, "working_days"), (5, "working_days")]
    assert any("cần kiểm tra" in n.message for n in record.review_notes)


def test_limit_written_only_in_the_description_is_read_and_flagged():
    record = blank()
    [option] = parse_methods(
        H + "Trực tiếpKhông có thông tinMiễn phí05 ngày làm việc kể từ ngày nhận đủ hồ sơ", record
    )
    assert (option.limit_amount, option.limit_unit) == (5, "working_days")
    assert record.review_notes[0].field == "limit"


def test_components_per_case_with_counts_and_forms():
    text = (
        "Phiếu được tạo lập khi trích xuất thông tin.Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Phiếu thu nhận thông tin căn cước (Mẫu CC01 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)"
        "Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc1 bản chính"
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Giấy tờ chứng minh là người đại diện hợp pháp1 bản chính,1 bản sao"
        "Văn bản xác nhận của cơ quan có thẩm quyền0 bản chính,1 bản sao"
        "01 Tờ khai đề nghị cấp Giấy miễn thị thực (Mẫu NA9).10-Mẫu NA9.docBản chính: 1 Bản sao: 0"
    )
    record = blank()
    cases = parse_components(text, record)
    assert [c.name for c in cases] == ["Phiếu được tạo lập khi trích xuất thông tin.", ""]
    first = cases[0].components[0]
    assert first.name.endswith("của Bộ Công an)")
    assert first.form_name == "Mẫu CC01 Phiếu thu nhận thông tin căn cước.doc"
    assert (first.originals, first.copies) == (1, 0)
    assert [(c.originals, c.copies) for c in cases[1].components] == [(1, 1), (0, 1), (1, 0)]
    assert cases[1].components[2].form_name == "10-Mẫu NA9.doc"
    assert record.review_notes == []


def test_a_count_inside_a_document_name_does_not_split_it():
    text = (
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai hàng hóa nhập khẩu trị giá thấp: 01 bản chính1 bản chính"
        "01 bản sao quyết định thành lập, cho phép thành lập.1 bản chính,1 bản sao"
    )
    cases = parse_components(text, blank())
    assert [c.name for c in cases[0].components] == [
        "Tờ khai hàng hóa nhập khẩu trị giá thấp: 01 bản chính",
        "01 bản sao quyết định thành lập, cho phép thành lập.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại trong công an nhân dân68/2013/TT-BCA"
            "Luật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP",
            [
                ("Hướng dẫn xử lý khiếu nại trong công an nhân dân", "68/2013/TT-BCA"),
                ("Luật Khiếu nại  năm 2011", "02/2011/QH13"),
                ("Nghị định 05/2012/NĐ-CP", "05/2012/NĐ-CP"),
            ],
        ),
        (
            "Tên văn bản pháp lýMã văn bảnNghị quyết về phân cấp66.7/2025/NQ-CPQuyết định của Thủ tướng766/QĐ-TTg"
            "Quy định mẫu văn bản03/2021/TT-BKHĐTLuật Đầu tư61/2020/QH14",
            [
                ("Nghị quyết về phân cấp", "66.7/2025/NQ-CP"),
                ("Quyết định của Thủ tướng", "766/QĐ-TTg"),
                ("Quy định mẫu văn bản", "03/2021/TT-BKHĐT"),
                ("Luật Đầu tư", "61/2020/QH14"),
            ],
        ),
    ],
)
def test_legal_basis_titles_are_split_from_their_numbers(text, expected):
    record = blank()
    assert [(b.title, b.number) for b in parse_legal_bases(text, record)] == expected
    assert record.review_notes == []


def test_results_keep_codes_and_drop_page_junk():
    text = (
        "Giấy chứng nhận đăng ký hộ kinh doanhMã: KQ.G01.000064Văn bản từ chốiMã: 000.00.00.G01-KQ0001"
        "Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh Thanh Hóa"
    )
    record = blank()
    results = parse_results(text, record)
    assert [(r.name, r.code) for r in results] == [
        ("Giấy chứng nhận đăng ký hộ kinh doanh", "KQ.G01.000064"),
        ("Văn bản từ chối", "000.00.00.G01-KQ0001"),
    ]
    assert record.review_notes == []


def test_levels_and_kind_are_mapped_and_raw_kind_kept():
    record = parse_record(
        {
            "ma_thu_tuc": "1.004222",
            "ten_thu_tuc": "Đăng ký thường trú",
            "cap_thuc_hien": "Cấp tỉnh, Cấp xã, Cơ quan khác",
            "loai_thu_tuc": "TTHC không được luật giao cho địa phương quy định",
        }
    )
    assert record.levels == ["province", "commune", "other"]
    assert record.kind == "specific"
    assert record.kind_text == "TTHC không được luật giao cho địa phương quy định"
