"""The digitisation screens: the queue of the receiving unit's open dossiers still waiting for scans (deadline
order, keyset pages), and one dossier's components with their state, an upload form and the applicant's data
store. Labelled fields, errors next to them, the same answer with and without htmx, and a fixed number of queries."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from motcua.files.services import digitise_component
from motcua.files.views import digitise as digitise_views
from tests.builders.dossiers import WORK_MENU, request_for
from tests.builders.files import PDF, upload

pytestmark = pytest.mark.django_db

QUEUE = "/mot-cua/so-hoa/"
# session and user, permission snapshot (two), the receiving side's index read, the rows and their agencies, the
# components' counts, unread notifications, the menu's work counts
QUEUE_QUERIES = 2 + 2 + 1 + 2 + 1 + 1 + WORK_MENU
# session and user, permission snapshot (two), the dossier, its components, the data store (two), unread notifications,
# the menu's work counts
PAGE_QUERIES = 2 + 2 + 1 + 1 + 2 + 1 + WORK_MENU
# session and user, permission snapshot (two), the dossier, the component; the transaction (savepoint in tests, the
# file's row, the dossier's status under lock, the component, release); the data store (two) for the block shown
UPLOAD_QUERIES = 2 + 2 + 1 + 1 + 5 + 2


def intake(officers, n=1):
    # the counter officer checked the card: the dossiers share a data store (the registry rule)
    return [
        receive_at_counter(request_for(identity_checked=True), officers["counter"], at=timezone.now())
        for _ in range(n)
    ]


def codes(response) -> list[str]:
    return re.findall(r'<a href="/mot-cua/so-hoa/([^/]+)/">', response.content.decode())


def scan_all(dossier, officer):
    for component in dossier.components.all():
        digitise_component(component, upload("ban-quet.pdf", PDF), officer)


def test_the_queue_lists_the_units_open_dossiers_waiting_for_scans(
    officers, procedure, digitiser, signed_in, django_assert_num_queries
):
    waiting, done, closed = intake(officers, 3)
    scan_all(done, digitiser)
    apply(closed, "withdraw", officers["counter"], inputs={"reason": "Công dân rút hồ sơ"})
    partly = intake(officers)[0]
    digitise_component(partly.components.order_by("id").first(), upload("to-khai.pdf", PDF), digitiser)
    client = signed_in(digitiser)
    client.get(QUEUE)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE)
    assert response.status_code == 200
    assert codes(response) == [waiting.code, partly.code]  # deadline order; done and closed ones left out
    page = response.content.decode()
    assert "2 / 2 thành phần" in page and "1 / 2 thành phần" in page
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page


def test_the_queue_pages_by_keyset(officers, procedure, digitiser, signed_in, monkeypatch):
    monkeypatch.setattr(digitise_views, "PAGE_SIZE", 2)
    dossiers = intake(officers, 5)
    client = signed_in(digitiser)
    first = client.get(QUEUE)
    assert codes(first) == [d.code for d in dossiers[:2]]
    more = re.search(r'hx-get="(\?[^"]+)"', first.content.decode()).group(1).replace("&amp;", "&")
    second = client.get(QUEUE + more, HTTP_HX_REQUEST="true")
    assert codes(second) == [d.code for d in dossiers[2:4]] and "<html" not in second.content.decode()
    broken = client.get(QUEUE + "?sau=not-a-cursor")
    assert "Liên kết trang không hợp lệ" in broken.content.decode()


def test_other_officers_are_told_the_screen_is_not_theirs(officers, procedure, signed_in):
    response = signed_in(officers["specialist"]).get(QUEUE)
    assert response.status_code == 403
    assert "Màn hình số hóa dành cho cán bộ số hóa và công chức tiếp nhận" in response.content.decode()


def test_another_units_digitiser_sees_only_their_unit(officers, procedure, other_digitiser, signed_in):
    intake(officers, 2)
    response = signed_in(other_digitiser).get(QUEUE)
    assert response.status_code == 200 and codes(response) == []
    assert "Không còn hồ sơ nào chờ số hóa." in response.content.decode()


def test_the_dossier_screen_shows_each_component_with_a_labelled_form(
    officers, procedure, digitiser, signed_in, django_assert_num_queries
):
    dossier = intake(officers)[0]
    client = signed_in(digitiser)
    url = f"{QUEUE}{dossier.code}/"
    client.get(url)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đã số hóa 0/2 thành phần" in page and page.count("Chưa số hóa") >= 2
    assert "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)" in page and "Trần Thị Bình" in page
    for component in dossier.components.all():
        field = f"component-{component.pk}-tep"
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
        assert f'action="/mot-cua/so-hoa/{dossier.code}/thanh-phan/{component.pk}/tep/"' in page
    assert 'enctype="multipart/form-data"' in page and 'accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"' in page
    assert "tối đa 20 MB" in page
    assert "Chủ hồ sơ chưa có giấy tờ đã số hóa" in page


def test_the_screen_costs_the_same_with_a_rich_data_store(
    officers, procedure, digitiser, signed_in, django_assert_num_queries
):
    earlier = intake(officers, 4)
    for dossier in earlier:
        scan_all(dossier, digitiser)
    dossier = intake(officers)[0]
    digitise_component(dossier.components.first(), upload("to-khai.pdf", PDF), digitiser)
    client = signed_in(digitiser)
    url = f"{QUEUE}{dossier.code}/"
    with django_assert_num_queries(PAGE_QUERIES):
        page = client.get(url).content.decode()
    # eight earlier scans, offered in the select of each of the two components
    assert page.count('<option value="tp-') == 2 * 8 and "Đã số hóa 1/2 thành phần" in page


def test_an_upload_through_htmx_returns_the_component_in_its_new_state(
    officers, procedure, digitiser, signed_in
):
    dossier = intake(officers)[0]
    component = dossier.components.order_by("id").first()
    response = signed_in(digitiser).post(
        f"{QUEUE}{dossier.code}/thanh-phan/{component.pk}/tep/",
        {"tep": upload("Tờ khai CT01.pdf", PDF)},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert (
        response.status_code == 200
        and page.startswith("<article")
        and f'id="component-{component.pk}"' in page
    )
    assert "Được số hóa" in page and "Đã đính kèm bản quét “Tờ khai CT01.pdf”" in page
    assert re.search(r'href="/mot-cua/tep/[0-9a-f-]{36}/">Tờ khai CT01.pdf</a>', page)
    assert "Thay bản quét" in page


def test_without_javascript_an_upload_redirects_to_the_page(officers, procedure, digitiser, signed_in):
    dossier = intake(officers)[0]
    component = dossier.components.order_by("id").first()
    client = signed_in(digitiser)
    response = client.post(
        f"{QUEUE}{dossier.code}/thanh-phan/{component.pk}/tep/", {"tep": upload("a.pdf", PDF)}
    )
    assert (
        response.status_code == 302
        and response["Location"] == f"{QUEUE}{dossier.code}/#component-{component.pk}"
    )
    assert "Đã số hóa 1/2 thành phần" in client.get(response["Location"]).content.decode()


def test_a_counter_officer_of_the_receiving_unit_uses_the_screen_too(officers, procedure, signed_in):
    dossier = intake(officers)[0]
    assert signed_in(officers["counter"]).get(f"{QUEUE}{dossier.code}/").status_code == 200


def test_officers_who_see_the_dossier_but_do_not_digitise_are_told_so(officers, procedure, signed_in):
    dossier = intake(officers)[0]
    response = signed_in(officers["specialist"]).get(f"{QUEUE}{dossier.code}/")
    assert response.status_code == 403
    assert "Chỉ cán bộ số hóa hoặc công chức tiếp nhận của Trung tâm" in response.content.decode()


def test_a_dossier_of_another_unit_is_not_found(officers, procedure, other_digitiser, signed_in):
    dossier = intake(officers)[0]
    client = signed_in(other_digitiser)
    assert client.get(f"{QUEUE}{dossier.code}/").status_code == 404
    component = dossier.components.first()
    response = client.post(
        f"{QUEUE}{dossier.code}/thanh-phan/{component.pk}/tep/", {"tep": upload("a.pdf", PDF)}
    )
    assert response.status_code == 404 and "Trần Thị Bình" not in response.content.decode()


def test_a_component_of_another_dossier_is_not_found(officers, procedure, digitiser, signed_in, stored):
    one, two = intake(officers, 2)
    foreign = two.components.first()
    response = signed_in(digitiser).post(
        f"{QUEUE}{one.code}/thanh-phan/{foreign.pk}/tep/", {"tep": upload("a.pdf", PDF)}
    )
    assert response.status_code == 404 and stored() == (0, [])


def test_a_closed_dossier_shows_its_states_without_forms(officers, procedure, digitiser, signed_in):
    dossier = intake(officers)[0]
    apply(dossier, "withdraw", officers["counter"], inputs={"reason": "Công dân rút hồ sơ"})
    page = signed_in(digitiser).get(f"{QUEUE}{dossier.code}/").content.decode()
    assert "chỉ số hóa thành phần của hồ sơ đang được tiếp nhận hoặc giải quyết" in page
    assert 'name="tep"' not in page
