"""A request whose database connection is lost (a restart, a fail-over, sessions killed by an operator: the fault
test of issue 18 does it under load) answers 503 with the reason and Retry-After — a page in Vietnamese, the API in
its problem shape — never a 500."""

import pytest
from django.db.utils import InterfaceError, OperationalError

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_gone(monkeypatch):
    """The procedure search (behind the public catalogue page and its API) meets a dropped connection."""
    from motcua.catalog import search

    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(search, "search", lost)


def test_a_page_answers_503_in_vietnamese(client, database_gone):
    response = client.get("/thu-tuc/", {"q": "khai sinh"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "mất kết nối tới cơ sở dữ liệu" in response.content.decode()


def test_the_api_answers_503_with_its_problem_shape(client, database_gone):
    response = client.get("/api/v1/procedures", {"q": "khai sinh"})
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Idempotency-Key" in response.json()["detail"]


def test_other_errors_are_not_hidden(rf):
    from motcua.core.middleware import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/"), ValueError("a bug")) is None
    assert (
        middleware.process_exception(rf.get("/"), InterfaceError("connection already closed")).status_code
        == 503
    )
