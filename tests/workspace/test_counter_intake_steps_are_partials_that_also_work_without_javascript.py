"""Each step of the intake page is an htmx partial with a fixed number of queries — the procedure search (by code
or by words, diacritics optional), the chosen procedure with its cases, the checklist of a case (required
components ticked), the appointment — and the same steps work without JavaScript by posting the form (a ``step``
button, or a search result's button): the page comes back with the step done and nothing is decided."""

import datetime as dt
import re

import pytest
from django.db import connection

from motcua.catalog import services as catalog
from motcua.catalog.models import CaseComponent, ProcedureCase
from motcua.dossiers.models import Dossier
from tests.builders.catalog import draft_procedure
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db

SEARCH = "/mot-cua/tiep-nhan/tim-thu-tuc/"
PROCEDURE = "/mot-cua/tiep-nhan/thu-tuc/"
CASE = "/mot-cua/tiep-nhan/truong-hop/"
APPOINTMENT = "/mot-cua/tiep-nhan/hen-tra/"
HTMX = {"HX-Request": "true"}
BASE = 4  # session, user, role assignments, agency tree
# the index stamp, the procedures holding every term (PostgreSQL: between SET and RESET enable_seqscan), their
# entries; which of them the unit receives
SEARCH_QUERIES = BASE + 3 + (2 if connection.vendor == "postgresql" else 0) + 1
PROCEDURE_QUERIES = BASE + 3  # the version, its cases, their components
# version, unit, its assignment to receive (the published version's cases, components, channel options and fees
# are kept per process: a published version never changes)
APPOINTMENT_QUERIES = BASE + 3


def checkbox(html: str, pk: int) -> str:
    return re.search(rf'<input type="checkbox" name="components" value="{pk}"[^>]*>', html).group(0)


@pytest.fixture
def two_cases(province):
    """Procedure 1.000002 with two cases; the second has one optional and one required component."""
    version = draft_procedure(code="1.000002", name="Cấp phiếu lý lịch tư pháp")
    second = ProcedureCase.objects.create(version=version, order=2, name="Người nước ngoài")
    CaseComponent.objects.create(case=second, order=1, name="Tờ khai (Mẫu 03)", originals=1)
    CaseComponent.objects.create(case=second, order=2, name="Giấy ủy quyền", copies=1, required=False)
    version = catalog.publish(
        version, valid_from=dt.date(2025, 7, 1), decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)
    )
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    return version


@pytest.mark.parametrize("query", ["1.004222", "đăng ký thường trú", "dang ky thuong tru", "thuong tru"])
def test_the_search_finds_by_code_or_words(signed_in, officers, procedure, two_cases, query):
    html = signed_in(officers["counter"]).get(SEARCH, {"q": query}, headers=HTMX).content.decode()
    assert 'value="1.004222"' in html and "Đăng ký thường trú" in html
    assert 'hx-get="/mot-cua/tiep-nhan/thu-tuc/?procedure_code=1.004222"' in html
    assert "Đơn vị chưa được giao" not in html


def test_the_search_marks_procedures_the_unit_does_not_receive(signed_in, officers, procedure):
    html = (
        signed_in(officers["other_counter"])
        .get(SEARCH, {"q": "1.004222", "receiving_agency": "000.01.21.H56"}, headers=HTMX)
        .content.decode()
    )
    assert "Đơn vị chưa được giao tiếp nhận thủ tục này" in html


def test_an_empty_search_says_what_to_try(signed_in, officers, procedure):
    html = signed_in(officers["counter"]).get(SEARCH, {"q": "xyzxyz"}, headers=HTMX).content.decode()
    assert "Không tìm thấy thủ tục nào phù hợp với “xyzxyz”" in html


def test_choosing_a_procedure_shows_its_cases_then_the_checklist(signed_in, officers, two_cases):
    client = signed_in(officers["counter"])
    response = client.get(PROCEDURE, {"procedure_code": "1.000002"}, headers=HTMX)
    html = response.content.decode()
    assert response["HX-Trigger-After-Settle"] == "intake-changed"  # the appointment refreshes
    assert 'id="intake-results" hx-swap-oob="innerHTML"' in html  # the results are cleared
    assert "Cấp phiếu lý lịch tư pháp" in html and "autofocus" in html
    assert html.count('type="radio" name="case_id"') == 2 and "Chọn trường hợp" in html
    second = two_cases.cases.get(order=2)
    html = client.get(
        CASE, {"procedure_code": "1.000002", "case_id": second.pk}, headers=HTMX
    ).content.decode()
    required, optional = second.components.order_by("order")
    assert f'name="checklist_case" value="{second.pk}"' in html
    assert "checked" in checkbox(html, required.pk) and "checked" not in checkbox(html, optional.pk)
    assert "Tờ khai (Mẫu 03)" in html and "Giấy ủy quyền" in html


def test_the_appointment_asks_for_a_case_first(signed_in, officers, two_cases):
    html = (
        signed_in(officers["counter"])
        .get(APPOINTMENT, {"procedure_code": "1.000002", "channel": "1"}, headers=HTMX)
        .content.decode()
    )
    assert "Chưa tính được ngày hẹn trả" in html and "Cần chọn một trường hợp của thủ tục." in html


def test_the_partials_cost_fixed_queries(signed_in, officers, procedure, django_assert_num_queries):
    client = signed_in(officers["counter"])
    client.get(SEARCH, {"q": "thuong tru"})  # the search vocabulary, kept per process
    client.get(
        APPOINTMENT, {"procedure_code": "1.004222"}
    )  # the unit's calendar and hours, the version's content
    with django_assert_num_queries(SEARCH_QUERIES):
        assert "1.004222" in client.get(SEARCH, {"q": "dang ky"}, headers=HTMX).content.decode()
    with django_assert_num_queries(PROCEDURE_QUERIES):
        assert "checklist_case" in client.get(PROCEDURE, {"procedure_code": "1.004222"}).content.decode()
    with django_assert_num_queries(PROCEDURE_QUERIES):
        assert "checklist_case" in client.get(CASE, {"procedure_code": "1.004222"}).content.decode()
    with django_assert_num_queries(APPOINTMENT_QUERIES):
        assert "lúc" in client.get(APPOINTMENT, {"procedure_code": "1.004222"}).content.decode()


def test_without_javascript_search_choose_and_refresh_are_form_posts(
    signed_in, officers, procedure, two_cases
):
    client = signed_in(officers["counter"])
    base = {"receiving_agency": "000.00.02.H56", "channel": "1", "sets": "1", "applicant_name": "Lê Văn A"}
    html = client.post(URL, {**base, "q": "ly lich tu phap", "step": "search"}).content.decode()
    assert 'name="choose" value="1.000002"' in html and 'value="Lê Văn A"' in html
    html = client.post(URL, {**base, "q": "ly lich tu phap", "choose": "1.000002"}).content.decode()
    assert 'name="procedure_code" value="1.000002"' in html and "Chọn trường hợp" in html
    assert 'name="choose"' not in html  # the results are gone once chosen
    second = two_cases.cases.get(order=2)
    data = {
        **base,
        "procedure_code": "1.000002",
        "case_id": second.pk,
        "step": "refresh",
        "decision": "accept",
    }
    html = client.post(URL, data).content.decode()
    assert f'name="checklist_case" value="{second.pk}"' in html and "Tờ khai (Mẫu 03)" in html
    assert "<strong>" in html and "lúc" in html  # the appointment of that case
    assert Dossier.objects.count() == 0 and "intake-summary" not in html


def test_a_procedure_can_be_preselected_by_link(signed_in, officers, procedure):
    html = signed_in(officers["counter"]).get(URL, {"procedure_code": "1.004222"}).content.decode()
    assert 'name="procedure_code" value="1.004222"' in html and "Tờ khai thay đổi thông tin cư trú" in html
