"""The QR code printed on every form of a dossier opens ``{MOTCUA_PUBLIC_URL}/tra-cuu/<mã hồ sơ>/``: that page is the
tracking form with the code filled in, asking only the check value. It looks nothing up before the check, so the
page for a code that does not exist is the same page."""

from urllib.parse import urlsplit

import pytest

from motcua.documents.models import IssuedForm
from motcua.documents.services.issuance import issue_missing
from tests.builders.dossiers import receive
from tests.builders.portal import PHONE_LAST4, without_tokens

pytestmark = pytest.mark.django_db


def test_the_receipt_qr_url_lands_on_the_form_asking_only_the_check_value(
    client, officers, procedure, settings
):
    settings.MOTCUA_PUBLIC_URL = "https://dichvucong.thanhhoa.gov.vn"
    dossier = receive(officers)
    issue_missing(dossier)
    receipt = IssuedForm.objects.get(dossier=dossier, code="01")
    url = receipt.data["tracking_url"]
    assert url == f"https://dichvucong.thanhhoa.gov.vn/tra-cuu/{dossier.code}/"

    response = client.get(urlsplit(url).path)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Mã hồ sơ: <strong>{dossier.code}</strong>" in page
    assert f'<input type="hidden" name="code" value="{dossier.code}">' in page
    assert '<label for="id_check">Mã kiểm tra</label>' in page and 'id="id_code"' not in page
    assert "autofocus" in page  # the one field to fill
    assert "Trần" not in page and "Đang xử lý" not in page and "Được tiếp nhận" not in page

    # the code of the URL is used, whatever the body says
    response = client.post(urlsplit(url).path, {"code": "something-else", "check": PHONE_LAST4})
    assert response.status_code == 302 and response["Location"] == f"/tra-cuu/{dossier.code}/"


def test_the_landing_page_of_an_unknown_code_is_the_same_page(client, officers, procedure):
    dossier = receive(officers)
    real = client.get(f"/tra-cuu/{dossier.code}/").content.decode()
    unknown_code = dossier.code[:-4] + "9999"
    unknown = client.get(f"/tra-cuu/{unknown_code}/").content.decode()
    assert without_tokens(unknown, unknown_code) == without_tokens(real, dossier.code)


def test_the_tracking_page_is_linked_from_the_header_and_the_home_page(client, db):
    home = client.get("/").content.decode()
    assert home.count('href="/tra-cuu/"') == 2
    page = client.get("/tra-cuu/").content.decode()
    assert (
        '<label for="id_code">Mã hồ sơ</label>' in page
        and '<label for="id_check">Mã kiểm tra</label>' in page
    )
    assert 'aria-describedby="code-hint"' in page and 'aria-describedby="check-hint"' in page
    assert 'name="robots" content="noindex"' in page
