"""POST /api/v1/dossiers: received at the counter (201, code and appointment), submitted online (status 1),
refused with a reason; bad input is 422 with field messages, another unit's officer 403 — and nothing is saved."""

import pytest

from motcua.dossiers.models import Applicant, Dossier
from tests.builders.dossiers import intake

pytestmark = pytest.mark.django_db


def test_counter_receipt_returns_the_dossier(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(summary="Đăng ký thường trú"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == 2 and body["status_label"] == "Được tiếp nhận"
    assert body["code"].startswith("000.00.03.H56-") and body["channel"] == "1"
    assert body["due_at"] and body["original_due_at"] == body["due_at"]
    assert body["remaining"].startswith("còn ")
    assert body["applicant"]["id_number"] == "038190001234"
    assert [c["name"] for c in body["components"]] == [
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "Giấy tờ chứng minh chỗ ở hợp pháp",
    ]
    assert [a["action"] for a in body["allowed_actions"]] == ["transfer", "withdraw"]
    assert body["handling_agency_detail"] == {"identifier": "000.00.03.H56", "name": "Sở Tư pháp"}


@pytest.mark.parametrize(
    "body",
    [{}, {"channel": "2"}, {"channel": "3"}, {"decision": "refuse", "reason": "Không thuộc thẩm quyền"}],
    ids=["counter", "online", "postal", "refused"],
)
def test_intake_answer_is_the_dossier_as_read_back(api, procedure, body):
    """The intake answer is built from memory (no read-back); it must equal what GET returns afterwards."""
    created = api["counter"].post("/api/v1/dossiers", intake(**body))
    assert created.status_code == 201, created.content
    key = created.json()["code"] or created.json()["reference"]
    read = api["counter"].get(f"/api/v1/dossiers/{key}")
    assert read.status_code == 200
    assert created.json() == read.json()


def test_postal_channel(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(channel="3", result_delivery="postal"))
    assert response.status_code == 201, response.content
    assert (response.json()["channel"], response.json()["result_delivery"]) == ("3", "postal")


def test_online_submission_is_status_1_with_a_temporary_reference(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(channel="2"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == 1 and body["code"] is None and body["reference"].startswith("HS-")
    assert body["reception_due_at"]
    assert [a["action"] for a in body["allowed_actions"]] == [
        "accept",
        "request_completion",
        "resubmit",
        "refuse",
        "withdraw",
    ]
    assert api["counter"].get(f"/api/v1/dossiers/{body['reference']}").status_code == 200


def test_refusal_needs_a_reason(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(decision="refuse"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "reason"]
    assert not Dossier.objects.exists()
    response = api["counter"].post(
        "/api/v1/dossiers", intake(decision="refuse", reason="Thủ tục không thuộc thẩm quyền")
    )
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["code"]) == (3, None)


def test_invalid_input_is_422_with_every_field_message(api, procedure):
    body = intake(sets=99, components=[999999], receiving_agency="000.00.02.H56")
    response = api["counter"].post("/api/v1/dossiers", body)
    assert response.status_code == 422
    fields = {tuple(item["loc"]) for item in response.json()["detail"]}
    assert {("body", "sets"), ("body", "components")} <= fields
    response = api["counter"].post("/api/v1/dossiers", intake(procedure_code="9.999999"))
    assert response.status_code == 422 and "9.999999" in response.json()["detail"][0]["msg"]
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_every_bad_field_of_the_people_is_422_at_once(api, procedure):
    """People's data is checked by the schema (``core.people``): every bad field of the applicant and the
    representative in one answer, each naming its field, before anything is looked up."""
    body = intake(
        applicant={"name": "A", "id_number": "12345", "phone": "123"},
        representative={"name": "<b>B</b>", "id_number": "038190001234"},
    )
    response = api["counter"].post("/api/v1/dossiers", body)
    assert response.status_code == 422
    messages = {tuple(item["loc"][-2:]): item["msg"] for item in response.json()["detail"]}
    assert "12 chữ số" in messages[("applicant", "id_number")]
    assert "di động 10 chữ số" in messages[("applicant", "phone")]
    assert "< hoặc >" in messages[("representative", "name")]
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_malformed_body_is_422(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake(channel="9"))
    assert response.status_code == 422


def test_officer_of_another_unit_is_refused_with_the_reason(api, procedure):
    response = api["other_counter"].post("/api/v1/dossiers", intake())
    assert response.status_code == 403
    assert "T2" in response.json()["detail"] and "vai trò" in response.json()["detail"]
    assert not Dossier.objects.exists()


# token, role assignments, agency tree; procedure version, receiving unit, its assignment to receive, the stored
# applicant, the handling unit (the published content is kept per process); the transaction (a savepoint here,
# inside the test's) with the applicant, the code number, the dossier, its log entry and its head (on PostgreSQL
# the dossier's id is taken first and its row written once: the same count), the components.
INTAKE_QUERIES = 3 + 5 + 2 + 6


def test_query_count_is_fixed(api, procedure, django_assert_num_queries):
    api["counter"].post("/api/v1/dossiers", intake())  # the calendar and working hours, cached per process
    with django_assert_num_queries(INTAKE_QUERIES):
        assert api["counter"].post("/api/v1/dossiers", intake()).status_code == 201
