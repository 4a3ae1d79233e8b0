"""A PAKN code that names no item is "not found" (404), never an unknown action: the transition service refuses
with kind ``not_found``, the API's one handler answers 404 with the problem shape, and the API's endpoints answer
404 for it."""

import json

import pytest
from django.test import RequestFactory
from django.utils import timezone

from motcua.api import api
from motcua.core.models import ApiToken
from motcua.core.tokens import create_token
from motcua.feedback.models import Feedback
from motcua.feedback.services.transitions import FeedbackError, apply

pytestmark = pytest.mark.django_db

UNKNOWN = "PAKN-000.00.03.H56-260309-9999"


def test_the_service_refuses_an_unknown_code_as_not_found(staff, send):
    send()
    with pytest.raises(FeedbackError) as refused:
        apply(UNKNOWN, "process", staff["officer"])
    assert (refused.value.kind, refused.value.http_status) == ("not_found", 404)
    assert UNKNOWN in refused.value.message
    answer = api.on_exception(RequestFactory().post("/api/v1/"), refused.value)
    assert answer.status_code == 404
    assert json.loads(answer.content) == {
        "detail": refused.value.message,
        "rule": "",
        "kind": "not_found",
        "field": "",
    }
    assert Feedback.objects.get().status == "tiep_nhan"  # the known item untouched


def test_the_api_answers_404_for_an_unknown_code(client, staff):
    key = create_token(staff["officer"], "pakn")[1]
    ApiToken.objects.update(last_used_at=timezone.now())
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    for url in (f"/api/v1/feedback/{UNKNOWN}/actions/process", f"/api/v1/feedback/{UNKNOWN}/answer"):
        body = {"inputs": {}} if "actions" in url else {"answer": "Đã xử lý."}
        response = client.post(url, body, content_type="application/json", **auth)
        assert response.status_code == 404 and UNKNOWN in response.json()["detail"]
    assert client.get(f"/api/v1/feedback/{UNKNOWN}", **auth).status_code == 404
