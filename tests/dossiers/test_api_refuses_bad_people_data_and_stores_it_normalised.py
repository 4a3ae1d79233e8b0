"""The dossier API (POST /api/v1/dossiers and /dossiers/batch) refuses bad people's data with a 422 whose ``loc``
names the field and whose ``msg`` is the Vietnamese message of ``core.people`` — never a 500, whatever the bytes
(NUL, Unicode digits, lone surrogates, direction overrides) — and stores nothing; good data is stored normalised."""

import json
import unicodedata

import pytest

from motcua.dossiers.models import Applicant, Dossier
from tests.builders.dossiers import intake

pytestmark = pytest.mark.django_db

GOOD = {"name": "Trần Thị Bình", "id_number": "038190001234", "phone": "0912345678"}

BAD = [
    ("id_number", "038190001²34", "12 chữ số 0–9"),
    ("id_number", "038190001٢34", "12 chữ số 0–9"),
    ("id_number", "０３８１９０００１２３４", "12 chữ số 0–9"),
    ("id_number", "03819000123\x00", "12 chữ số 0–9"),
    ("id_number", "099190001234", "mã tỉnh nơi đăng ký khai sinh"),
    ("id_number", "038590001234", "sau năm hiện tại"),
    ("phone", "0123456789", "di động 10 chữ số"),
    ("phone", "0912345678\x00", "chỉ gồm chữ số 0–9"),
    ("phone", "+1 202 555 0100", "Việt Nam"),
    ("name", "Trần\x00Thị Bình", "ký tự ẩn hoặc ký tự điều khiển"),
    ("name", "Trần \u202eThị Bình", "U+202E"),
    ("name", "Trần\u200bThị Bình", "U+200B"),
    ("name", "<img src=x onerror=alert(1)>", "< hoặc >"),
    ("name", "   ", "Cần nhập họ tên"),
    ("birth_date", "2999-01-01", "sau ngày hôm nay"),
    ("birth_date", "1899-12-31", "01/01/1900"),
    ("birth_date", "1991-05-12", "không khớp với năm sinh 1990"),
    ("address", "Số 1\x00 Lê Lợi", "ký tự ẩn"),
]

NUL_MESSAGE = "ký tự NUL"


@pytest.mark.parametrize(
    ("field", "value", "message"), BAD, ids=[f"{f}-{i}" for i, (f, _v, _m) in enumerate(BAD)]
)
def test_a_bad_value_is_422_naming_the_field_and_nothing_is_stored(api, procedure, field, value, message):
    response = api["counter"].post("/api/v1/dossiers", intake(applicant={**GOOD, field: value}))
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert [item["loc"][-2:] for item in detail] == [["applicant", field]]
    # a NUL byte is refused for every field of every request before the schema (core.middleware), naming the field
    assert (NUL_MESSAGE if "\x00" in value else message) in detail[0]["msg"]
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_a_lone_surrogate_sent_as_json_escape_is_422_not_500(api, procedure):
    body = json.dumps(intake(applicant={**GOOD, "name": "Trần \\ud800 Bình"})).replace("\\\\ud800", "\\ud800")
    assert "\\ud800" in body
    response = api["counter"].client.post(
        "/api/v1/dossiers", body, content_type="application/json", **api["counter"].headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-2:] == ["applicant", "name"]
    assert not Applicant.objects.exists()


def test_an_organisations_code_follows_its_own_rule(api, procedure):
    company = {"kind": "2", "name": "Công ty TNHH Minh Phát", "id_number": "28012345", "phone": "02373851234"}
    response = api["counter"].post("/api/v1/dossiers", intake(applicant=company))
    assert response.status_code == 422
    assert "Mã số doanh nghiệp" in response.json()["detail"][0]["msg"]
    response = api["counter"].post(
        "/api/v1/dossiers", intake(applicant={**company, "id_number": "2801234567"})
    )
    assert response.status_code == 201, response.content


def test_the_representative_and_batch_items_are_checked_the_same_way(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(representative={**GOOD, "phone": "0612345678"}))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-2:] == ["representative", "phone"]
    items = [intake(applicant=GOOD), intake(applicant={**GOOD, "id_number": "038190001２34"})]
    response = api["counter"].post("/api/v1/dossiers/batch", {"items": items})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-4:] == ["items", 1, "applicant", "id_number"]
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_good_values_are_stored_normalised(api, procedure):
    applicant = {
        "name": unicodedata.normalize("NFD", "  Trần   Thị Bình "),
        "id_number": " 038190001234 ",
        "phone": "+84 912.345.678",
        "birth_date": "1990-05-12",
        "address": "Phường\tHạc Thành",
    }
    response = api["counter"].post("/api/v1/dossiers", intake(applicant=applicant))
    assert response.status_code == 201, response.content
    stored = Applicant.objects.get()
    assert (stored.name, stored.id_number, stored.phone, stored.address) == (
        "Trần Thị Bình",
        "038190001234",
        "0912345678",
        "Phường Hạc Thành",
    )
    assert stored.name == unicodedata.normalize("NFC", stored.name)
    assert response.json()["applicant"]["phone"] == "0912345678"
