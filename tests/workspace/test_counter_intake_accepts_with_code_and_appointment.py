"""A counter officer receives a complete dossier on one page: the appointment is shown before accepting, accepting
creates exactly one dossier (T2) with its code and that appointment, and the page goes on to the receipt (Mẫu 01).
The page costs a fixed number of SQL queries."""

import pytest
from django.utils import timezone

from motcua.dossiers.models import Applicant, Dossier, DossierComponent, ProcessLogEntry
from tests.builders.dossiers import WORK_MENU_COUNTER, at, counter_form

pytestmark = pytest.mark.django_db

URL = "/mot-cua/tiep-nhan/"
# session, user, role assignments, agency tree; unread notifications; the menu's work counts (a counter officer's)
PAGE_QUERIES = 4 + 1 + WORK_MENU_COUNTER
# and the procedure chosen (?procedure_code=): its version, cases, components; the appointment (version, unit,
# assignment to receive; the cases, components, channel options and fees of a published version never change and
# are kept per process after the first use)
PAGE_WITH_PROCEDURE_QUERIES = PAGE_QUERIES + 3 + 3


@pytest.fixture
def monday_morning(monkeypatch):
    """The counter's clock at 09:15 on Monday 09/03/2026 (due after 7 working days: 18/03/2026 09:15)."""
    moment = at("2026-03-09 09:15")
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_the_form_shows_every_step_to_a_counter_officer(signed_in, officers, procedure):
    page = signed_in(officers["counter"]).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    for text in (
        "Tiếp nhận hồ sơ tại Bộ phận Một cửa",
        "Trung tâm Phục vụ hành chính công tỉnh",  # the officer's only counter: shown, not chosen
        'name="q"',
        "Ngày hẹn trả kết quả",
        "Người nộp hồ sơ",
        "Người được ủy quyền",
        'value="accept"',
        'value="guide"',
        'value="refuse"',
        "không được tạo và không cấp mã",  # why guidance creates no dossier
    ):
        assert text in html, text
    assert 'aria-current="page"' in html and "novalidate" in html
    assert '<label for="id_applicant_id_number">' in html and '<label for="id_reason">' in html
    assert 'type="checkbox" name="has_representative" id="id_has_representative"' in html
    for name in (
        "channel",
        "sets",
        "result_delivery",
        "summary",
        "applicant_kind",
        "applicant_name",
        "rep_name",
    ):
        assert f'name="{name}"' in html, name


def test_accepting_creates_one_dossier_with_code_and_appointment(
    signed_in, officers, procedure, monday_morning
):
    client = signed_in(officers["counter"])
    response = client.post(URL, counter_form(procedure))
    dossier = Dossier.objects.get()
    assert dossier.code.startswith("000.00.03.H56-260309-") and dossier.status == 2
    assert dossier.due_at == at("2026-03-18 09:15") and dossier.received_at == monday_morning
    assert response.status_code == 302
    assert response["Location"] == f"/mot-cua/ho-so/{dossier.code}/giay-tiep-nhan/"
    assert dossier.applicant.birth_date.isoformat() == "1990-09-05" and dossier.sets == 1
    assert DossierComponent.objects.filter(dossier=dossier).count() == 2
    assert ProcessLogEntry.objects.get().actor == officers["counter"]
    assert client.get(response["Location"]).status_code == 200


def test_the_appointment_shown_before_accepting_is_the_one_given(
    signed_in, officers, procedure, monday_morning
):
    client = signed_in(officers["counter"])
    preview = client.get(
        "/mot-cua/tiep-nhan/hen-tra/",
        {"receiving_agency": "000.00.02.H56", "procedure_code": "1.004222", "channel": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<strong>18/03/2026</strong> lúc <strong>09:15</strong>" in preview
    assert "7 ngày làm việc" in preview and "20.000 đồng" in preview
    client.post(URL, counter_form(procedure))
    due = timezone.localtime(Dossier.objects.get().due_at)
    assert f"<strong>{due:%d/%m/%Y}</strong> lúc <strong>{due:%H:%M}</strong>" in preview


def test_accepting_without_javascript_is_one_plain_post(signed_in, officers, procedure):
    """The whole form posted at once (no htmx header): the same dossier."""
    response = signed_in(officers["counter"]).post(URL, counter_form(procedure))
    assert response.status_code == 302 and Dossier.objects.count() == 1 and Applicant.objects.count() == 1


def test_a_representative_is_recorded_when_ticked(signed_in, officers, procedure):
    signed_in(officers["counter"]).post(
        URL,
        counter_form(
            procedure,
            has_representative="on",
            rep_name="Lê Văn Cường",
            rep_id_number="038085000111",
            rep_phone="0987654321",
        ),
    )
    dossier = Dossier.objects.select_related("representative").get()
    assert dossier.representative.name == "Lê Văn Cường" and dossier.representative.phone == "0987654321"


def test_a_representative_typed_but_not_ticked_is_not_dropped(signed_in, officers, procedure):
    html = (
        signed_in(officers["counter"])
        .post(URL, counter_form(procedure, rep_name="Lê Văn Cường", rep_id_number="12"))
        .content.decode()
    )
    assert Dossier.objects.count() == 0 and 'id="id_rep_id_number_error"' in html


def test_the_page_query_count_is_fixed(signed_in, officers, procedure, django_assert_num_queries):
    client = signed_in(officers["counter"])
    client.get(URL, {"procedure_code": "1.004222"})  # the unit's calendar and hours, kept per process
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(URL).status_code == 200
    with django_assert_num_queries(PAGE_WITH_PROCEDURE_QUERIES):
        page = client.get(URL, {"procedure_code": "1.004222"}).content.decode()
    assert "Đăng ký thường trú" in page and 'name="components"' in page and "lúc" in page
