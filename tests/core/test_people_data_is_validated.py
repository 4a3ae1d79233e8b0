"""People's data (issue 16, rule 6): ID numbers, phones, names and birth dates follow ``core.people`` — each rule with
good and bad examples, and properties over generated input."""

import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.core import people

TODAY = dt.date(2026, 12, 7)


def refused(check, *args, code: str | None = None, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        check(*args, **kwargs)
    if code is not None:
        assert caught.value.error_list[0].code == code
    return " ".join(caught.value.messages)


# --- số định danh cá nhân -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "year"),
    [
        ("038190001234", 1990),  # Thanh Hóa, female, 1990
        ("001085002345", 1985),  # Hà Nội, male
        ("079302003456", 2002),  # Hồ Chí Minh, female, 2000s
        ("096200000001", 2000),
        (" 038190001234 ", 1990),  # surrounding spaces trimmed
    ],
)
def test_a_well_formed_personal_id_is_accepted(number, year):
    assert people.validate_personal_id(number, TODAY) == number.strip()
    assert people.personal_id_birth_year(number.strip()) == year


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "personal_id_blank"),
        ("03819000123", "personal_id"),  # 11 digits
        ("0381900012345", "personal_id"),
        ("038 190 001 234", "personal_id"),
        ("03819000123a", "personal_id"),
        ("038190001²34", "personal_id"),  # superscript two: str.isdigit() says yes
        ("038190001٢34", "personal_id"),  # Arabic-Indic digit: int() would read it
        ("０３８１９０００１２３４", "personal_id"),  # full-width digits
        ("038190001234\x00", "personal_id"),
        ("000190001234", "personal_id_province"),
        ("003190001234", "personal_id_province"),  # 003 is no province code
        ("097190001234", "personal_id_province"),
        ("999190001234", "personal_id_province"),
        ("038490001234", "personal_id_year"),  # century digit 4: born in 2190
        ("038227001234", "personal_id_year"),  # 2027, after today
    ],
)
def test_a_malformed_personal_id_is_refused(number, code):
    message = refused(people.validate_personal_id, number, TODAY, code=code)
    assert "số định danh cá nhân" in message.lower()


def test_the_province_codes_are_the_63_of_the_circular_kept_as_data():
    codes = people.province_codes()
    assert len(codes) == 63
    assert codes["038"] == "Thanh Hóa" and codes["001"] == "Hà Nội" and codes["096"] == "Cà Mau"
    assert all(len(c) == 3 and people.ascii_digits(c) and 1 <= int(c) <= 96 for c in codes)


@given(
    province=st.sampled_from(sorted(people.data()["id_province_codes"])),
    year=st.integers(1900, TODAY.year),
    female=st.booleans(),
    tail=st.integers(0, 999_999),
)
@settings(max_examples=200, deadline=None)
def test_every_number_built_by_the_structure_is_accepted_and_gives_back_its_year(
    province, year, female, tail
):
    century = (year - 1900) // 100 * 2 + int(female)
    number = f"{province}{century}{year % 100:02d}{tail:06d}"
    assert people.validate_personal_id(number, TODAY) == number
    assert people.personal_id_birth_year(number) == year


@given(st.text(min_size=12, max_size=12))
@settings(max_examples=300, deadline=None)
def test_a_number_with_anything_but_ascii_digits_is_refused(text):
    if people.ascii_digits(text):
        return
    with pytest.raises(ValidationError):
        people.validate_personal_id(text, TODAY)


def test_the_birth_date_must_agree_with_the_year_in_the_id():
    people.check_birth_year("038190001234", dt.date(1990, 5, 12))
    message = refused(
        people.check_birth_year, "038190001234", dt.date(1991, 5, 12), code="birth_year_mismatch"
    )
    assert "1991" in message and "1990" in message
    errors = refused(
        people.check_person, name="Trần Thị Bình", id_number="038190001234", birth_date=dt.date(2090, 1, 1)
    )
    assert "Ngày sinh không được sau ngày hôm nay" in errors


def test_old_cmnd_and_organisation_codes_follow_their_own_rules():
    assert people.validate_declared_id("123456789") == "123456789"  # CMND, on sign-up only
    refused(people.validate_personal_id, "123456789", TODAY, code="personal_id")
    refused(people.validate_declared_id, "12345678٩", code="personal_id")
    assert people.validate_id_number("2801234567", "2") == "2801234567"
    assert people.validate_id_number("0100109106-001", "2") == "0100109106-001"
    refused(people.validate_id_number, "28012345", "2", code="enterprise_code")
    refused(people.validate_id_number, "２８０１２３４５６７", "2", code="enterprise_code")
    assert people.validate_id_number("QHNS-1234567", "3") == "QHNS-1234567"
    refused(people.validate_id_number, "mã số ABC", "4", code="organisation_code")


# --- phones ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0387654321", "0387654321"),
        ("0587654321", "0587654321"),
        ("0787654321", "0787654321"),
        ("0887654321", "0887654321"),
        ("0237 3 720 999", "02373720999"),  # landline, Thanh Hóa
        ("024 3825 1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("", ""),
    ],
)
def test_vietnamese_phones_are_accepted_and_normalised(typed, stored):
    assert people.normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0123456789", "phone"),  # old 11-digit-era prefix, now no mobile
        ("0612345678", "phone"),
        ("091234567", "phone"),  # 9 digits
        ("09123456789", "phone"),
        ("0237372099", "phone"),  # landline one digit short
        ("+1 202 555 0100", "phone_country"),
        ("0912(345)678", "phone_character"),
        ("0912345678 ext 2", "phone_character"),
        ("０９１２３４５６７８", "phone_character"),  # full-width
        ("09123456٧8", "phone_character"),
        ("0912345678\x00", "phone_character"),
        ("09+12345678", "phone_character"),
        ("<script>", "phone_character"),
    ],
)
def test_anything_else_is_refused_as_a_phone(typed, code):
    assert "Số điện thoại" in refused(people.normalise_phone, typed, code=code) or code == "phone_country"


@given(st.text(max_size=25))
@settings(max_examples=300, deadline=None)
def test_a_phone_accepted_is_always_stored_as_10_or_11_ascii_digits(text):
    try:
        phone = people.normalise_phone(text)
    except ValidationError:
        return
    assert phone == "" or (people.ascii_digits(phone) and len(phone) in (10, 11) and phone[0] == "0")


# --- names ----------------------------------------------------------------------------------------------------


def test_names_are_nfc_with_spaces_collapsed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert people.normalise_name(decomposed) == "Nguyễn Thị Ánh"
    assert people.normalise_name("  Trần\t Văn \u00a0 An\n") == "Trần Văn An"
    assert (
        people.normalise_name("Công ty TNHH Sao Mai & Cộng sự", person=False)
        == "Công ty TNHH Sao Mai & Cộng sự"
    )
    assert people.normalise_name("H'Hen Niê") == "H'Hen Niê"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "name_blank"),
        ("   \t ", "name_blank"),
        ("Nguyễn\x00Văn", "hidden_character"),
        ("Nguyễn\x07Văn", "hidden_character"),
        ("Nguyễn\u200bVăn", "hidden_character"),  # zero-width space
        ("Nguyễn\u200dVăn", "hidden_character"),  # zero-width joiner
        ("\ufeffNguyễn Văn", "hidden_character"),  # BOM
        ("Nguyễn \u202enăV", "hidden_character"),  # right-to-left override
        ("Nguyễn \u2066Văn\u2069", "hidden_character"),  # isolates
        ("Nguyễn \u200fVăn", "hidden_character"),  # right-to-left mark
        ("Nguyễn\u2028Văn", "hidden_character"),  # line separator
        ("Nguyễn \ud800", "hidden_character"),  # lone surrogate (from JSON "\ud800")
        ("<b>Nguyễn</b>", "markup"),
        ("Nguyễn <script>alert(1)</script>", "markup"),
        ("Nguyễn ＜Văn＞", "markup"),  # full-width brackets
        ("Nguyễn > Văn", "markup"),
        ("12345", "name_letters"),
        ("...", "name_letters"),
    ],
)
def test_hidden_characters_markup_and_blank_names_are_refused(name, code):
    refused(people.normalise_name, name, code=code)


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_name_accepted_is_nfc_trimmed_and_free_of_hidden_characters_and_brackets(text):
    try:
        name = people.normalise_name(text)
    except ValidationError:
        return
    assert name == unicodedata.normalize("NFC", name) == name.strip() and "  " not in name
    assert not any(unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"} for c in name)
    assert "<" not in name and ">" not in name


# --- birth dates ----------------------------------------------------------------------------------------------


def test_birth_dates_are_not_in_the_future_nor_before_1900():
    assert people.validate_birth_date(dt.date(1900, 1, 1), TODAY) == dt.date(1900, 1, 1)
    assert people.validate_birth_date(TODAY, TODAY) == TODAY
    assert people.validate_birth_date(None, TODAY) is None
    refused(people.validate_birth_date, TODAY + dt.timedelta(days=1), TODAY, code="birth_date_future")
    message = refused(people.validate_birth_date, dt.date(1899, 12, 31), TODAY, code="birth_date_too_early")
    assert "01/01/1900" in message


def test_the_future_is_vietnams_today(settings):
    """Today is the date in Vietnam (UTC+7), not in UTC: just after midnight in Hà Nội, that day is today."""
    from unittest import mock

    from django.utils import timezone

    hanoi_midnight = dt.datetime(2026, 12, 8, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    with mock.patch.object(timezone, "now", return_value=hanoi_midnight):
        assert people.validate_birth_date(dt.date(2026, 12, 8)) == dt.date(2026, 12, 8)
        refused(people.validate_birth_date, dt.date(2026, 12, 9), code="birth_date_future")


# --- a whole person -------------------------------------------------------------------------------------------


def test_check_person_reports_every_field_at_once_and_returns_normalised_values():
    values = people.check_person(
        name=" Trần  Thị Bình ",
        id_number="038190001234",
        birth_date=dt.date(1990, 5, 12),
        phone="+84 912 345 678",
        address="Phường  Hạc Thành",
        today=TODAY,
    )
    assert values == {
        "name": "Trần Thị Bình",
        "id_number": "038190001234",
        "birth_date": dt.date(1990, 5, 12),
        "phone": "0912345678",
        "address": "Phường Hạc Thành",
    }
    with pytest.raises(ValidationError) as caught:
        people.check_person(
            name="A\u202eB", id_number="03819000123", phone="12", address="<i>x</i>", today=TODAY
        )
    assert set(caught.value.message_dict) == {"name", "id_number", "phone", "address"}
