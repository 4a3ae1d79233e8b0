"""The portal e-form (online submission) refuses bad people's data (``core.people``): the form comes back (422)
with the message next to the field and what was typed kept, no file stored and no draft kept; good data goes into
the draft, and then the dossier, normalised."""

import html as html_lib
import re
import unicodedata

import pytest

from motcua.dossiers.models import Applicant, Dossier
from motcua.portal import submission
from tests.builders.portal import eform

pytestmark = pytest.mark.django_db

URL = "/nop-ho-so/1.004222/"


def field_error(page: str, name: str) -> tuple[str, str]:
    """(the error shown with the field ``name``, the value the field shows)."""
    widget = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', page)
    assert widget, name
    assert 'aria-invalid="true"' in widget.group(0), widget.group(0)
    value = re.search(r'value="([^"]*)"', widget.group(0))
    block = re.search(rf'<span class="field-error" id="id_{name}-error">(.*?)</span>', page, re.S)
    assert block, name
    return html_lib.unescape(block.group(1)), html_lib.unescape(value.group(1)) if value else ""


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("id_number", "038190001²34", "12 chữ số 0–9"),
        ("id_number", "０３８１９０００１２３４", "12 chữ số 0–9"),
        ("id_number", "038190001234 5", "12 chữ số 0–9"),
        ("phone", "0123456789", "di động 10 chữ số"),
        ("phone", "+44 20 7946 0958", "Việt Nam"),
        ("name", "Trần\u2066Thị\u2069 Bình", "U+2066"),
        ("name", "Trần Thị Bình<script>", "không nhập mã HTML"),
        ("address", "Phường Hạc Thành\u200e", "U+200E"),
        ("birth_date", "12/05/2999", "sau ngày hôm nay"),
        ("birth_date", "12/05/1991", "không khớp với năm sinh 1990"),
    ],
)
def test_bad_people_data_is_a_form_error_next_to_its_field_and_nothing_is_kept(
    signed_in, citizen, procedure, stored_counts, field, typed, message
):
    client = signed_in(citizen)
    response = client.post(URL, eform(procedure, **{field: typed}))
    assert response.status_code == 422
    error, shown = field_error(response.content.decode(), field)
    assert message in error
    assert shown == typed
    assert stored_counts() == (0, 0)
    assert submission.Draft.load(client.session, "1.004222") is None
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_good_data_is_kept_normalised_in_the_draft_and_the_dossier(
    signed_in, citizen, procedure, stored_counts
):
    client = signed_in(citizen)
    data = eform(
        procedure,
        name=unicodedata.normalize("NFD", "Trần  Thị Bình"),
        phone="+84 912-345-678",
        address="Phường   Hạc Thành",
    )
    assert client.post(URL, data).status_code == 302
    draft = submission.Draft.load(client.session, "1.004222")
    assert (draft.applicant["name"], draft.applicant["phone"], draft.applicant["address"]) == (
        "Trần Thị Bình",
        "0912345678",
        "Phường Hạc Thành",
    )
    client.post(URL + "xem-lai/")
    stored_applicant = Dossier.objects.get().applicant
    assert (stored_applicant.name, stored_applicant.phone) == ("Trần Thị Bình", "0912345678")
