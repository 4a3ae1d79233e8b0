"""A returning applicant is found by ID number: the applicant's fields are filled from the stored record (the one
intake would update), through an htmx POST (the number stays out of URLs and logs) or a plain form post; only
counter officers may look people up. Fixed queries."""

import pytest
from django.utils import timezone

from motcua.dossiers.models import Applicant, Dossier
from motcua.dossiers.services.intake import ApplicantData, receive_at_counter
from tests.dossiers.conftest import request_for
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db

LOOKUP = "/mot-cua/tiep-nhan/nguoi-nop/"
LOOKUP_QUERIES = 4 + 1  # session, user, role assignments, agency tree; the applicant


@pytest.fixture
def returning(procedure, officers):
    applicant = ApplicantData(
        name="Trần Thị Bình",
        id_number="038190001234",
        birth_date=timezone.localdate().replace(year=1990),
        address="Phường Hạc Thành, tỉnh Thanh Hóa",
        phone="0912345678",
        email="binh@example.vn",
    )
    receive_at_counter(request_for(applicant=applicant), officers["counter"], at=timezone.now())
    return Applicant.objects.get()


def test_the_lookup_fills_the_applicants_fields(signed_in, officers, returning, django_assert_num_queries):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(LOOKUP_QUERIES):
        response = client.post(
            LOOKUP,
            {"applicant_kind": "1", "applicant_id_number": "038190001234"},
            headers={"HX-Request": "true"},
        )
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="intake-applicant"')
    for value in ("Trần Thị Bình", "Phường Hạc Thành, tỉnh Thanh Hóa", "0912345678", "binh@example.vn"):
        assert f'value="{value}"' in html
    assert f'value="{returning.birth_date:%d/%m/%Y}"' in html
    assert "Đã điền thông tin của người nộp đã có trong hệ thống" in html
    assert "autofocus" in html  # the focus goes on to the name
    assert Dossier.objects.count() == 1  # a lookup changes nothing


def test_an_unknown_number_says_so_and_keeps_what_was_typed(signed_in, officers, returning):
    html = (
        signed_in(officers["counter"])
        .post(
            LOOKUP,
            {"applicant_kind": "1", "applicant_id_number": "038190009999", "applicant_name": "Lê Văn A"},
        )
        .content.decode()
    )
    assert "Chưa có người nộp nào với số này" in html and 'value="Lê Văn A"' in html


def test_an_organisation_is_looked_up_as_an_organisation(signed_in, officers, returning):
    html = (
        signed_in(officers["counter"])
        .post(LOOKUP, {"applicant_kind": "2", "applicant_id_number": "038190001234"})
        .content.decode()
    )
    assert "Chưa có người nộp nào với số này" in html and "Trần Thị Bình" not in html


def test_the_lookup_works_without_javascript(signed_in, officers, returning):
    html = (
        signed_in(officers["counter"])
        .post(
            URL,
            {
                "step": "lookup",
                "applicant_kind": "1",
                "applicant_id_number": "038190001234",
                "procedure_code": "1.004222",
                "decision": "accept",  # the page's other buttons are not pressed
            },
        )
        .content.decode()
    )
    assert 'value="Trần Thị Bình"' in html and "Tiếp nhận hồ sơ tại Bộ phận Một cửa" in html
    assert Dossier.objects.count() == 1 and "intake-summary" not in html


def test_only_a_post_looks_people_up(signed_in, officers, returning):
    response = signed_in(officers["counter"]).get(LOOKUP, {"applicant_id_number": "038190001234"})
    assert response.status_code == 405 and "Trần Thị Bình" not in response.content.decode()
