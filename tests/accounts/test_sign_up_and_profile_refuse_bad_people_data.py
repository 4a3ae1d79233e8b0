"""Sign-up, the citizen's profile and a VNeID identity follow ``core.people``: a bad name, number or phone is a form
error next to its field with what was typed kept, and no account or change is stored; good values are stored
normalised. A declared old 9-digit CMND is still accepted on sign-up (SPEC §7.4)."""

import html as html_lib
import re
import unicodedata

import pytest

from motcua.accounts.models import Citizen
from tests.accounts.test_a_citizen_signs_up_verifies_the_email_and_signs_in import FORM
from tests.accounts.test_a_vneid_answer_that_fails_a_check_creates_nothing import finish
from tests.builders.accounts import make_local, start_sign_in

pytestmark = pytest.mark.django_db


def error_next_to(page: str, name: str) -> tuple[str, str]:
    """(the error shown in the field ``name``'s paragraph, the value the field shows)."""
    paragraph = re.search(rf'<p>\s*<label for="id_{name}">.*?</p>', page, re.S)
    assert paragraph, name
    error = re.search(r'<span class="field-error" role="alert">(.*?)</span>', paragraph.group(0), re.S)
    assert error, f"no error next to {name}"
    value = re.search(r'\bvalue="([^"]*)"', paragraph.group(0))
    return html_lib.unescape(error.group(1)), html_lib.unescape(value.group(1)) if value else ""


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("full_name", "Trần Thị\u200b Bình", "U+200B"),
        ("full_name", "Trần Thị Bình\u202e", "U+202E"),
        ("full_name", "<i>Trần Thị Bình</i>", "không nhập mã HTML"),
        ("phone", "0612 345 678", "di động 10 chữ số"),
        ("phone", "+33 6 12 34 56 78", "Việt Nam"),
        ("id_number", "038190001²34", "12 chữ số 0–9"),
        ("id_number", "12345678٩", "12 chữ số 0–9"),
        ("id_number", "099190001234", "mã tỉnh nơi đăng ký khai sinh"),
    ],
)
def test_sign_up_names_the_bad_field_keeps_what_was_typed_and_creates_nothing(client, field, typed, message):
    response = client.post("/tai-khoan/dang-ky/", {**FORM, field: typed})
    assert response.status_code == 200
    error, shown = error_next_to(response.content.decode(), field)
    assert message in error and shown == typed
    assert not Citizen.objects.exists()


def test_sign_up_stores_normalised_values_and_keeps_an_old_cmnd(client):
    data = {
        **FORM,
        "full_name": unicodedata.normalize("NFD", "Trần Thị Bình"),
        "phone": "+84 912 345 678",
        "id_number": "173456789",
    }
    assert client.post("/tai-khoan/dang-ky/", data).status_code == 302
    citizen = Citizen.objects.get()
    assert (citizen.full_name, citizen.phone, citizen.id_number) == (
        "Trần Thị Bình",
        "0912345678",
        "173456789",
    )


def test_the_profile_refuses_a_bad_phone_or_address_and_changes_nothing(client):
    citizen = make_local(phone="0912345678")
    client.force_login(citizen.user)
    for data, field, message in [
        ({"phone": "0123456789", "address": "Lê Lợi"}, "phone", "di động 10 chữ số"),
        ({"phone": "0912345678", "address": "Lê Lợi <script>"}, "address", "không nhập mã HTML"),
        ({"phone": "0912345678", "address": "Lê\u2066 Lợi"}, "address", "U+2066"),
    ]:
        response = client.post("/tai-khoan/ca-nhan/", {"email": "binh@example.vn", **data})
        assert response.status_code == 200
        error, shown = error_next_to(response.content.decode(), field)
        assert message in error and shown == data[field]
        citizen.refresh_from_db()
        assert (citizen.phone, citizen.address) == ("0912345678", "")
    response = client.post(
        "/tai-khoan/ca-nhan/", {"email": "binh@example.vn", "phone": "091-222-3333", "address": "12  Lê Lợi"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.phone, citizen.address) == ("0912223333", "12 Lê Lợi")


def test_a_vneid_identity_that_breaks_the_rules_creates_no_account(client, fake_idp):
    for claims, reason in [
        ({"id_number": "099095004567"}, "mã tỉnh nơi đăng ký khai sinh"),
        ({"birthdate": "1996-04-30"}, "không khớp với năm sinh 1995"),
        ({"name": "Lê Văn\u202e Hùng"}, "U+202E"),
    ]:
        fake_idp.claims = {
            "name": "Lê Văn Hùng",
            "id_number": "038095004567",
            "birthdate": "1995-04-30",
            **claims,
        }
        response = finish(client, start_sign_in(client, fake_idp))
        assert response.status_code == 400
        assert reason in response.content.decode()
        assert not Citizen.objects.exists()
    fake_idp.claims = {
        "name": unicodedata.normalize("NFD", "Lê  Văn Hùng"),
        "id_number": "038095004567",
        "birthdate": "1995-04-30",
        "phone_number": "+84 987 654 321",
    }
    finish(client, start_sign_in(client, fake_idp))
    citizen = Citizen.objects.get()
    assert (citizen.full_name, citizen.phone) == ("Lê Văn Hùng", "0987654321")
