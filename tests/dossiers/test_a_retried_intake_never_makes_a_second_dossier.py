"""An integrator retrying an intake with the same ``Idempotency-Key`` gets the original answer (the same dossier,
the same status code) and never a second dossier; the same key with another body is refused; keys belong to their
caller and expire after ``MOTCUA_IDEMPOTENCY_HOURS``. Two identical requests racing each other make one dossier
(PostgreSQL: concurrent writers)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from motcua.dossiers.models import Dossier, IntakeKey
from tests.builders.dossiers import intake

URL = "/api/v1/dossiers"


def post(api, url, body, key):
    return api.client.post(
        url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key, **api.headers
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", [{}, {"channel": "2"}, {"decision": "refuse", "reason": "Không thuộc thẩm quyền"}]
)
def test_the_same_key_returns_the_same_dossier(api, procedure, body):
    first = post(api["counter"], URL, intake(**body), "dvc-2026-000123")
    assert first.status_code == 201, first.content
    assert "Idempotency-Replayed" not in first.headers
    again = post(api["counter"], URL, intake(**body), "dvc-2026-000123")
    assert again.status_code == 201 and again.headers["Idempotency-Replayed"] == "true"
    assert again.json()["reference"] == first.json()["reference"]
    assert again.json()["code"] == first.json()["code"]
    assert Dossier.objects.count() == 1


@pytest.mark.django_db
def test_the_same_key_with_another_body_is_refused_and_changes_nothing(api, procedure):
    assert post(api["counter"], URL, intake(), "k-1").status_code == 201
    other = post(api["counter"], URL, intake(summary="Một yêu cầu khác"), "k-1")
    assert other.status_code == 422
    assert other.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert "đã được dùng cho một yêu cầu khác" in other.json()["detail"][0]["msg"]
    assert Dossier.objects.count() == 1


@pytest.mark.django_db
def test_a_refused_intake_is_not_remembered(api, procedure):
    wrong = post(api["counter"], URL, intake(procedure_code="9.999999"), "k-2")
    assert wrong.status_code == 422 and not IntakeKey.objects.exists()
    fixed = post(api["counter"], URL, intake(), "k-2")
    assert fixed.status_code == 201 and Dossier.objects.count() == 1


@pytest.mark.django_db
def test_keys_belong_to_their_caller(api, procedure, officers):
    from tests.builders.org import assign

    assign(officers["other_counter"], "COUNTER_OFFICER", procedure_centre(), valid_from=dt.date(2024, 1, 1))
    one = post(api["counter"], URL, intake(), "shared-key")
    two = post(api["other_counter"], URL, intake(), "shared-key")
    assert one.status_code == two.status_code == 201
    assert one.json()["code"] != two.json()["code"] and Dossier.objects.count() == 2


def procedure_centre():
    from motcua.org.models import Agency

    return Agency.objects.get(identifier="000.00.02.H56")


@pytest.mark.django_db
def test_keys_expire(api, procedure, settings):
    settings.MOTCUA_IDEMPOTENCY_HOURS = 2
    first = post(api["counter"], URL, intake(), "k-3")
    IntakeKey.objects.update(created_at=IntakeKey.objects.get().created_at - dt.timedelta(hours=2, minutes=1))
    later = post(api["counter"], URL, intake(), "k-3")
    assert later.status_code == 201 and "Idempotency-Replayed" not in later.headers
    assert later.json()["code"] != first.json()["code"] and Dossier.objects.count() == 2
    assert IntakeKey.objects.count() == 1  # the expired use was deleted


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["", "có dấu", "x" * 201, "tab\there"])
def test_a_malformed_key_is_refused(api, procedure, key):
    response = post(api["counter"], URL, intake(), key)
    assert response.status_code == 422, response.content
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_a_retried_batch_returns_the_same_dossiers(api, procedure):
    body = {
        "items": [intake(applicant={"name": f"Người {n}", "id_number": f"03819000{n:04d}"}) for n in range(3)]
    }
    first = post(api["counter"], URL + "/batch", body, "lo-7")
    again = post(api["counter"], URL + "/batch", body, "lo-7")
    assert first.status_code == again.status_code == 201
    assert [d["code"] for d in again.json()["items"]] == [d["code"] for d in first.json()["items"]]
    assert again.headers["Idempotency-Replayed"] == "true" and Dossier.objects.count() == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)")
def test_two_identical_requests_at_once_make_one_dossier(api, procedure):
    barrier = threading.Barrier(3)
    answers = []
    counter = api["counter"]

    def send():
        try:
            client = Client(raise_request_exception=False)
            barrier.wait()
            answers.append(
                client.post(
                    URL,
                    intake(),
                    content_type="application/json",
                    HTTP_IDEMPOTENCY_KEY="race-1",
                    **counter.headers,
                )
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [201, 201, 201], [a.content for a in answers]
    assert len({a.json()["code"] for a in answers}) == 1
    assert Dossier.objects.count() == 1 and IntakeKey.objects.count() == 1
