"""POST /api/v1/dossiers/{code}/actions/{action}: the whole journey through one endpoint, and every refusal mapped
to its HTTP status with the rule it breaks. The OpenAPI description lists the paths and the actions."""

import pytest

from motcua.dossiers import lifecycle
from motcua.dossiers.models import ProcessLogEntry
from tests.builders.dossiers import intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def code(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake())
    assert response.status_code == 201, response.content
    return response.json()["code"]


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def test_the_whole_journey(api, code, officers):
    body = ok(api["counter"].act(code, "transfer", expected_version=1))
    assert (body["dossier"]["status"], body["entry"]["seq"], body["entry"]["action"]) == (4, 2, "transfer")
    ok(api["dept"].act(code, "assign", {"handler": "cv.tuphap"}))
    ok(api["specialist"].act(code, "forward"))
    body = ok(
        api["lead"].act(
            code,
            "finish",
            {
                "result_number": "15/XN-STP",
                "result_summary": "Xác nhận",
                "result_signer": "Mai Xuân Khánh",
                "result_signed_on": "2026-01-01",
            },
        )
    )
    assert body["dossier"]["status"] == 9 and body["dossier"]["result"]["number"] == "15/XN-STP"
    assert body["dossier"]["timeliness"] in {"early", "on_time"}
    body = ok(api["counter"].act(code, "return_result", {"method": "counter"}))
    assert body["dossier"]["status"] == 10 and body["dossier"]["allowed_actions"] == []
    assert body["entry"]["to_status_label"] == "Đã trả kết quả"
    assert list(ProcessLogEntry.objects.order_by("seq").values_list("action", flat=True)) == [
        "receive",
        "transfer",
        "assign",
        "forward",
        "finish",
        "return_result",
    ]


def test_wrong_state_is_409_naming_the_rule(api, code):
    response = api["counter"].act(code, "return_result")
    assert response.status_code == 409
    body = response.json()
    assert (body["kind"], body["rule"]) == ("wrong_state", "T14") and "T14" in body["detail"]


def test_forbidden_is_403(api, code):
    ok(api["counter"].act(code, "transfer"))
    response = api["counter"].act(code, "stop", {"reason": "x"})
    assert response.status_code == 403
    assert (response.json()["kind"], response.json()["rule"]) == ("forbidden", "T10")


def test_missing_reason_is_422(api, code):
    ok(api["counter"].act(code, "transfer"))
    response = api["specialist"].act(code, "request_supplement", {"reason": "  "})
    assert response.status_code == 422
    assert response.json() == {
        "detail": response.json()["detail"],
        "rule": "T7",
        "kind": "missing_input",
        "field": "reason",
    }
    assert "lý do" in response.json()["detail"]


def test_stale_version_is_409(api, code):
    ok(api["counter"].act(code, "transfer", expected_version=1))
    response = api["dept"].act(code, "assign", {"handler": "cv.tuphap"}, expected_version=1)
    assert response.status_code == 409 and response.json()["kind"] == "stale"
    assert ProcessLogEntry.objects.count() == 2


def test_second_supplement_is_a_conflict(api, code):
    ok(api["counter"].act(code, "transfer"))
    ok(api["specialist"].act(code, "request_supplement", {"reason": "Thiếu bản sao"}))
    ok(api["counter"].act(code, "receive_supplement"))
    response = api["specialist"].act(code, "request_supplement", {"reason": "Lần hai"})
    assert response.status_code == 409 and (response.json()["kind"], response.json()["rule"]) == (
        "conflict",
        "T7",
    )


def test_unknown_action_is_404(api, code):
    for action in ("fly", "receive"):  # intake actions are POST /dossiers
        response = api["counter"].act(code, action)
        assert response.status_code == 404 and response.json()["kind"] == "unknown_action"


def test_invalid_input_is_422(api, code):
    ok(api["counter"].act(code, "transfer"))
    response = api["dept"].act(code, "assign", {"handler": "khong.co"})
    assert response.status_code == 422 and response.json()["field"] == "handler"


def test_openapi_describes_the_dossier_api(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/dossiers",
        "/api/v1/dossiers/{code}",
        "/api/v1/dossiers/{code}/actions/{action}",
        "/api/v1/dossiers/{code}/log",
    ):
        assert path in paths, path
    operation = paths["/api/v1/dossiers/{code}/actions/{action}"]["post"]
    for transition in lifecycle.TRANSITIONS:
        if lifecycle.NEW not in transition.sources:
            assert f"`{transition.action}`" in operation["description"], transition.action
    assert {"200", "403", "404", "409", "422"} <= set(operation["responses"])
    assert {"201", "403", "422"} <= set(paths["/api/v1/dossiers"]["post"]["responses"])
    assert paths["/api/v1/dossiers"]["get"]["summary"].startswith("Danh sách hồ sơ")
    assert {"TokenAuth", "SessionAuth"} <= set(schema["components"]["securitySchemes"])
