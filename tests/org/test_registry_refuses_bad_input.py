"""Bad input to the organisation registry gets a clear reason (API 422/401/403, admin form error) and saves nothing."""

import datetime as dt

import pytest

from motcua.core.models import AuditEntry
from motcua.org.models import Agency, AgencySuccession
from tests.builders.org import agency_body, assign, signed_in_holding


@pytest.fixture
def admin_client(client, officer, province):
    return signed_in_holding(client, officer, "ADMIN", province["ubnd"])


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def messages(response):
    return " ".join(item["msg"] for item in response.json()["detail"])


def assert_nothing_saved(before_agencies, before_audit):
    assert Agency.objects.count() == before_agencies
    assert AuditEntry.objects.count() == before_audit


def test_a_valid_agency_is_created_and_audited(admin_client, officer):
    response = post(admin_client, "/api/v1/agencies", agency_body())
    assert response.status_code == 201, response.content
    assert response.json()["parent"] == "000.00.00.H56"
    entry = AuditEntry.objects.filter(object_type="org.agency").latest("id")
    assert entry.actor == officer and entry.action == "create"


@pytest.mark.parametrize("identifier", ["000.00.40", "H56.00.00.000", "000.0.40.H56", "abc", "000.00.40.h56"])
def test_malformed_identifier(admin_client, identifier):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(admin_client, "/api/v1/agencies", agency_body(identifier=identifier))
    assert response.status_code == 422
    assert "không đúng định dạng" in messages(response)
    assert_nothing_saved(*before)


def test_duplicate_identifier_with_overlapping_validity(admin_client):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(
        admin_client, "/api/v1/agencies", agency_body(identifier="000.00.03.H56", valid_from="2024-01-01")
    )
    assert response.status_code == 422
    assert "đã được dùng cho “Sở Tư pháp”" in messages(response)
    assert_nothing_saved(*before)


def test_same_identifier_allowed_after_the_previous_bearer_ended(admin_client, province):
    justice = province["justice"]
    justice.valid_to = dt.date(2025, 2, 28)
    justice.save()
    response = post(
        admin_client, "/api/v1/agencies", agency_body(identifier="000.00.03.H56", valid_from="2025-03-01")
    )
    assert response.status_code == 201, response.content


def test_validity_that_ends_before_it_starts(admin_client):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(admin_client, "/api/v1/agencies", agency_body(valid_to="2025-02-01"))
    assert response.status_code == 422
    assert "trước ngày bắt đầu hiệu lực" in messages(response)
    assert_nothing_saved(*before)


def test_malformed_date_is_422_not_500(admin_client):
    response = post(admin_client, "/api/v1/agencies", agency_body(valid_from="31/02/2025"))
    assert response.status_code == 422


def test_parent_that_does_not_exist(admin_client):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(admin_client, "/api/v1/agencies", agency_body(parent="000.00.77.H56"))
    assert response.status_code == 422
    assert "Không tìm thấy cơ quan cấp trên có mã định danh “000.00.77.H56”" in messages(response)
    assert_nothing_saved(*before)


def test_parent_cycle_is_refused(admin_client, province):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = admin_client.patch(
        "/api/v1/agencies/000.00.03.H56", {"parent": "000.01.03.H56"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "vòng lặp" in messages(response)
    province["justice"].refresh_from_db()
    assert province["justice"].parent == province["ubnd"]
    assert_nothing_saved(*before)


def test_succession_to_an_agency_that_does_not_exist(admin_client, province):
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(
        admin_client,
        "/api/v1/agency-successions",
        {
            "predecessors": ["000.01.21.H56"],
            "successors": ["000.00.53.H56"],
            "kind": "merge",
            "effective_date": "2025-07-01",
            "legal_basis": "NQ 1686/NQ-UBTVQH15",
        },
    )
    assert response.status_code == 422
    assert "Không tìm thấy cơ quan kế thừa có mã định danh “000.00.53.H56”" in messages(response)
    assert AgencySuccession.objects.count() == 0
    province["commune_a"].refresh_from_db()
    assert province["commune_a"].valid_to is None
    assert_nothing_saved(*before)


def test_a_failed_merge_saves_nothing_at_all(admin_client, province):
    """The second successor is valid only from later: the whole merge is refused, the first link included."""
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(
        admin_client,
        "/api/v1/agency-successions",
        {
            "predecessors": ["000.01.21.H56", "000.02.21.H56"],
            "successors": ["000.00.03.H56", "000.00.07.H56"],
            "kind": "merge",
            "effective_date": "2025-07-01",
            "legal_basis": "NQ 1686/NQ-UBTVQH15",
        },
    )
    assert response.status_code == 422
    assert "đúng một cơ quan kế thừa" in messages(response)
    assert AgencySuccession.objects.count() == 0
    assert_nothing_saved(*before)


def test_a_valid_merge_through_the_api(admin_client, province):
    from tests.builders.org import make_agency

    make_agency(
        "000.00.53.H56",
        "UBND phường Đông Quang",
        kind="ubnd_xa",
        level="commune",
        parent=province["ubnd"],
        valid_from=dt.date(2025, 7, 1),
    )
    response = post(
        admin_client,
        "/api/v1/agency-successions",
        {
            "predecessors": ["000.01.21.H56", "000.02.21.H56"],
            "successors": ["000.00.53.H56"],
            "kind": "merge",
            "effective_date": "2025-07-01",
            "legal_basis": "NQ 1686/NQ-UBTVQH15",
        },
    )
    assert response.status_code == 201, response.content
    assert AgencySuccession.objects.count() == 2


def test_unknown_kind_is_422(admin_client):
    response = post(admin_client, "/api/v1/agencies", agency_body(kind="bo"))
    assert response.status_code == 422


def test_anonymous_writes_are_401(client, province):
    response = post(client, "/api/v1/agencies", agency_body())
    assert response.status_code == 401
    assert response.json()["detail"]


def test_writes_without_the_admin_role_are_403(client, officer, province):
    assign(officer, "COUNTER_OFFICER", province["ubnd"])
    client.force_login(officer)
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = post(client, "/api/v1/agencies", agency_body())
    assert response.status_code == 403
    assert "Quản trị hệ thống" in response.json()["detail"]
    assert_nothing_saved(*before)


def test_admin_form_shows_the_error_and_saves_nothing(client, django_user_model, province):
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    client.force_login(root)
    before = Agency.objects.count(), AuditEntry.objects.count()
    response = client.post(
        "/admin/org/agency/add/",
        {
            "identifier": "000.00.03.H56",
            "name": "Sở trùng mã",
            "kind": "so_ban_nganh",
            "level": "province",
            "valid_from": "01/01/2024",
            "working_hours-TOTAL_FORMS": "0",
            "working_hours-INITIAL_FORMS": "0",
            "successions_out-TOTAL_FORMS": "0",
            "successions_out-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "đã được dùng cho “Sở Tư pháp”" in response.content.decode()
    assert_nothing_saved(*before)


def test_admin_form_rejects_a_parent_cycle(client, django_user_model, province):
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    client.force_login(root)
    justice = province["justice"]
    response = client.post(
        f"/admin/org/agency/{justice.pk}/change/",
        {
            "identifier": justice.identifier,
            "name": justice.name,
            "kind": justice.kind,
            "level": justice.level,
            "parent": province["division"].pk,
            "valid_from": "01/01/2020",
            "working_hours-TOTAL_FORMS": "0",
            "working_hours-INITIAL_FORMS": "0",
            "successions_out-TOTAL_FORMS": "0",
            "successions_out-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "vòng lặp" in response.content.decode()
    justice.refresh_from_db()
    assert justice.parent == province["ubnd"]
