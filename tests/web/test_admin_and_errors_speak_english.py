"""Vietnamese first, English available: the admin's model, field and choice labels, the role names and the
validation errors of the admin and the API follow the active language (cookie or Accept-Language)."""

import pytest
from django.utils import translation

from motcua.org.models import Agency
from motcua.org.roles import Role
from motcua.worktime.admin import WEEKDAYS
from motcua.worktime.engine.formatting import WEEKDAYS as ENGINE_WEEKDAYS
from motcua.worktime.engine.work_calendar import DAY_KIND_LABELS, DayKind
from motcua.worktime.models import DayKindChoices
from tests.builders.org import agency_body, assign, signed_in_holding
from tests.builders.web import in_language, page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_to_the_default_language")]

EMPTY_INLINES = {
    "working_hours-TOTAL_FORMS": "0",
    "working_hours-INITIAL_FORMS": "0",
    "successions_out-TOTAL_FORMS": "0",
    "successions_out-INITIAL_FORMS": "0",
}


@pytest.fixture
def root_client(client, django_user_model, province, officer):
    assign(officer, Role.ADMIN, province["ubnd"], includes_subunits=True)
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    client.force_login(root)
    return client


@pytest.fixture
def api_client(client, officer, province):
    return signed_in_holding(client, officer, Role.ADMIN, province["ubnd"])


def post_agency(client, language, **fields):
    body = agency_body(**fields)
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    return client.post("/api/v1/agencies", body, content_type="application/json", **headers)


def messages(response):
    return " ".join(item["msg"] for item in response.json()["detail"])


# --- the admin ------------------------------------------------------------------------------------------------


def test_agency_changelist_in_english(root_client):
    html = page(in_language(root_client, "en"), "/admin/org/agency/")
    assert "Electronic identifier" in html  # field label (column header)
    assert "Provincial department" in html  # choice label (Sở, ban, ngành)
    assert "Provincial level" in html
    assert "By validity" in html and "In force today" in html  # list filter title and lookups
    assert "Select agency to change" in html
    assert "Mã định danh" not in html and "Sở, ban, ngành" not in html


def test_agency_changelist_in_vietnamese(root_client):
    html = page(in_language(root_client, "vi"), "/admin/org/agency/")
    assert "Mã định danh" in html
    assert "Sở, ban, ngành" in html
    assert "Còn hiệu lực hôm nay" in html
    assert "Electronic identifier" not in html and "Provincial department" not in html


def test_admin_index_names_apps_and_models_in_english(root_client):
    html = page(in_language(root_client, "en"), "/admin/")
    assert "Organisation" in html and "Agencies and units" in html and "Role assignments" in html
    assert "motcua — Administration" in html
    html = page(in_language(root_client, "vi"), "/admin/")
    assert "Tổ chức, đơn vị" in html and "Phân công vai trò" in html


def test_agency_add_form_in_english(root_client):
    html = page(in_language(root_client, "en"), "/admin/org/agency/add/")
    assert "Electronic identifier" in html
    assert "Electronic identifier under Decision 20/2020/QĐ-TTg" in html  # help text
    assert "Commune/ward People&#x27;s Committee" in html  # a choice of the kind select
    assert "Provincial Public Administration Service Centre" in html
    assert "Valid from" in html and "Contact" in html


def test_agency_add_form_in_vietnamese(root_client):
    html = page(in_language(root_client, "vi"), "/admin/org/agency/add/")
    assert "Mã định danh" in html
    assert "UBND xã, phường, đặc khu" in html
    assert "Electronic identifier" not in html


def test_role_labels_follow_the_language(root_client):
    html = page(in_language(root_client, "en"), "/admin/org/roleassignment/")
    assert "System administrator" in html
    assert "Dossier receipt and result return officer" in html  # the role filter lists every role
    html = page(in_language(root_client, "vi"), "/admin/org/roleassignment/")
    assert "Quản trị hệ thống" in html
    assert "System administrator" not in html


def test_admin_form_error_in_english(root_client):
    before = Agency.objects.count()
    body = {
        "identifier": "000.00.03.H56",
        "name": "Sở trùng mã",
        "kind": "so_ban_nganh",
        "level": "province",
        "valid_from": "01/01/2024",
        **EMPTY_INLINES,
    }
    html = in_language(root_client, "en").post("/admin/org/agency/add/", body).content.decode()
    assert (
        "Electronic identifier 000.00.03.H56 is already used for “Sở Tư pháp” during 01/01/2020 – present"
        in html
    )
    html = in_language(root_client, "vi").post("/admin/org/agency/add/", body).content.decode()
    assert "Mã định danh 000.00.03.H56 đã được dùng cho “Sở Tư pháp” trong thời gian 01/01/2020 – nay" in html
    assert Agency.objects.count() == before


# --- the API --------------------------------------------------------------------------------------------------


def test_api_422_in_english_with_accept_language(api_client):
    response = post_agency(api_client, "en", identifier="000.00.40")
    assert response.status_code == 422
    assert "The electronic identifier “000.00.40” is not correctly formatted" in messages(response)


def test_api_422_in_vietnamese_by_default(api_client):
    for language in ("vi", None):  # Vietnamese asked for, or nothing asked for
        response = post_agency(api_client, language, identifier="000.00.40")
        assert response.status_code == 422
        assert "Mã định danh “000.00.40” không đúng định dạng" in messages(response)


def test_api_lookup_errors_in_both_languages(api_client):
    response = post_agency(api_client, "en", parent="999.99.99.H56")
    assert response.status_code == 422
    assert "No parent agency with electronic identifier “999.99.99.H56” was found on 01/03/2025." in messages(
        response
    )
    response = post_agency(api_client, "vi", parent="999.99.99.H56")
    assert "Không tìm thấy cơ quan cấp trên có mã định danh “999.99.99.H56” vào ngày 01/03/2025." in messages(
        response
    )


def test_api_403_in_english(client, officer, province):
    assign(officer, Role.COUNTER_OFFICER, province["ubnd"])
    client.force_login(officer)
    response = post_agency(client, "en")
    assert response.status_code == 403
    assert "System administrator" in response.json()["detail"]
    response = post_agency(client, "vi")
    assert "Quản trị hệ thống" in response.json()["detail"]


# --- labels that repeat the engine's (the engine does not import Django) ------------------------------------------


def test_day_kind_labels_repeat_the_engine_and_translate():
    with translation.override("vi"):
        assert {kind: str(DayKindChoices(kind.value).label) for kind in DayKind} == DAY_KIND_LABELS
        assert [str(day) for day in WEEKDAYS] == list(ENGINE_WEEKDAYS)
    with translation.override("en"):
        assert DayKindChoices.COMPENSATORY.label == "Compensatory day off"
        assert DayKindChoices.MAKEUP_WORKDAY.label == "Make-up working day"
        assert str(WEEKDAYS[0]) == "Monday"
