"""English of the rules for people's data (``core.people``, issue 16 rule 6) — see scripts/fill_en_po.py. “Số định
danh cá nhân” is the “personal identification number”; “chứng minh nhân dân” the “old identity card (CMND)”; “mã số
doanh nghiệp” the “enterprise code”."""

EN = {
    "%(label)s có ký tự ẩn hoặc ký tự điều khiển (ký tự thứ %(position)s, mã U+%(code)s): hãy gõ lại, không dán "
    "từ nơi khác.": "%(label)s contains a hidden or control character (character %(position)s, U+%(code)s): type "
    "it again rather than pasting it.",
    "%(label)s không được có ký tự < hoặc > (không nhập mã HTML).": (
        "%(label)s may not contain < or > (no HTML)."
    ),
    "Họ tên": "Full name",
    "Tên": "Name",
    "Cần nhập họ tên.": "Enter the full name.",
    "Cần nhập tên tổ chức.": "Enter the organisation's name.",
    "Họ tên phải có chữ cái.": "The full name must contain letters.",
    "Tên tổ chức phải có chữ cái.": "The organisation's name must contain letters.",
    "Cần nhập số định danh cá nhân.": "Enter the personal identification number.",
    "Số định danh cá nhân phải gồm đúng 12 chữ số 0–9, không có chữ, dấu cách hay ký tự khác.": (
        "The personal identification number is exactly 12 digits 0–9, with no letters, spaces or other characters."
    ),
    "Số định danh cá nhân không hợp lệ: 3 chữ số đầu (%(code)s) không phải mã tỉnh nơi đăng ký khai sinh.": (
        "Invalid personal identification number: the first 3 digits (%(code)s) are not the code of a province "
        "where a birth is registered."
    ),
    "Số định danh cá nhân không hợp lệ: chữ số thứ 4 đến 6 cho năm sinh %(year)s, sau năm hiện tại.": (
        "Invalid personal identification number: digits 4 to 6 give the year of birth %(year)s, after the "
        "current year."
    ),
    "Số chứng minh nhân dân cũ phải gồm đúng 9 chữ số 0–9.": "An old identity card (CMND) number is exactly 9 "
    "digits 0–9.",
    "Số định danh cá nhân gồm đúng 12 chữ số 0–9 (chứng minh nhân dân cũ: 9 chữ số).": (
        "The personal identification number is exactly 12 digits 0–9 (old identity card, CMND: 9 digits)."
    ),
    "Cần nhập mã số của tổ chức.": "Enter the organisation's code.",
    "Mã số doanh nghiệp (mã số thuế) gồm 10 chữ số 0–9; của chi nhánh, đơn vị phụ thuộc: 10 chữ số, dấu gạch "
    "ngang và 3 chữ số.": "The enterprise code (tax code) is 10 digits 0–9; a branch's or dependent unit's: 10 "
    "digits, a hyphen and 3 digits.",
    "Mã số tổ chức gồm 6 đến 20 chữ cái không dấu, chữ số 0–9 hoặc dấu gạch ngang.": (
        "An organisation's code is 6 to 20 unaccented letters, digits 0–9 or hyphens."
    ),
    "Ngày sinh không được sau ngày hôm nay.": "The date of birth cannot be after today.",
    "Ngày sinh không được trước ngày %(date)s.": "The date of birth cannot be before %(date)s.",
    "Ngày sinh (năm %(birth)s) không khớp với năm sinh %(year)s ghi trong số định danh cá nhân (chữ số thứ 4 "
    "đến 6): hãy kiểm tra lại ngày sinh hoặc số định danh.": "The date of birth (year %(birth)s) does not match "
    "the year of birth %(year)s in the personal identification number (digits 4 to 6): check the date of birth or "
    "the number.",
    "Số điện thoại chỉ gồm chữ số 0–9, có thể có dấu cách, dấu chấm, dấu gạch ngang và +84 ở đầu.": (
        "A phone number is digits 0–9, with optional spaces, dots, hyphens and +84 in front."
    ),
    "Chỉ nhận số điện thoại Việt Nam (+84).": "Only Vietnamese phone numbers (+84) are accepted.",
    "Số điện thoại không đúng dạng số Việt Nam: di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; cố định 11 "
    "chữ số bắt đầu bằng 02 (số 0 đầu có thể viết +84).": "Not a Vietnamese phone number: mobiles are 10 digits "
    "starting 03, 05, 07, 08, 09; landlines 11 digits starting 02 (the leading 0 may be written +84).",
    "Có ký tự rỗng (mã U+0000) trong ô này: hãy gõ lại, không dán từ nơi khác.": (
        "This field contains a null character (U+0000): type it again rather than pasting it."
    ),
}
