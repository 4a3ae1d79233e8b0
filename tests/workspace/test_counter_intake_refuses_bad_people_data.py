"""The counter intake form refuses bad people's data (``core.people``, through intake's check of the applicant):
the form comes back with the message next to the field and what was typed still in it, nothing is saved; good data
is saved normalised (NFC name, phone as digits)."""

import re
import unicodedata

import pytest

from motcua.dossiers.models import Applicant
from tests.builders.dossiers import counter_form
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL
from tests.workspace.test_counter_intake_names_every_error_next_to_its_field import field_error, submit

pytestmark = pytest.mark.django_db


def typed_value(html: str, field_id: str) -> str:
    widget = re.search(rf'<input[^>]*\bid="{field_id}"[^>]*>', html)
    assert widget, field_id
    value = re.search(r'value="([^"]*)"', widget.group(0))
    return value.group(1) if value else ""


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("applicant_id_number", "038190001²34", "12 chữ số 0–9"),
        ("applicant_id_number", "099190001234", "mã tỉnh nơi đăng ký khai sinh"),
        ("applicant_phone", "0123 456 789", "di động 10 chữ số"),
        ("applicant_phone", "0912-345-678 (nhà)", "chỉ gồm chữ số 0–9"),
        ("applicant_name", "Trần Thị\u200b Bình", "U+200B"),
        ("applicant_name", "Trần \u202eThị Bình", "U+202E"),
        ("applicant_name", "<b>Trần Thị Bình</b>", "không nhập mã HTML"),
        ("applicant_birth_date", "05/09/2990", "sau ngày hôm nay"),
        ("applicant_birth_date", "05/09/1899", "01/01/1900"),
        ("applicant_birth_date", "05/09/1991", "không khớp với năm sinh 1990"),
    ],
)
def test_bad_people_data_is_named_next_to_its_field_and_the_typed_value_kept(
    signed_in, officers, procedure, field, typed, message
):
    html = submit(signed_in(officers["counter"]), counter_form(procedure, **{field: typed}))
    field_error(html, f"id_{field}", message)
    shown = typed_value(html, f"id_{field}")
    assert shown.replace("&lt;", "<").replace("&gt;", ">") == typed
    assert "<b>Trần" not in html  # markup typed is shown escaped, never as markup


def test_a_bad_representative_is_named_next_to_the_representatives_field(signed_in, officers, procedure):
    data = counter_form(
        procedure,
        has_representative="on",
        rep_name="Lê Văn Cường",
        rep_id_number="038085002345",
        rep_phone="0612345678",
    )
    html = submit(signed_in(officers["counter"]), data)
    field_error(html, "id_rep_phone", "di động 10 chữ số")


def test_good_people_data_is_saved_normalised(signed_in, officers, procedure):
    data = counter_form(
        procedure,
        applicant_name=unicodedata.normalize("NFD", "Trần   Thị Bình"),
        applicant_phone="+84 912.345.678",
        applicant_address="Phường  Hạc Thành",
    )
    response = signed_in(officers["counter"]).post(URL, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    stored = Applicant.objects.get()
    assert (stored.name, stored.phone, stored.address) == ("Trần Thị Bình", "0912345678", "Phường Hạc Thành")
