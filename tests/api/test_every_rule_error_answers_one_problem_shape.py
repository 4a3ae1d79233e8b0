"""Every app refuses in one vocabulary (``core.rules.RuleError``: kind, rule, field, HTTP status), and the API answers
every refusal with one shape, ``ProblemOut`` ``{"detail", "rule", "kind", "field"}``, with the status of its kind:
the dossier and PAKN transition tables, files, payments, accounts and online submission alike. A refused PAKN
action through its endpoint has the same shape."""

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import timezone

from motcua.accounts import services as accounts
from motcua.api import api
from motcua.core.models import ApiToken
from motcua.core.problems import ProblemOut
from motcua.core.rules import RuleError
from motcua.core.tokens import create_token
from motcua.dossiers.services import transitions as dossier_transitions
from motcua.feedback.services import transitions as feedback_transitions
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.files.services.storage import stored_upload
from motcua.payments.services import payments
from motcua.portal import submission
from tests.builders.org import assign


def _refuse_transition():
    dossier_transitions.transition_for("bay")


def _refuse_feedback_action():
    feedback_transitions.transition_for("bay")


def _refuse_missing_upload():
    with stored_upload(None, None, field="tep"):
        pass


def _refuse_unknown_gateway():
    payments.start(None, None, "khong-co", return_url="/", callback_url="/")


def _refuse_forged_link():
    accounts.verify_email("gia-mao")


def _refuse_expired_link():
    long_ago = timezone.now() - dt.timedelta(days=30)
    accounts.verify_email(
        accounts.verification_token(SimpleNamespace(user_id=1, email="a@b.vn"), at=long_ago)
    )


def _refuse_lost_upload():
    draft = submission.Draft("1.004222", 1, "000.00.02.H56", {}, "counter", files={"7": {"file": "mat"}})
    submission.submit(draft, SimpleNamespace(user_id=1, id_verified=False, id_number=""), None)


# (how the service is refused, the family, kind, field, status): statuses written out, not read from the error
REFUSALS = {
    "dossier transition": (_refuse_transition, "TransitionError", "unknown_action", "", 404),
    "PAKN transition": (_refuse_feedback_action, "FeedbackError", "unknown_action", "", 404),
    "file": (_refuse_missing_upload, "FilesError", "invalid_input", "tep", 422),
    "payment": (_refuse_unknown_gateway, "PaymentError", "invalid_input", "", 422),
    "account, forged link": (_refuse_forged_link, "AccountError", "invalid_input", "", 422),
    "account, expired link": (_refuse_expired_link, "AccountError", "expired", "", 410),
    "online submission": (_refuse_lost_upload, "SubmissionError", "invalid_input", "", 422),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_each_family_of_refusal_is_a_rule_error_answered_as_one_problem(name):
    refuse, family, kind, field, status = REFUSALS[name]
    with pytest.raises(RuleError) as refused:
        refuse()
    assert type(refused.value).__name__ == family
    response = api.on_exception(RequestFactory().post("/api/v1/"), refused.value)
    assert response.status_code == status
    body = ProblemOut.model_validate_json(response.content).model_dump()
    assert body == {"detail": refused.value.message, "rule": "", "kind": kind, "field": field}
    assert set(json.loads(response.content)) == {"detail", "rule", "kind", "field"}
    assert body["detail"] and not body["detail"].isascii()  # the Vietnamese reason, not a code


@pytest.fixture
def pakn(db, province, client, django_user_model):
    """A PAKN received at Sở Tư pháp, and a bearer-token client of its PAKN officer."""
    officer = django_user_model.objects.create_user("pakn.tuphap", password="x-long-password-1")
    assign(officer, "PAKN_OFFICER", province["justice"], valid_from=dt.date(2024, 1, 1))
    feedback = submit(
        FeedbackRequest(
            receiving_agency="000.00.03.H56",
            title="Chậm trả kết quả chứng thực",
            content="Tôi nộp hồ sơ chứng thực nhưng đến nay chưa nhận được kết quả.",
            sender_name="Trần Thị Bình",
            sender_address="Số 5 đường Lê Lợi, phường Hạc Thành",
            sender_phone="0912345678",
        )
    )
    key = create_token(officer, "pakn")[1]
    ApiToken.objects.update(last_used_at=timezone.now())

    def act(action, inputs=None):
        return client.post(
            f"/api/v1/feedback/{feedback.code}/actions/{action}",
            {"inputs": inputs or {}},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    return act


@pytest.mark.parametrize(
    ("action", "inputs", "kind", "rule", "field", "status"),
    [
        ("bay", {}, "unknown_action", "", "", 404),
        ("receive", {}, "unknown_action", "", "", 404),  # intake is POST /feedback
        ("draft_answer", {"answer": "Sở đã xử lý."}, "wrong_state", "P8", "", 409),
        ("classify", {}, "missing_input", "P2", "classification", 422),
    ],
)
def test_a_refused_pakn_action_answers_the_same_shape(pakn, action, inputs, kind, rule, field, status):
    response = pakn(action, inputs)
    assert response.status_code == status
    assert set(response.json()) == {"detail", "rule", "kind", "field"}
    assert (response.json()["kind"], response.json()["rule"], response.json()["field"]) == (kind, rule, field)
