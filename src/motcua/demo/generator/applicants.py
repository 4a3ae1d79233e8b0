"""The applicants of generated dossiers: Vietnamese citizens (name weighted by family, a birth date and the
personal identifier that agrees with it, an address in the province, a mobile phone, sometimes an e-mail) and,
for business procedures, companies. Each is one intake would accept, already in its stored form."""

from __future__ import annotations

import datetime as dt
import random

from motcua.dossiers.choices import ApplicantKind

FAMILY = (
    ("Nguyễn", 31), ("Lê", 16), ("Trần", 9), ("Phạm", 6), ("Hoàng", 4), ("Vũ", 3.5), ("Đỗ", 3), ("Trịnh", 3),
    ("Mai", 2.5), ("Lương", 2), ("Bùi", 2), ("Đặng", 2), ("Ngô", 1.5), ("Hà", 1.5), ("Đinh", 1.5),
    ("Phan", 1.5), ("Dương", 1.2), ("Hồ", 1), ("Võ", 1), ("Tạ", 0.8), ("Cao", 0.8), ("Lò", 0.5),
    ("Quách", 0.5), ("Đào", 0.8), ("Lưu", 0.6),
)  # fmt: skip
MIDDLE_MALE = (
    "Văn",
    "Văn",
    "Văn",
    "Đức",
    "Minh",
    "Hữu",
    "Quang",
    "Xuân",
    "Công",
    "Ngọc",
    "Thành",
    "Đình",
    "Trọng",
)
MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Minh", "Kim", "Thùy")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Kiên",
    "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
    "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Lâm", "Khoa", "Thịnh", "Hiển", "Lực",
)  # fmt: skip
GIVEN_FEMALE = (
    "Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Huyền", "Hương",
    "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm",
    "Thảo", "Thơ", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến", "Nhàn", "Lý", "Xuân",
)  # fmt: skip
PLACES = (
    "phường Hạc Thành", "phường Quảng Phú", "phường Đông Quang", "phường Đông Sơn", "xã Thiệu Hóa",
    "xã Hoằng Hóa", "phường Sầm Sơn",
)  # fmt: skip
STREETS = (
    "Lê Lợi",
    "Trần Phú",
    "Bà Triệu",
    "Lê Hoàn",
    "Quang Trung",
    "Nguyễn Trãi",
    "Hàm Nghi",
    "Phan Chu Trinh",
)
COMPANY_WORDS = ("Thương mại", "Xây dựng", "Dịch vụ", "Vận tải", "Nông sản", "Cơ khí", "Du lịch", "May mặc")
PHONE_PREFIXES = (
    "091",
    "094",
    "088",
    "098",
    "097",
    "096",
    "086",
    "090",
    "093",
    "089",
    "032",
    "033",
    "035",
    "037",
)
PROVINCE_ID = "038"  # Thanh Hóa: the province code of the personal identifier

FAMILY_NAMES = [f for f, _ in FAMILY]
FAMILY_WEIGHTS = [w for _, w in FAMILY]
_ASCII = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
    "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD",
)


def applicant(rng: random.Random, enterprise: bool) -> tuple:
    """(kind, name, id_number, birth_date, address, phone, email) of a new applicant; a company for ~70 % of the
    dossiers of a business procedure (``enterprise``)."""
    family = rng.choices(FAMILY_NAMES, FAMILY_WEIGHTS)[0]
    male = rng.random() < 0.48
    if enterprise and rng.random() < 0.7:
        name = f"Công ty TNHH {rng.choice(COMPANY_WORDS)} {family} {rng.choice(GIVEN_MALE)}"
        id_number = "28" + "".join(rng.choices("0123456789", k=8))
        return (ApplicantKind.ENTERPRISE, name, id_number, None, _address(rng), _phone(rng), "")
    middle = rng.choice(MIDDLE_MALE if male else MIDDLE_FEMALE)
    given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
    name = f"{family} {middle} {given}"
    birth = dt.date(rng.randint(1945, 2007), rng.randint(1, 12), rng.randint(1, 28))
    century = 0 if birth.year < 2000 else 2
    id_number = f"{PROVINCE_ID}{century + (0 if male else 1)}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
    email = ""
    if rng.random() < 0.3:
        email = f"{_ascii(given)}{_ascii(family)}{rng.randrange(100, 9999)}@gmail.com".lower()
    return (ApplicantKind.CITIZEN, name, id_number, birth, _address(rng), _phone(rng), email)


def _address(rng: random.Random) -> str:
    return f"Số {rng.randint(1, 250)} {rng.choice(STREETS)}, {rng.choice(PLACES)}, tỉnh Thanh Hóa"


def _phone(rng: random.Random) -> str:
    return rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}"


def _ascii(text: str) -> str:
    return text.translate(_ASCII)
