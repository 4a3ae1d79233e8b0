import pytest

from motcua.catalog.search import index_text, parse_query, tokens
from motcua.core.text import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký thường trú", "dang ky thuong tru"),
        ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
        ("đường, Đảo; đá", "duong dao da"),
        ("Giấy phép xây dựng nhà ở riêng lẻ", "giay phep xay dung nha o rieng le"),
        ("Cấp lại Giấy chứng nhận (sổ đỏ)", "cap lai giay chung nhan so do"),
        ("Hộ kinh doanh/cá nhân – kinh doanh", "ho kinh doanh ca nhan kinh doanh"),
        ("  nhiều   khoảng\ttrắng\n", "nhieu khoang trang"),
        ("Mã 1.004222", "ma 1 004222"),
        ("“Trích lục” hộ tịch…", "trich luc ho tich"),
        ("Nghị định 63/2010/NĐ-CP", "nghi dinh 63 2010 nd cp"),
        ("ưu đãi, ơn, ô tô, ă â ê", "uu dai on o to a a e"),
        # Decomposed input (NFD, as some keyboards send it) folds the same as precomposed.
        ("Đa\u0306ng ky\u0301", "dang ky"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_strips_tones_marks_and_punctuation(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "indexed"),
    [
        ("Đăng ký", "dang ki"),
        ("đăng kí", "dang ki"),
        ("lý lịch", "li lich"),
        ("Mỹ Tho, kỳ họp", "mi tho ki hop"),
        ("quy định, giấy, tuy nhiên", "quy dinh giay tuy nhien"),
    ],
)
def test_index_text_makes_y_and_i_spellings_one(text, indexed):
    assert index_text(text) == indexed


def test_query_and_text_fold_to_the_same_tokens():
    assert tokens("dang ki thuong tru") == tokens("Đăng ký thường trú") == tokens("ĐĂNG KÝ THƯỜNG TRÚ")


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("làm giấy khai sinh cho con", ["giay", "khai", "sinh", "con"]),
        ("xin giấy phép xây nhà", ["cap", "giay", "phep", "xay", "dung", "nha", "o"]),
        ("cấp lại sổ đỏ", ["cap", "lai", "giay", "chung", "nhan", "dat"]),
        ("thủ tục", ["thu", "tuc"]),  # only filler: kept rather than searching for nothing
    ],
)
def test_colloquial_words_become_catalogue_words(query, terms):
    assert parse_query(query).texts == terms


def test_a_code_is_recognised_with_or_without_its_dot():
    assert parse_query("1.004222").code == "1.004222"
    assert parse_query("1004222").code == "1.004222"
    assert parse_query("dang ky").code is None
