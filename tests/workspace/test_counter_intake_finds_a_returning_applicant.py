"""A returning applicant is found by ID number at the counter: only the verified identity (name, birth date) of the
latest record verified by VNeID or by an officer who saw the card is filled in — never the address, phone or e-mail
of another dossier — through an htmx POST (the number stays out of URLs and logs) or a plain form post; only
counter officers of a one-stop unit may look people up, each lookup is written in the personal-data access log, and
an officer's lookups are limited. Fixed queries."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.intake import ApplicantData, receive_at_counter
from motcua.org.models import PersonalDataRead
from tests.builders.dossiers import request_for
from tests.builders.org import assign
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db

LOOKUP = "/mot-cua/tiep-nhan/nguoi-nop/"
# session, user, role assignments, agency tree; the verified record; the access-log INSERT
LOOKUP_QUERIES = 4 + 1 + 1
BINH = dict(
    name="Trần Thị Bình",
    id_number="038190001234",
    address="Phường Hạc Thành, tỉnh Thanh Hóa",
    phone="0912345678",
    email="binh@example.vn",
)


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()  # the officers' lookup counts (kept in the cache) start at zero
    yield
    cache.clear()


@pytest.fixture
def returning(procedure, officers):
    """Bình's first dossier, received by a counter officer who checked her card."""
    applicant = ApplicantData(**BINH, birth_date=timezone.localdate().replace(year=1990))
    dossier = receive_at_counter(
        request_for(applicant=applicant, identity_checked=True), officers["counter"], at=timezone.now()
    )
    return dossier.applicant


def lookup(client, number="038190001234", **extra):
    return client.post(
        LOOKUP,
        {"receiving_agency": "000.00.02.H56", "applicant_kind": "1", "applicant_id_number": number, **extra},
        headers={"HX-Request": "true"},
    )


def test_the_lookup_fills_only_the_verified_identity(
    signed_in, officers, returning, django_assert_num_queries
):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(LOOKUP_QUERIES):
        response = lookup(client)
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="intake-applicant"')
    assert 'value="Trần Thị Bình"' in html and f'value="{returning.birth_date:%d/%m/%Y}"' in html
    for contact in ("Phường Hạc Thành, tỉnh Thanh Hóa", "0912345678", "binh@example.vn"):
        assert contact not in html  # another dossier's contact data stays there
    assert "Đã điền họ tên, ngày sinh đã xác thực" in html
    assert "autofocus" in html  # the focus goes on to the name
    assert Dossier.objects.count() == 1  # a lookup changes nothing


def test_every_lookup_is_logged_with_officer_unit_and_record(signed_in, officers, returning, province):
    client = signed_in(officers["counter"])
    lookup(client)
    lookup(client, "038190009999")
    found, missing = PersonalDataRead.objects.order_by("id")
    assert found.user == officers["counter"] and found.acting_agency == province["centre"]
    assert found.record_kind == "applicant" and found.records == f" applicant:{returning.pk} "
    assert found.purpose == "intake_lookup" and found.via == "workspace:intake-applicant"
    assert "********1234" in found.label and "038190001234" not in found.label
    assert missing.records == "" and "không có" in missing.label


def test_an_unknown_number_says_so_and_keeps_what_was_typed(signed_in, officers, returning):
    html = lookup(signed_in(officers["counter"]), "038190009999", applicant_name="Lê Văn A").content.decode()
    assert "Chưa có thông tin đã xác thực của người nộp với số này" in html and 'value="Lê Văn A"' in html


def test_a_declared_record_is_not_found(signed_in, officers, procedure):
    """A record nobody verified (the officer did not tick that the card was checked) lends nothing."""
    receive_at_counter(request_for(applicant=ApplicantData(**BINH)), officers["counter"], at=timezone.now())
    html = lookup(signed_in(officers["counter"])).content.decode()
    assert "Chưa có thông tin đã xác thực" in html and "Trần Thị Bình" not in html


def test_an_organisation_is_looked_up_as_an_organisation(signed_in, officers, returning):
    html = lookup(signed_in(officers["counter"]), applicant_kind="2").content.decode()
    assert "Chưa có thông tin đã xác thực" in html and "Trần Thị Bình" not in html


def test_the_lookup_works_without_javascript(signed_in, officers, returning):
    html = (
        signed_in(officers["counter"])
        .post(
            URL,
            {
                "step": "lookup",
                "receiving_agency": "000.00.02.H56",
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


def test_only_counter_officers_look_people_up(signed_in, officers, returning):
    for officer in ("specialist", "lead", "admin"):
        response = lookup(signed_in(officers[officer]))
        assert response.status_code == 403 and "Trần Thị Bình" not in response.content.decode()
    assert not PersonalDataRead.objects.exists()


def test_a_counter_officer_looks_up_only_for_the_unit_they_receive_at(signed_in, officers, returning):
    """The commune's counter officer cannot name the provincial centre as the unit they receive at."""
    response = lookup(signed_in(officers["other_counter"]))
    html = response.content.decode()
    assert response.status_code == 403 and "Trần Thị Bình" not in html
    assert "Chỉ công chức tiếp nhận, trả kết quả tại Bộ phận Một cửa" in html
    assert not PersonalDataRead.objects.exists()


def test_an_officers_lookups_are_limited(
    signed_in, officers, returning, settings, django_user_model, province
):
    settings.MOTCUA_PERSON_LOOKUP_LIMIT = 3
    settings.MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS = 600
    client = signed_in(officers["counter"])
    assert [lookup(client).status_code for _ in range(3)] == [200, 200, 200]
    refused = lookup(client)
    html = refused.content.decode()
    assert refused.status_code == 429 and "Trần Thị Bình" not in html
    assert "Bạn đã tra cứu người nộp quá 3 lần trong 10 phút" in html
    assert PersonalDataRead.objects.count() == 3  # nothing read, nothing logged over the limit
    # the limit is the officer's own: another counter officer still looks up
    colleague = django_user_model.objects.create_user("tn.binh", password="x-long-password-1")
    assign(colleague, "COUNTER_OFFICER", province["centre"], valid_from=dt.date(2024, 1, 1))
    assert lookup(signed_in(colleague)).status_code == 200
