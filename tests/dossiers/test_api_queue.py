"""GET /api/v1/dossiers: only the dossiers of the caller's units, filtered, ordered by due date, in a fixed number of
queries whatever the page holds."""

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from tests.builders.dossiers import at, queue, request_for

pytestmark = pytest.mark.django_db

# token, role assignments, agency tree; one index scan per side (receiving, handling, current unit); the page's
# rows (with procedure and applicant) and their agencies
LIST_QUERIES = 3 + 3 + 2


@pytest.fixture
def dossiers(procedure, officers):
    return queue(officers)


def keys(response):
    assert response.status_code == 200, response.content
    return [item["code"] or item["reference"] for item in response.json()["items"]]


def test_scoping_and_deadline_order(api, dossiers):
    everything = keys(api["counter"].get("/api/v1/dossiers"))
    # by the deadline each runs against: the late appointment, the online dossier's reception deadline (8 working
    # hours), then the fresh dossier's appointment
    assert everything == [dossiers["late"].code, dossiers["online"].reference, dossiers["fresh"].code]
    assert keys(api["other_counter"].get("/api/v1/dossiers")) == []
    # the handling agency's lead and the specialist of its division see the dossiers handled there
    assert set(keys(api["lead"].get("/api/v1/dossiers"))) == set(everything)
    assert set(keys(api["specialist"].get("/api/v1/dossiers"))) == set(everything)
    assert set(keys(api["admin"].get("/api/v1/dossiers"))) == set(everything)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "4"}, ["late"]),
        ({"status": "1,2"}, ["fresh", "online"]),
        ({"status": ["1", "4"]}, ["late", "online"]),
        ({"overdue": "true"}, ["late"]),
        ({"overdue": "false"}, ["fresh", "online"]),
        ({"channel": "2"}, ["online"]),
        ({"procedure": "1.004222"}, ["late", "fresh", "online"]),
        ({"procedure": "1.000000"}, []),
        ({"unit": "000.00.03.H56"}, ["late", "fresh", "online"]),
        ({"unit": "000.01.21.H56"}, []),
        ({"due_before": "2026-04-01T00:00:00+07:00"}, ["late"]),
        ({"received_from": "2026-03-01", "received_to": "2026-03-31"}, ["late"]),
    ],
)
def test_filters(api, dossiers, params, expected):
    names = {d.code or d.reference: name for name, d in dossiers.items()}
    assert sorted(names[k] for k in keys(api["counter"].get("/api/v1/dossiers", params))) == sorted(expected)


def test_bad_status_is_422(api, dossiers):
    response = api["counter"].get("/api/v1/dossiers", {"status": "11"})
    assert response.status_code == 422 and "11" in response.json()["detail"][0]["msg"]


def test_cursor_pagination_walks_every_dossier_once(api, dossiers, officers):
    for _ in range(4):
        receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))  # equal deadlines
    everything = keys(api["counter"].get("/api/v1/dossiers"))
    assert len(everything) == 7
    walked, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = api["counter"].get("/api/v1/dossiers", params).json()
        walked += [i["code"] or i["reference"] for i in body["items"]]
        cursor, pages = body["next_cursor"], pages + 1
        if cursor is None:
            break
    assert walked == everything and pages == 4
    assert api["counter"].get("/api/v1/dossiers").json()["next_cursor"] is None  # default page of 50


@pytest.mark.parametrize(
    "params", [{"limit": 500}, {"limit": 0}, {"cursor": "not-a-cursor"}, {"unit": "nope"}]
)
def test_bad_page_parameters_are_422(api, dossiers, params):
    response = api["counter"].get("/api/v1/dossiers", params)
    assert response.status_code == 422, response.content


def test_query_count_does_not_grow_with_the_page(
    api, dossiers, procedure, officers, django_assert_num_queries
):
    with django_assert_num_queries(LIST_QUERIES):
        assert len(keys(api["counter"].get("/api/v1/dossiers"))) == 3
    for _ in range(4):
        receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    with django_assert_num_queries(LIST_QUERIES):
        assert len(keys(api["counter"].get("/api/v1/dossiers", {"status": "2,4", "overdue": "false"}))) == 5
    with django_assert_num_queries(LIST_QUERIES):
        assert len(keys(api["admin"].get("/api/v1/dossiers"))) == 7  # subunits expanded without more queries
