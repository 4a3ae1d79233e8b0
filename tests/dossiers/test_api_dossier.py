"""GET /api/v1/dossiers/{code} and /log: the dossier with its clock and the caller's allowed actions; 404 for anyone
who may not see it; a fixed number of queries however long its history."""

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import allowed_actions, apply
from motcua.worktime import services as worktime
from tests.builders.dossiers import request_for

pytestmark = pytest.mark.django_db

# token, role assignments, agency tree; the dossier (joined with procedure, case, people), components, steps,
# the agencies they name (one query); its pauses and its apologies only when it has some (its flags). The
# receiving unit's working hours (for the remaining time) are kept per process after the first use. A finished
# dossier adds its result. The answer shows the applicant's data: one INSERT into the personal-data access log.
DETAIL_QUERIES = 3 + 4 + 1
LOG_QUERIES = 5  # token, role assignments, agency tree, the dossier, the entries


@pytest.fixture
def dossier(procedure, officers):
    received = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(received.receiving_agency)  # warm the process-wide calendar cache
    return received


def test_detail_for_the_officers_of_its_units(api, dossier):
    body = api["lead"].get(f"/api/v1/dossiers/{dossier.code}").json()
    assert body["code"] == dossier.code and body["version"] == 1
    assert body["applicant"]["id_number"] == "038190001234" and body["applicant"]["phone"] == "0912345678"
    assert body["procedure_code"] == "1.004222" and "case" in body
    assert body["remaining"].startswith("còn ") and "ngày" in body["remaining"]
    assert body["allowed_actions"] == []  # the lead acts once the counter has transferred it
    assert [
        a["action"] for a in api["counter"].get(f"/api/v1/dossiers/{dossier.code}").json()["allowed_actions"]
    ] == [
        "transfer",
        "withdraw",
    ]


def test_outsiders_get_404_without_learning_it_exists(api, dossier, client):
    response = api["other_counter"].get(f"/api/v1/dossiers/{dossier.code}")
    assert response.status_code == 404
    assert response.json() == api["other_counter"].get("/api/v1/dossiers/KHONG-CO").json() | {
        "detail": response.json()["detail"]
    }
    assert api["other_counter"].get(f"/api/v1/dossiers/{dossier.code}/log").status_code == 404
    assert api["other_counter"].act(dossier.code, "transfer").status_code == 404
    assert client.get(f"/api/v1/dossiers/{dossier.code}").status_code == 401


def test_query_count_is_fixed(api, dossier, officers, django_assert_num_queries):
    url = f"/api/v1/dossiers/{dossier.code}"
    api["counter"].get(
        url
    )  # the calendar and working hours of the unit, cached per process after the first use
    with django_assert_num_queries(DETAIL_QUERIES):
        assert api["counter"].get(url).status_code == 200
    apply(dossier, "transfer", officers["counter"])
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    apply(dossier, "request_payment", officers["specialist"], inputs={"reason": "Lệ phí"})
    apply(dossier, "confirm_payment", officers["specialist"])
    with django_assert_num_queries(DETAIL_QUERIES + 1):  # it has a pause now
        body = api["specialist"].get(url).json()
    assert len(body["steps"]) == 1 and len(body["pauses"]) == 1
    assert "forward" in [a["action"] for a in body["allowed_actions"]]
    with django_assert_num_queries(LOG_QUERIES):
        assert len(api["specialist"].get(f"{url}/log").json()) == 5


def test_allowed_actions_match_the_transition_service(api, dossier, officers):
    def compare():
        dossier.refresh_from_db()
        for name, user in officers.items():
            response = api[name].get(f"/api/v1/dossiers/{dossier.code}") if name in api else None
            if response is None or response.status_code == 404:
                continue
            shown = [a["action"] for a in response.json()["allowed_actions"]]
            assert shown == [t.action for t in allowed_actions(user, dossier)], name

    compare()
    apply(dossier, "transfer", officers["counter"])
    compare()
    apply(dossier, "request_supplement", officers["specialist"], inputs={"reason": "Thiếu bản sao"})
    compare()
    apply(dossier, "receive_supplement", officers["counter"])
    apply(
        dossier,
        "consult_partner",
        officers["specialist"],
        inputs={"partner": "000.00.07.H56", "share_amount": 2},
    )
    compare()


def test_log(api, dossier, officers):
    apply(dossier, "transfer", officers["counter"])
    entries = api["counter"].get(f"/api/v1/dossiers/{dossier.code}/log").json()
    assert [(e["seq"], e["action"], e["from_status"], e["to_status"]) for e in entries] == [
        (1, "receive", None, 2),
        (2, "transfer", 2, 4),
    ]
    first, second = entries
    assert first["actor_name"] == "Nguyễn An" and first["role"] == "COUNTER_OFFICER"
    assert first["agency"] == "000.00.02.H56" and first["to_status_label"] == "Được tiếp nhận"
    assert second["from_status_label"] == "Được tiếp nhận" and second["to_status_label"] == "Đang xử lý"
    assert second["action_label"] == "Chuyển hồ sơ đến cơ quan giải quyết" and len(second["hash"]) == 64
    assert second["step_due_at"]
