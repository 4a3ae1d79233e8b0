"""Vietnamese first, English available: the dossier API's refusals, status and action labels and the remaining
time follow the request's language (Accept-Language); Vietnamese stays the default. Stored data (the process
log's notes, notifications) stays as written."""

import re

import pytest
from django.utils import translation

from motcua.dossiers.choices import Status
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.services.transitions import INPUT_LABELS
from tests.builders.dossiers import intake

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_to_the_default_language")]


@pytest.fixture
def code(api, procedure):
    response = api["counter"].post("/api/v1/dossiers", intake())
    assert response.status_code == 201, response.content
    return response.json()["code"]


def speaking(api, language):
    for client in api.values():
        client.headers["HTTP_ACCEPT_LANGUAGE"] = language
    return api


def test_a_refusal_for_the_wrong_state_in_english_and_vietnamese(api, code):
    response = speaking(api, "en")["counter"].act(code, "return_result")
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "T14 “Return the result to the citizen”: applies only to a dossier with status Processed; "
        "the dossier's status is “Accepted”."
    )
    response = speaking(api, "vi")["counter"].act(code, "return_result")
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "T14 “Trả kết quả cho công dân”: chỉ áp dụng cho hồ sơ ở trạng thái Đã xử lý xong; "
        "hồ sơ đang ở trạng thái “Được tiếp nhận”."
    )


def test_vietnamese_without_accept_language(api, code):
    response = api["counter"].act(code, "return_result")
    assert "chỉ áp dụng cho hồ sơ ở trạng thái" in response.json()["detail"]


def test_missing_input_and_unknown_dossier_in_english(api, code):
    api = speaking(api, "en")
    response = api["counter"].act(code, "withdraw")
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "T11 “Withdraw the dossier at the citizen's request”: reason is missing."
    )
    response = api["counter"].get("/api/v1/dossiers/KHONG-CO")
    assert response.status_code == 404
    assert response.json()["detail"] == "Dossier “KHONG-CO” not found."


def test_the_dossier_page_in_english(api, code):
    body = speaking(api, "en")["counter"].get(f"/api/v1/dossiers/{code}").json()
    assert body["status_label"] == "Accepted"
    assert body["channel_label"] == "In person"
    assert {a["action"]: a["label"] for a in body["allowed_actions"]}["transfer"] == (
        "Transfer the dossier to the competent agency"
    )
    assert re.fullmatch(r"(\d+ (days?|hours?|minutes?) ?)+ (left|overdue)|due now", body["remaining"])
    log = api["counter"].get(f"/api/v1/dossiers/{code}/log").json()
    assert (log[0]["action_label"], log[0]["to_status_label"]) == (
        "Accept at the one-stop counter",
        "Accepted",
    )
    assert log[0]["note"].startswith("Tiếp nhận hồ sơ, cấp mã")  # stored: as written, in Vietnamese

    body = speaking(api, "vi")["counter"].get(f"/api/v1/dossiers/{code}").json()
    assert (body["status_label"], body["channel_label"]) == ("Được tiếp nhận", "Trực tiếp")
    assert body["remaining"].startswith(("còn ", "quá hạn ", "đến hạn"))


def test_labels_follow_the_active_language():
    with translation.override("en"):
        assert Status(2).label == "Accepted"
        assert Status.RETURNED.label == "Result returned"
        assert str(BY_ACTION["withdraw"].label) == "Withdraw the dossier at the citizen's request"
        assert str(INPUT_LABELS["new_due_at"]) == "new appointment date"
    with translation.override("vi"):
        assert Status(2).label == "Được tiếp nhận"
        assert str(BY_ACTION["withdraw"].label) == "Rút hồ sơ theo đề nghị của công dân"


def test_the_openapi_description_stays_vietnamese(client, db):
    # the first request may be the one that imports the API: in English here
    client.get("/api/v1/dossiers/x", HTTP_ACCEPT_LANGUAGE="en")
    schema = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()
    description = schema["paths"]["/api/v1/dossiers/{code}/actions/{action}"]["post"]["description"]
    assert "Trả kết quả cho công dân" in description and "Return the result" not in description
