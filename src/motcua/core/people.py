"""People's data: the one place that says what a person's (or organisation's) name, identification number, phone
and birth date may be, and how each is normalised before it is stored (issue 16, rule 6).

Every entry point — the ``Applicant`` and ``Citizen`` models (``clean``), the dossier and PAKN API schemas
(``core.people_api``), the counter intake form, the portal e-form, the PAKN form and service, sign-up and the
citizen's profile, the identity a VNeID sign-in brings — calls these functions. Each refusal is a Django
``ValidationError`` with a Vietnamese message and a ``code``; nothing here touches the database.

* **Số định danh cá nhân** (CCCD, Luật Căn cước 2023 Điều 12; structure of Thông tư 59/2021/TT-BCA): exactly 12
  ASCII digits (Unicode digits such as ``²``, ``١`` or full-width ``１`` are refused, not converted): the code of the
  province where the birth was registered (3 digits, the list in ``data/people.json``), the century and sex (0/1:
  1900s, 2/3: 2000s, 4/5: 2100s, …), the last two digits of the year of birth, 6 digits. The year it encodes is
  not in the future, and agrees with the birth date when one is given. An old **CMND** (9 digits) is accepted only
  where SPEC §7.4 keeps it (an identity a citizen declares on sign-up: ``LoaiDinhDanh`` 2). An enterprise's
  **mã số doanh nghiệp / mã số thuế**: 10 digits, or 10 + ``-`` + 3 for a branch; other organisations: 6–20 ASCII
  letters, digits or ``-``.
* **Phones**: Vietnamese numbers only — mobiles 10 digits starting 03, 05, 07, 08, 09; landlines 11 digits
  starting 02; ``+84``/``84`` in front stands for the leading 0; spaces, dots and dashes are dropped. Stored as
  digits only, e.g. ``0912345678``.
* **Names** (and addresses): NFC; control characters, zero-width and direction-override characters refused
  (they hide or reorder what an officer reads); runs of spaces collapsed; ``<`` and ``>`` refused with a message
  (people's data is never markup, and is never silently escaped); at least one letter.
* **Birth dates**: not after today (Vietnam time), not before 01/01/1900.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).parent / "data" / "people.json"
DIGITS = "0123456789"
CITIZEN_KIND = "1"  # LoaiDoiTuong 1 = công dân (``dossiers.choices.ApplicantKind.CITIZEN``)
ENTERPRISE_KIND = "2"  # LoaiDoiTuong 2 = doanh nghiệp
PHONE_SEPARATORS = " .-"
ANGLE_BRACKETS = frozenset("<>＜＞‹›〈〉⟨⟩")  # the ASCII ones and the look-alikes NFKC maps to them
ENTERPRISE_CODE_RE = re.compile(r"[0-9]{10}(-[0-9]{3})?", re.ASCII)
ORGANISATION_CODE_RE = re.compile(r"[0-9A-Za-z\-]{6,20}", re.ASCII)


@cache
def data() -> dict:
    """The lists the rules read (province codes, phone prefixes, earliest birth date): ``data/people.json``."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def province_codes() -> dict[str, str]:
    """Code → province of the birth registration, for the first 3 digits of a số định danh cá nhân."""
    return data()["id_province_codes"]


def earliest_birth_date() -> dt.date:
    return dt.date.fromisoformat(data()["earliest_birth_date"])


def _today() -> dt.date:
    from motcua.core.dated import today

    return today()


def ascii_digits(value: str) -> bool:
    """Only the ASCII digits 0–9 (``str.isdigit`` also takes ``²``, ``١``, ``１``…)."""
    return bool(value) and all(c in DIGITS for c in value)


# --- text (names, addresses) ----------------------------------------------------------------------------------


def _hidden(char: str) -> bool:
    """Control, format (zero-width, bidi embeddings/overrides/isolates, BOM, soft hyphen), line/paragraph
    separators, surrogates, private-use and unassigned characters."""
    return unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def _spacing(char: str) -> bool:
    return char in "\t\n\r" or unicodedata.category(char) == "Zs"


def normalise_text(value, label) -> str:
    """``value`` as NFC with every run of spaces (tabs, line breaks, no-break spaces) made one space and the ends
    trimmed; refuses hidden characters and ``<``/``>``. ``label``: the field's name in messages."""
    text = unicodedata.normalize("NFC", str(value or ""))
    for position, char in enumerate(text, start=1):
        if _spacing(char):
            continue
        if _hidden(char):
            raise ValidationError(
                _(
                    "%(label)s có ký tự ẩn hoặc ký tự điều khiển (ký tự thứ %(position)s, mã U+%(code)s): "
                    "hãy gõ lại, không dán từ nơi khác."
                ),
                code="hidden_character",
                params={"label": label, "position": position, "code": f"{ord(char):04X}"},
            )
        if char in ANGLE_BRACKETS:
            raise ValidationError(
                _("%(label)s không được có ký tự < hoặc > (không nhập mã HTML)."),
                code="markup",
                params={"label": label},
            )
    return " ".join("".join(" " if _spacing(c) else c for c in text).split())


def normalise_name(value, *, person: bool = True) -> str:
    """A name as stored: :func:`normalise_text`, not blank, with at least one letter (``person``: only the messages
    differ between a person and an organisation)."""
    label = _("Họ tên") if person else _("Tên")
    name = normalise_text(value, label)
    if not name:
        raise ValidationError(
            _("Cần nhập họ tên.") if person else _("Cần nhập tên tổ chức."), code="name_blank"
        )
    if not any(unicodedata.category(c)[0] == "L" for c in name):
        raise ValidationError(
            _("Họ tên phải có chữ cái.") if person else _("Tên tổ chức phải có chữ cái."), code="name_letters"
        )
    return name


def normalise_address(value) -> str:
    return normalise_text(value, _("Địa chỉ"))


# --- identification numbers -----------------------------------------------------------------------------------


def personal_id_birth_year(number: str) -> int:
    """The year of birth a (well-formed) số định danh cá nhân encodes: century digit // 2 → 1900s, 2000s, …"""
    return 1900 + 100 * (int(number[3]) // 2) + int(number[4:6])


def validate_personal_id(value, today: dt.date | None = None) -> str:
    """A số định danh cá nhân (12 digits, TT 59/2021 structure); returns it trimmed."""
    number = str(value or "").strip()
    if not number:
        raise ValidationError(_("Cần nhập số định danh cá nhân."), code="personal_id_blank")
    if len(number) != 12 or not ascii_digits(number):
        raise ValidationError(
            _("Số định danh cá nhân phải gồm đúng 12 chữ số 0–9, không có chữ, dấu cách hay ký tự khác."),
            code="personal_id",
        )
    if number[:3] not in province_codes():
        raise ValidationError(
            _(
                "Số định danh cá nhân không hợp lệ: 3 chữ số đầu (%(code)s) không phải mã tỉnh nơi đăng ký "
                "khai sinh."
            ),
            code="personal_id_province",
            params={"code": number[:3]},
        )
    year = personal_id_birth_year(number)
    if year > (today or _today()).year:
        raise ValidationError(
            _(
                "Số định danh cá nhân không hợp lệ: chữ số thứ 4 đến 6 cho năm sinh %(year)s, "
                "sau năm hiện tại."
            ),
            code="personal_id_year",
            params={"year": year},
        )
    return number


def validate_old_id_card(value) -> str:
    """A 9-digit chứng minh nhân dân (CMND), still accepted where SPEC §7.4 keeps it (``LoaiDinhDanh`` 2)."""
    number = str(value or "").strip()
    if len(number) != 9 or not ascii_digits(number):
        raise ValidationError(_("Số chứng minh nhân dân cũ phải gồm đúng 9 chữ số 0–9."), code="old_id_card")
    return number


def validate_declared_id(value, today: dt.date | None = None) -> str:
    """What a citizen may declare on sign-up: a số định danh cá nhân, or an old 9-digit CMND."""
    number = str(value or "").strip()
    if len(number) == 9 and ascii_digits(number):
        return number
    if len(number) != 12 or not ascii_digits(number):
        raise ValidationError(
            _("Số định danh cá nhân gồm đúng 12 chữ số 0–9 (chứng minh nhân dân cũ: 9 chữ số)."),
            code="personal_id",
        )
    return validate_personal_id(number, today)


def validate_organisation_code(value, kind: str = ENTERPRISE_KIND) -> str:
    """An enterprise's mã số doanh nghiệp (= mã số thuế: 10 digits, a branch 10-3); another organisation's code:
    6–20 ASCII letters, digits or ``-``."""
    code = str(value or "").strip()
    if not code:
        raise ValidationError(_("Cần nhập mã số của tổ chức."), code="organisation_code_blank")
    if kind == ENTERPRISE_KIND:
        if not ENTERPRISE_CODE_RE.fullmatch(code):
            raise ValidationError(
                _(
                    "Mã số doanh nghiệp (mã số thuế) gồm 10 chữ số 0–9; của chi nhánh, đơn vị phụ thuộc: "
                    "10 chữ số, dấu gạch ngang và 3 chữ số."
                ),
                code="enterprise_code",
            )
    elif not ORGANISATION_CODE_RE.fullmatch(code):
        raise ValidationError(
            _("Mã số tổ chức gồm 6 đến 20 chữ cái không dấu, chữ số 0–9 hoặc dấu gạch ngang."),
            code="organisation_code",
        )
    return code


def validate_id_number(value, kind: str = CITIZEN_KIND, today: dt.date | None = None) -> str:
    """The number of an applicant of ``kind`` (LoaiDoiTuong): a citizen's số định danh cá nhân, an
    organisation's code."""
    if kind == CITIZEN_KIND:
        return validate_personal_id(value, today)
    return validate_organisation_code(value, kind)


# --- birth dates ----------------------------------------------------------------------------------------------


def validate_birth_date(value: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if value > (today or _today()):
        raise ValidationError(_("Ngày sinh không được sau ngày hôm nay."), code="birth_date_future")
    if value < earliest_birth_date():
        raise ValidationError(
            _("Ngày sinh không được trước ngày %(date)s.") % {"date": f"{earliest_birth_date():%d/%m/%Y}"},
            code="birth_date_too_early",
        )
    return value


def check_birth_year(number: str, birth_date: dt.date | None) -> None:
    """The birth date's year is the year the số định danh cá nhân encodes (both given and well-formed)."""
    if birth_date is None or len(number or "") != 12 or not ascii_digits(number):
        return
    year = personal_id_birth_year(number)
    if birth_date.year != year:
        raise ValidationError(
            _(
                "Ngày sinh (năm %(birth)s) không khớp với năm sinh %(year)s ghi trong số định danh cá nhân "
                "(chữ số thứ 4 đến 6): hãy kiểm tra lại ngày sinh hoặc số định danh."
            ),
            code="birth_year_mismatch",
            params={"birth": birth_date.year, "year": year},
        )


# --- phones ---------------------------------------------------------------------------------------------------


def normalise_phone(value) -> str:
    """A Vietnamese phone number as stored (digits, leading 0), or ``""`` for nothing typed."""
    raw = str(value or "").strip()
    if not raw:
        return ""
    if any(c not in DIGITS and c not in PHONE_SEPARATORS and c != "+" for c in raw) or "+" in raw[1:]:
        raise ValidationError(
            _("Số điện thoại chỉ gồm chữ số 0–9, có thể có dấu cách, dấu chấm, dấu gạch ngang và +84 ở đầu."),
            code="phone_character",
        )
    digits = "".join(c for c in raw if c in DIGITS or c == "+")
    rules = data()
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (
        rules["mobile_digits"] + 1,
        rules["landline_digits"] + 1,
    ):
        digits = "0" + digits[2:]
    elif digits.startswith("+"):
        raise ValidationError(_("Chỉ nhận số điện thoại Việt Nam (+84)."), code="phone_country")
    mobile = len(digits) == rules["mobile_digits"] and digits[:2] in rules["mobile_prefixes"]
    landline = len(digits) == rules["landline_digits"] and digits[:2] in rules["landline_prefixes"]
    if not (mobile or landline):
        raise ValidationError(
            _(
                "Số điện thoại không đúng dạng số Việt Nam: di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; "
                "cố định 11 chữ số bắt đầu bằng 02 (số 0 đầu có thể viết +84)."
            ),
            code="phone",
        )
    return digits


# --- a whole person -------------------------------------------------------------------------------------------


def check_person(
    *,
    kind: str = CITIZEN_KIND,
    name=None,
    id_number=None,
    birth_date: dt.date | None = None,
    phone=None,
    address=None,
    declared_id: bool = False,
    today: dt.date | None = None,
) -> dict:
    """Check and normalise the given fields of one person or organisation (a field left ``None`` is not
    checked); returns ``{field: normalised value}``, or raises one ValidationError keyed by field with every
    problem. ``declared_id``: the number is a citizen's own declaration (sign-up), where a 9-digit CMND is kept;
    an empty number is then allowed."""
    person = kind == CITIZEN_KIND
    values: dict = {}
    errors: dict[str, list] = {}

    def attempt(field: str, check, *args):
        try:
            values[field] = check(*args)
        except ValidationError as exc:
            errors.setdefault(field, []).extend(exc.error_list)

    if name is not None:
        attempt("name", lambda v: normalise_name(v, person=person), name)
    if id_number is not None:
        if declared_id:
            attempt(
                "id_number", lambda v: validate_declared_id(v, today) if str(v).strip() else "", id_number
            )
        else:
            attempt("id_number", lambda v: validate_id_number(v, kind, today), id_number)
    if birth_date is not None:
        attempt("birth_date", lambda v: validate_birth_date(v, today), birth_date)
        if person and "birth_date" not in errors and "id_number" in values:
            attempt("birth_date", lambda v: check_birth_year(values["id_number"], v) or v, birth_date)
    if phone is not None:
        attempt("phone", normalise_phone, phone)
    if address is not None:
        attempt("address", normalise_address, address)
    if errors:
        raise ValidationError(errors)
    return values


# --- Django validators and form fields ------------------------------------------------------------------------


def validate_person_name(value) -> None:
    normalise_name(value, person=True)


def validate_phone(value) -> None:
    normalise_phone(value)


class NameField(forms.CharField):
    """A name, cleaned to its stored form (:func:`normalise_name`); ``person=False`` for an organisation."""

    def __init__(self, *args, person: bool = True, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalise_name(value, person=self.person) if value else value


class PhoneField(forms.CharField):
    """A Vietnamese phone, cleaned to its stored form (:func:`normalise_phone`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")

    def clean(self, value):
        return normalise_phone(super().clean(value))


class AddressField(forms.CharField):
    def clean(self, value):
        return normalise_address(super().clean(value))


class BirthDateField(forms.DateField):
    """A birth date: dd/mm/yyyy, not after today, not before 01/01/1900."""

    def clean(self, value):
        return validate_birth_date(super().clean(value))
