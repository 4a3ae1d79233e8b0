"""Only counter officers receive dossiers, and only for their own counter: another unit's counter officer gets the
transition table's refusal next to the receiving unit (nothing saved) and a 404 for the centre's receipt; an officer
without the counter role gets a 403 page saying why; a signed-in user with no role the workspace's 403; a visitor
the sign-in page."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from motcua.dossiers.models import Applicant, Dossier
from motcua.dossiers.services.intake import receive_at_counter
from tests.builders.dossiers import counter_form, request_for
from tests.builders.org import assign
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db

PARTIALS = [
    ("get", "/mot-cua/tiep-nhan/tim-thu-tuc/", {"q": "thuong tru"}),
    ("get", "/mot-cua/tiep-nhan/thu-tuc/", {"procedure_code": "1.004222"}),
    ("get", "/mot-cua/tiep-nhan/truong-hop/", {"procedure_code": "1.004222"}),
    ("get", "/mot-cua/tiep-nhan/hen-tra/", {"procedure_code": "1.004222"}),
    ("post", "/mot-cua/tiep-nhan/nguoi-nop/", {"applicant_id_number": "038190001234"}),
]


def test_an_officer_at_several_counters_chooses_the_receiving_unit(signed_in, officers, province, procedure):
    assign(officers["counter"], "COUNTER_OFFICER", province["commune_a"], valid_from=dt.date(2024, 1, 1))
    html = signed_in(officers["counter"]).get(URL).content.decode()
    select = re.search(
        r'<select name="receiving_agency" id="id_receiving_agency"[^>]*>(.*?)</select>', html, re.S
    )
    assert select and '<label for="id_receiving_agency">' in html
    assert re.findall(r'<option value="([^"]+)"', select.group(1)) == ["000.00.02.H56", "000.01.21.H56"]
    response = signed_in(officers["counter"]).post(
        URL, counter_form(procedure, receiving_agency="000.00.02.H56")
    )
    assert response.status_code == 302 and Dossier.objects.get().receiving_agency == province["centre"]


def test_another_units_counter_cannot_receive_for_the_centre(signed_in, officers, procedure):
    client = signed_in(officers["other_counter"])
    page = client.get(URL).content.decode()
    assert "UBND xã Đông Hòa" in page and "Trung tâm Phục vụ" not in page  # its own counter only
    html = client.post(URL, counter_form(procedure)).content.decode()
    assert Dossier.objects.count() == 0 and Applicant.objects.count() == 0
    assert 'id="id_receiving_agency_error"' in html
    assert "bạn không có vai trò phù hợp tại Trung tâm Phục vụ hành chính công tỉnh" in html


def test_another_units_counter_is_told_its_unit_does_not_receive_the_procedure(
    signed_in, officers, procedure
):
    html = (
        signed_in(officers["other_counter"])
        .post(URL, counter_form(procedure, receiving_agency="000.01.21.H56"))
        .content.decode()
    )
    assert "UBND xã Đông Hòa không được giao tiếp nhận thủ tục 1.004222." in html
    assert Dossier.objects.count() == 0


def test_another_units_counter_gets_404_for_the_centres_receipt(signed_in, officers, procedure):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    url = f"/mot-cua/ho-so/{dossier.code}/giay-tiep-nhan/"
    assert signed_in(officers["other_counter"]).get(url).status_code == 404
    assert signed_in(officers["lead"]).get(url).status_code == 200  # Sở Tư pháp handles it: it may see it


def test_an_officer_without_the_counter_role_gets_a_clear_403(signed_in, officers, procedure):
    client = signed_in(officers["lead"])
    response = client.get(URL)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Bạn không có vai trò tiếp nhận hồ sơ" in html
    assert "Công chức tiếp nhận, trả kết quả" in html and "Lãnh đạo cơ quan — Sở Tư pháp" in html
    assert client.post(URL, counter_form(procedure)).status_code == 403 and Dossier.objects.count() == 0
    for method, url, data in PARTIALS:
        assert getattr(client, method)(url, data).status_code == 403, url


def test_a_user_with_no_role_gets_the_workspace_403(signed_in, django_user_model, procedure):
    nobody = django_user_model.objects.create_user("khach", password="x-long-password-1")
    response = signed_in(nobody).get(URL)
    assert response.status_code == 403 and "Bạn chưa được phân công vai trò" in response.content.decode()
    for method, url, data in PARTIALS:
        assert getattr(signed_in(nobody), method)(url, data).status_code == 403, url


def test_a_visitor_is_sent_to_sign_in(client, procedure):
    response = client.get(URL)
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert client.post(URL, {}).status_code == 302 and Dossier.objects.count() == 0
