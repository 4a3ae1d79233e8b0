"""Vietnamese first, English available: the catalogue's pages, choice labels, controller messages and API errors
follow the active language (cookie or Accept-Language); Vietnamese stays the default."""

import pytest
from django.utils import translation

from motcua.catalog.choices import Channel, OnlineLevel, VersionState
from motcua.org.roles import Role
from tests.builders.catalog import published_procedure
from tests.builders.org import signed_in_holding
from tests.builders.web import in_language, page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("back_to_the_default_language")]

HEADINGS = {  # Vietnamese → English, as on the procedure page
    "Thành phần hồ sơ": "Dossier components",
    "Căn cứ pháp lý": "Legal basis",
    "Trình tự thực hiện": "Steps",
    "Lĩnh vực": "Field",
    "Cấp thực hiện": "Implementing level",
}


@pytest.fixture
def controller(client, officer, province):
    return signed_in_holding(client, officer, Role.TTHC_CONTROLLER, province["ubnd"])


def test_procedure_list_in_both_languages(client):
    published_procedure()
    html = page(in_language(client, "en"), "/thu-tuc/")
    assert "Administrative procedures" in html and "Find a procedure" in html
    assert "1 procedure." in html
    assert "Thủ tục hành chính" not in html
    html = page(in_language(client, "vi"), "/thu-tuc/")
    assert "Thủ tục hành chính" in html and "1 thủ tục." in html
    assert "Administrative procedures" not in html


def test_procedure_page_headings_and_choices_in_english(client):
    published_procedure()
    html = page(in_language(client, "en"), "/thu-tuc/1.004222/")
    for english in HEADINGS.values():
        assert english in html
    assert "In person" in html and "Online" in html  # channel choices
    assert "7 working days" in html  # time limit: amount and unit
    assert "1 original" in html and "1 copy" in html  # counted with the right plural form
    assert "1523/QĐ-BCA-C06 of 20/06/2025" in html
    for vietnamese in [*HEADINGS, "Trực tiếp", "ngày làm việc", "bản chính"]:
        assert vietnamese not in html
    # the procedure's own content is Vietnamese data and stays as it is
    assert "Đăng ký thường trú" in html and "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)" in html


def test_procedure_page_in_vietnamese_by_default(client):
    published_procedure()
    for language in ("vi", None):
        if language:
            in_language(client, language)
        html = page(client, "/thu-tuc/1.004222/")
        for vietnamese in HEADINGS:
            assert vietnamese in html
        assert "Trực tiếp" in html and "7 ngày làm việc" in html and "1 bản chính" in html
        assert "Dossier components" not in html and "In person" not in html


def test_choice_labels_follow_the_language():
    with translation.override("en"):
        assert Channel.DIRECT.label == "In person"
        assert Channel.POSTAL.label == "Public postal service"
        assert OnlineLevel.FULL.label == "Fully online public service"
        assert VersionState.PUBLISHED.label == "Published"
    with translation.override("vi"):
        assert Channel.DIRECT.label == "Trực tiếp"
        assert VersionState.PUBLISHED.label == "Đã công bố"


def test_controller_messages_and_validation_in_both_languages(controller):
    published_procedure()
    # the flash message after a new draft, and the controller page, in English
    in_language(controller, "en").post("/kiem-soat-tthc/1.004222/du-thao/")
    html = page(controller, "/kiem-soat-tthc/1.004222/")
    assert "Draft version 2 created from version 1." in html
    assert "Procedure control" in html and "Publish draft version 2" in html
    # a publication refused by the services, in the user's language
    body = {"valid_from": "01/03/2026", "decision_number": "99/QĐ-UBND", "decision_date": "02/03/2026"}
    response = in_language(controller, "en").post("/kiem-soat-tthc/1.004222/cong-bo/2/", body)
    assert response.status_code == 400
    assert "The date of the publication decision cannot be later than the effective date." in (
        response.content.decode()
    )
    response = in_language(controller, "vi").post("/kiem-soat-tthc/1.004222/cong-bo/2/", body)
    assert response.status_code == 400
    assert "Ngày quyết định công bố không được sau ngày có hiệu lực." in response.content.decode()


def test_api_errors_in_both_languages(client):
    response = client.get("/api/v1/procedures", {"level": "county"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert "The implementing level “county” is not valid" in response.content.decode()
    response = client.get("/api/v1/procedures", {"level": "county"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert "Cấp thực hiện “county” không hợp lệ" in response.content.decode()


def test_admin_names_the_catalogue_in_both_languages(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    client.force_login(root)
    version = published_procedure()
    html = page(in_language(client, "en"), "/admin/")
    assert (
        "Administrative procedures" in html
        and "Procedure versions" in html
        and "Procedure assignments" in html
    )
    html = page(client, f"/admin/catalog/procedureversion/{version.pk}/change/")
    assert "Online public service level" in html and "Ways to submit" in html and "Legal bases" in html
    html = page(in_language(client, "vi"), "/admin/")
    assert "Thủ tục hành chính" in html and "Phiên bản thủ tục" in html
