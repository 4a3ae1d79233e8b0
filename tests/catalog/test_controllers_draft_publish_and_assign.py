"""TTHC controllers create drafts, publish them with their decision and assign procedures to units; audited.
Others are refused."""

import datetime as dt

import pytest

from motcua.catalog.choices import VersionState
from motcua.catalog.models import ProcedureAssignment, ProcedureVersion
from motcua.core.models import AuditEntry
from tests.builders.catalog import published_procedure
from tests.builders.org import assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def controller(client, officer, province):
    assign(officer, "TTHC_CONTROLLER", province["ubnd"], includes_subunits=True)
    officer.is_staff = True
    officer.save()
    client.force_login(officer)
    return client


@pytest.fixture
def version():
    return published_procedure()


def test_queue_and_procedure_page(controller, version, django_assert_max_num_queries):
    assert "1.004222" in controller.get("/kiem-soat-tthc/").content.decode()
    with django_assert_max_num_queries(12):
        page = controller.get("/kiem-soat-tthc/1.004222/").content.decode()
    assert "Tạo dự thảo phiên bản mới" in page


def test_new_draft_then_publish(controller, version, officer):
    response = controller.post("/kiem-soat-tthc/1.004222/du-thao/")
    draft = ProcedureVersion.objects.get(procedure=version.procedure, number=2)
    assert response.status_code == 302 and response["Location"].endswith(f"/{draft.pk}/change/")
    assert draft.state == VersionState.DRAFT and draft.created_by == officer
    # the admin lets the controller edit the draft, but not the published version
    assert controller.get(f"/admin/catalog/procedureversion/{draft.pk}/change/").status_code == 200
    published_page = controller.get(f"/admin/catalog/procedureversion/{version.pk}/change/").content.decode()
    assert 'name="name"' not in published_page
    response = controller.post(
        "/kiem-soat-tthc/1.004222/cong-bo/2/",
        {"valid_from": "01/03/2026", "decision_number": "99/QĐ-UBND", "decision_date": "20/02/2026"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    version.refresh_from_db()
    assert (draft.state, draft.valid_from, draft.decision_number) == (
        "published",
        dt.date(2026, 3, 1),
        "99/QĐ-UBND",
    )
    assert version.valid_to == dt.date(2026, 2, 28)
    assert AuditEntry.objects.filter(action="publish", actor=officer, object_id=str(draft.pk)).exists()


def test_publish_with_bad_input_shows_errors_and_changes_nothing(controller, version):
    controller.post("/kiem-soat-tthc/1.004222/du-thao/")
    response = controller.post(
        "/kiem-soat-tthc/1.004222/cong-bo/2/",
        {"valid_from": "2026-13-45", "decision_number": "", "decision_date": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "field-error" in page
    assert ProcedureVersion.objects.get(number=2).state == VersionState.DRAFT
    response = controller.post(
        "/kiem-soat-tthc/1.004222/cong-bo/2/",
        {"valid_from": "01/03/2026", "decision_number": "99/QĐ-UBND", "decision_date": "02/03/2026"},
    )
    assert response.status_code == 400
    assert "không được sau ngày có hiệu lực" in response.content.decode()
    assert ProcedureVersion.objects.get(number=2).state == VersionState.DRAFT


def test_assign_and_end_an_assignment(controller, version, province, officer):
    response = controller.post(
        "/kiem-soat-tthc/1.004222/giao/",
        {
            "agency": province["centre"].pk,
            "role": "receives",
            "valid_from": "01/07/2025",
            "decision": "QĐ 12/QĐ-UBND",
        },
    )
    assert response.status_code == 302
    assignment = ProcedureAssignment.objects.get()
    assert (assignment.agency, assignment.valid_from) == (province["centre"], dt.date(2025, 7, 1))
    duplicate = controller.post(
        "/kiem-soat-tthc/1.004222/giao/",
        {"agency": province["centre"].pk, "role": "receives", "valid_from": "01/01/2026"},
    )
    assert duplicate.status_code == 400
    assert "đã được giao nhiệm vụ này" in duplicate.content.decode()
    controller.post(f"/kiem-soat-tthc/1.004222/giao/{assignment.pk}/ket-thuc/", {"valid_to": "31/12/2026"})
    assignment.refresh_from_db()
    assert assignment.valid_to == dt.date(2026, 12, 31)
    assert AuditEntry.objects.filter(object_type="catalog.procedureassignment", actor=officer).count() == 2


def test_other_officers_are_refused(client, django_user_model, province, version):
    clerk = django_user_model.objects.create_user("clerk", password="x-long-password-1", is_staff=True)
    assign(clerk, "COUNTER_OFFICER", province["centre"])
    client.force_login(clerk)
    assert client.get("/kiem-soat-tthc/").status_code == 403
    assert client.post("/kiem-soat-tthc/1.004222/du-thao/").status_code == 403
    assert client.get(f"/admin/catalog/procedureversion/{version.pk}/change/").status_code in (302, 403)
    assert ProcedureVersion.objects.count() == 1


def test_anonymous_is_sent_to_login(client, version):
    response = client.get("/kiem-soat-tthc/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
