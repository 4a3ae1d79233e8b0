"""A wrong check value and a code that does not exist get the same answer — the form again (200, like every form
of the project shown again with its errors) with the same message — so the page never tells whether a code
exists. The check value typed is never shown back. A malformed entry is named next to its field and costs no
lookup and no attempt."""

import re

import pytest

from tests.builders.dossiers import receive
from tests.builders.portal import PHONE_LAST4, without_tokens

pytestmark = pytest.mark.django_db

MESSAGE = "Không tìm thấy hồ sơ với mã và mã kiểm tra đã nhập."


def test_wrong_value_and_unknown_code_give_the_same_page(client, officers, procedure):
    dossier = receive(officers)
    unknown = dossier.code[:-4] + "9999"
    wrong = client.post("/tra-cuu/", {"code": dossier.code, "check": "1111"})
    missing = client.post("/tra-cuu/", {"code": unknown, "check": PHONE_LAST4})
    assert wrong.status_code == missing.status_code == 200
    assert MESSAGE in wrong.content.decode()
    assert without_tokens(wrong.content.decode(), dossier.code) == without_tokens(
        missing.content.decode(), unknown
    )
    # the same on the QR landing page
    wrong = client.post(f"/tra-cuu/{dossier.code}/", {"check": "1111"})
    missing = client.post(f"/tra-cuu/{unknown}/", {"check": PHONE_LAST4})
    assert without_tokens(wrong.content.decode(), dossier.code) == without_tokens(
        missing.content.decode(), unknown
    )
    page = wrong.content.decode()
    assert 'role="alert" id="track-error"' in page
    assert 'aria-describedby="check-hint track-error"' in page and 'aria-invalid="true"' in page
    assert "1111" not in page and "Trần" not in page


def test_other_digits_of_the_phone_or_id_do_not_open_the_page(client, officers, procedure):
    dossier = receive(officers)  # phone 0912345678, ID 038190001234
    for check in ("0912", "4567", "0381", "0123"):
        response = client.post(f"/tra-cuu/{dossier.code}/", {"check": check})
        assert response.status_code == 200 and MESSAGE in response.content.decode()


def test_malformed_entries_are_named_next_to_their_field_without_a_lookup(
    client, officers, procedure, django_assert_num_queries
):
    receive(officers)
    with django_assert_num_queries(0):
        response = client.post("/tra-cuu/", {"code": "", "check": "12a4"})
    page = response.content.decode()
    assert response.status_code == 200 and MESSAGE not in page
    assert "Nhập mã hồ sơ ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả." in page
    assert "Mã kiểm tra gồm đúng 4 chữ số." in page
    assert (
        'aria-describedby="code-hint code-error"' in page
        and 'aria-describedby="check-hint check-error"' in page
    )
    code_input = re.search(r'<input type="text" id="id_code"[^>]*>', page, re.S).group(0)
    assert 'aria-invalid="true"' in code_input and "autofocus" in code_input
    response = client.post("/tra-cuu/", {"code": "000<script>", "check": "1234"})
    assert (
        "Mã hồ sơ chỉ gồm chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang" in response.content.decode()
    )
    assert "<script>" not in response.content.decode()
