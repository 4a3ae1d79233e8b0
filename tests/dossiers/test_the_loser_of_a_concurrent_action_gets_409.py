"""Two officers act on the same dossier at the same moment: the winner's action is applied, the loser is refused by
the rules with 409 and a reason — never a 500. The row lock must not join rows the winner changes: a transfer moves
the dossier to another unit while the loser waits for the lock, and a lock joined to the current unit then found no
row at all. PostgreSQL only (SQLite serialises every writer at the start of its transaction)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import apply
from motcua.feedback.models import Feedback
from tests.builders.dossiers import intake

NEEDS_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)"
)

HOLD = 1.0  # seconds the winner keeps its transaction open, the loser waiting for the lock meanwhile


def race(winner, loser_request):
    """Run ``winner`` in a transaction held open for HOLD seconds; meanwhile ``loser_request`` (a function returning
    a response) runs in another thread and waits for the lock. Returns the loser's response."""
    holding, answer = threading.Event(), []

    def lose():
        try:
            holding.wait(10)
            answer.append(loser_request(Client(raise_request_exception=False)))
        finally:
            connections.close_all()

    thread = threading.Thread(target=lose)
    thread.start()
    try:
        with transaction.atomic():
            winner()
            holding.set()
            time.sleep(HOLD)
    finally:
        holding.set()
        thread.join()
    return answer[0]


@pytest.mark.django_db(transaction=True)
@NEEDS_POSTGRES
def test_two_transfers_at_once_one_is_refused_with_409(api, procedure, officers):
    created = api["counter"].post("/api/v1/dossiers", intake())
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    dossier = Dossier.objects.get(code=code)
    headers = api["counter"].headers

    response = race(
        lambda: apply(dossier.pk, "transfer", officers["counter"]),
        lambda client: client.post(
            f"/api/v1/dossiers/{code}/actions/transfer",
            {"inputs": {}},
            content_type="application/json",
            **headers,
        ),
    )
    assert response.status_code == 409, response.content
    assert response.json()["kind"] == "wrong_state" and "trạng thái" in response.json()["detail"]
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.status == 4 and stored.log.filter(action="transfer").count() == 1


@pytest.mark.django_db(transaction=True)
@NEEDS_POSTGRES
def test_a_stale_version_loses_with_409(api, procedure, officers):
    created = api["counter"].post("/api/v1/dossiers", intake()).json()
    dossier = Dossier.objects.get(code=created["code"])
    headers = api["counter"].headers
    response = race(
        lambda: apply(dossier.pk, "transfer", officers["counter"]),
        lambda client: client.post(
            f"/api/v1/dossiers/{created['code']}/actions/transfer",
            {"inputs": {}, "expected_version": created["version"]},
            content_type="application/json",
            **headers,
        ),
    )
    assert response.status_code == 409 and response.json()["kind"] == "stale", response.content


@pytest.mark.django_db(transaction=True)
@NEEDS_POSTGRES
def test_a_pakn_item_moved_by_the_winner_is_refused_with_a_reason(province, django_user_model):
    """The PAKN lock joins the handling unit too, which a transfer changes."""
    import datetime as dt

    from motcua.core.tokens import create_token
    from motcua.feedback.services.intake import submit
    from motcua.feedback.services.transitions import apply as apply_feedback
    from tests.builders.feedback import request_for
    from tests.builders.org import assign

    officer = django_user_model.objects.create_user("pakn.tuphap", password="x-long-password-1")
    assign(officer, "PAKN_OFFICER", province["justice"], valid_from=dt.date(2024, 1, 1))
    key = create_token(officer)[1]
    item = submit(request_for())
    response = race(
        lambda: apply_feedback(
            item.pk,
            "transfer",
            officer,
            inputs={"agency": "000.00.07.H56", "reason": "Đúng thẩm quyền Sở Xây dựng"},
        ),
        lambda client: client.post(
            f"/api/v1/feedback/{item.code}/actions/transfer",
            {"inputs": {"agency": "000.00.07.H56", "reason": "Đúng thẩm quyền Sở Xây dựng"}},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        ),
    )
    # the item has left the loser's units meanwhile: refused with a reason (403 no role there now, 409), never a 500
    assert response.status_code in (403, 404, 409), response.content
    assert Feedback.objects.get(pk=item.pk).handling_agency.identifier == "000.00.07.H56"


@pytest.mark.django_db
def test_a_unique_key_taken_meanwhile_answers_409_and_keeps_nothing(api, procedure, monkeypatch):
    """A unique key a concurrent request took between the checks and the write (IntegrityError) answers 409 with a
    reason, on every endpoint, and nothing of the request is kept."""
    from django.db import IntegrityError

    from motcua.dossiers.services import intake as intake_service

    def taken(*args, **kwargs):
        raise IntegrityError('duplicate key value violates unique constraint "dossier_code_unique"')

    monkeypatch.setattr(intake_service, "receive_at_counter", taken)
    response = api["counter"].post("/api/v1/dossiers", intake())
    assert response.status_code == 409, response.content
    assert "thử lại" in response.json()["detail"] and not Dossier.objects.exists()
