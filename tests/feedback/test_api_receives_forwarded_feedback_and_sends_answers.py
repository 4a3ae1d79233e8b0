"""The PAKN API: a PAKN officer's token receives feedback forwarded by the national system (once per national id),
reads its status, sends the answer and applies the table's actions; refusals carry the rule; outsiders get 403 or
404; bad input 422 with the field; everything in the OpenAPI document."""

import pytest
from django.utils import timezone

from motcua.core.models import ApiToken
from motcua.core.tokens import create_token
from motcua.feedback.models import Feedback
from tests.builders.dossiers import Api

pytestmark = pytest.mark.django_db

BODY = {
    "receiving_agency": "000.00.03.H56",
    "title": "Thời gian giải quyết chứng thực",
    "content": "Đề nghị rút ngắn thời gian chứng thực bản sao từ bản chính tại Sở Tư pháp.",
    "sender": {
        "name": "Công ty TNHH An Bình",
        "kind": "to_chuc",
        "address": "Hạc Thành",
        "phone": "0237 3852 111",
    },
    "national_id": "DVCQG-PAKN-000123",
}


@pytest.fixture
def api(client, staff):
    keys = {name: create_token(user, name)[1] for name, user in staff.items()}
    ApiToken.objects.update(last_used_at=timezone.now())
    return {name: Api(client, key) for name, key in keys.items()}


def test_receive_read_answer_approve_publish(api):
    created = api["officer"].post("/api/v1/feedback", BODY)
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    assert created.json()["status"] == "tiep_nhan" and created.json()["channel"] == "dvcqg"
    assert "process" in created.json()["allowed_actions"]
    assert api["officer"].post("/api/v1/feedback", BODY).status_code == 409  # forwarded twice
    acted = api["officer"].post(
        f"/api/v1/feedback/{code}/actions/process", {"inputs": {"classification": "quy_dinh"}}
    )
    assert acted.status_code == 200 and acted.json()["status"] == "dang_xu_ly"
    answered = api["officer"].post(
        f"/api/v1/feedback/{code}/answer", {"answer": "Sở sẽ rút ngắn còn 1 ngày."}
    )
    assert answered.json()["status"] == "cho_duyet"
    refused = api["officer"].post(f"/api/v1/feedback/{code}/actions/approve", {})
    assert refused.status_code == 403 and refused.json()["rule"] == "P10"
    assert (
        api["lead"].post(f"/api/v1/feedback/{code}/actions/approve", {}).json()["status"] == "cho_cong_khai"
    )
    missing = api["lead"].post(f"/api/v1/feedback/{code}/actions/publish", {})
    assert missing.status_code == 422 and missing.json()["field"] == "public_question"
    published = api["lead"].post(
        f"/api/v1/feedback/{code}/actions/publish",
        {"inputs": {"public_question": "Đề nghị rút ngắn thời gian."}},
    )
    assert published.json()["status"] == "da_cong_khai" and published.json()["handled_on_time"] is True
    got = api["controller"].get(f"/api/v1/feedback/{code}")
    assert got.status_code == 200 and got.json()["answer"] == "Sở sẽ rút ngắn còn 1 ngày."


def test_bad_input_is_422_and_stores_nothing(api):
    response = api["officer"].post("/api/v1/feedback", {**BODY, "content": "", "sender": {"name": "A"}})
    assert response.status_code == 422
    fields = {d["loc"][-1] for d in response.json()["detail"]}
    assert {"content", "sender_address", "sender_phone"} <= fields
    assert Feedback.objects.count() == 0


def test_outsiders_are_refused(api, client, send):
    assert api["other"].post("/api/v1/feedback", BODY).status_code == 403
    assert api["counter"].post("/api/v1/feedback", BODY).status_code == 403
    feedback = send()
    assert api["other"].get(f"/api/v1/feedback/{feedback.code}").status_code == 404
    assert client.get(f"/api/v1/feedback/{feedback.code}").status_code == 401
    assert Feedback.objects.count() == 1


def test_a_complaint_is_redirected(api):
    response = api["officer"].post("/api/v1/feedback", {**BODY, "kind": "to_cao", "national_id": ""})
    assert response.status_code == 201 and response.json()["status"] == "chuyen_huong"
    assert "Luật Tố cáo" in response.json()["redirect_note"]


def test_the_endpoints_are_documented(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/feedback", "/api/v1/feedback/{code}", "/api/v1/feedback/{code}/answer"} <= set(paths)
    assert "/api/v1/feedback/{code}/actions/{action}" in paths
