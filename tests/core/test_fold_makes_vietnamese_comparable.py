"""core.text is the one place where Vietnamese diacritics are folded for search, comparison and order."""

import pytest

from motcua.core.text import fold, sort_key, strip_marks


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("  CẤP   lại—giấy phép!! ", "cap lai giay phep"),
        ("Sở Tư pháp (Đắk Lắk)", "so tu phap dak lak"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_gives_lowercase_ascii_words(text, folded):
    assert fold(text) == folded


def test_strip_marks_keeps_case_and_punctuation():
    assert strip_marks("Đắk Lắk – Buôn Ma Thuột") == "Dak Lak – Buon Ma Thuot"
    assert strip_marks(None) == ""


def test_the_same_words_typed_without_marks_fold_alike():
    assert fold("Giấy chứng nhận quyền sử dụng đất") == fold("giay chung nhan quyen su dung dat")


def test_sort_key_puts_d_before_dd_and_ignores_tones_first():
    names = ["Đông Hòa", "Dương Minh Châu", "An Phú", "Ấp Bắc", "Duy Xuyên"]
    assert sorted(names, key=sort_key) == ["An Phú", "Ấp Bắc", "Dương Minh Châu", "Duy Xuyên", "Đông Hòa"]
