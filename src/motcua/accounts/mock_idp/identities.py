"""The demo identities the mock provider offers (the applicants of the demo data; valid 12-digit numbers of
Thanh Hóa, code 038)."""

DEMO_IDENTITIES = [
    {"id_number": "038190001234", "name": "Trần Thị Bình", "birthdate": "1990-05-12", "phone": "0912345678"},
    {
        "id_number": "038085002345",
        "name": "Nguyễn Văn Cường",
        "birthdate": "1985-11-03",
        "phone": "0987654321",
    },
    {"id_number": "038302003456", "name": "Lê Thị Dung", "birthdate": "2002-02-28", "phone": "0901234567"},
]
