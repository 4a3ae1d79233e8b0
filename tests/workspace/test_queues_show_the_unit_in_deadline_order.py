"""The queues: my unit's open dossiers in deadline order with their badges, the officer's own work, waiting for
reception, waiting to be returned; filters; keyset pages; a fixed number of queries; other units see nothing."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import FINISH_INPUTS, WORK_MENU_COUNTER, at, queue, request_for

pytestmark = pytest.mark.django_db

# session, user, role assignments, agency tree, unread notifications, fields list; one index scan per side of the
# unit (receiving, handling, current); the page's rows and their agencies; the menu's work counts (a counter's)
UNIT_QUEUE_QUERIES = 6 + 3 + 2 + WORK_MENU_COUNTER


@pytest.fixture
def dossiers(procedure, officers):
    built = queue(officers)
    counter = officers["counter"]
    done = receive_at_counter(request_for(), counter, at=at("2026-03-02 08:00"))
    apply(done, "transfer", counter, at=at("2026-03-02 09:00"))
    apply(done, "finish", officers["lead"], inputs=FINISH_INPUTS, at=at("2026-03-09 08:00"))
    return {**built, "done": done}


def codes(response):
    assert response.status_code == 200, response.content[:500]
    return re.findall(r'<td class="code"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_unit_queue_in_deadline_order_with_badges(signed_in, officers, dossiers):
    client = signed_in(officers["counter"])
    response = client.get("/mot-cua/ho-so/", {"hang": "don-vi"})
    assert codes(response) == [dossiers["late"].code, dossiers["online"].reference, dossiers["fresh"].code]
    page = response.content.decode()
    assert "quá hạn" in page and "deadline-late" in page and "còn " in page
    assert "Hồ sơ của đơn vị" in page


def test_waiting_for_reception_and_for_return(signed_in, officers, dossiers):
    client = signed_in(officers["counter"])
    assert codes(client.get("/mot-cua/ho-so/", {"hang": "cho-tiep-nhan"})) == [dossiers["online"].reference]
    assert codes(client.get("/mot-cua/ho-so/", {"hang": "tra-ket-qua"})) == [dossiers["done"].code]


def test_the_old_my_work_address_leads_to_the_work_list_waiting_for_me(signed_in, officers, dossiers):
    apply(dossiers["late"], "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    client = signed_in(officers["specialist"])
    response = client.get("/mot-cua/ho-so/", {"hang": "cua-toi"})  # a bookmark of the former "Việc của tôi"
    assert response.status_code == 302 and response["Location"] == "/mot-cua/viec/cho-xu-ly/"
    assert dossiers["late"].code in client.get(response["Location"]).content.decode()
    assert signed_in(officers["specialist"]).get("/mot-cua/")["Location"] == "/mot-cua/viec/cho-xu-ly/"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"qua_han": "on"}, ["late"]),
        ({"trang_thai": "1"}, ["online"]),
        ({"trang_thai": "10"}, []),
        ({"kenh": "2"}, ["online"]),
        ({"thu_tuc": "1.004222"}, ["late", "online", "fresh"]),
        ({"thu_tuc": "9.999999"}, []),
        ({"tu_ngay": "01/03/2026", "den_ngay": "31/03/2026"}, ["late"]),
    ],
)
def test_filters(signed_in, officers, dossiers, params, expected):
    keys = {d.code or d.reference: name for name, d in dossiers.items()}
    response = signed_in(officers["counter"]).get("/mot-cua/ho-so/", {"hang": "don-vi", **params})
    assert [keys[c] for c in codes(response)] == expected


def test_bad_date_is_shown_next_to_the_field(signed_in, officers, dossiers):
    response = signed_in(officers["counter"]).get("/mot-cua/ho-so/", {"tu_ngay": "31/02/2026"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'aria-invalid="true" aria-describedby="err-tu_ngay"' in page and "ngày/tháng/năm" in page


def test_pages_by_cursor_with_htmx(signed_in, officers, procedure):
    for _ in range(55):
        receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    client = signed_in(officers["counter"])
    first = client.get("/mot-cua/ho-so/", {"hang": "don-vi"})
    assert len(codes(first)) == 50
    more = re.search(r'hx-get="\?([^"]+)"', first.content.decode()).group(1).replace("&amp;", "&")
    rest = client.get(f"/mot-cua/ho-so/?{more}", HTTP_HX_REQUEST="true")
    assert len(codes(rest)) == 5 and "<table" not in rest.content.decode()
    assert not set(codes(first)) & set(codes(rest))


def test_query_count_is_fixed(signed_in, officers, dossiers, procedure, django_assert_num_queries):
    client = signed_in(officers["counter"])
    client.get("/mot-cua/ho-so/")  # calendars and working hours are kept per process after the first use
    with django_assert_num_queries(UNIT_QUEUE_QUERIES):
        assert len(codes(client.get("/mot-cua/ho-so/", {"hang": "don-vi"}))) == 3
    for _ in range(20):
        receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    with django_assert_num_queries(UNIT_QUEUE_QUERIES):
        assert len(codes(client.get("/mot-cua/ho-so/", {"hang": "don-vi"}))) == 23


def test_other_unit_sees_nothing_and_non_officer_is_refused(signed_in, officers, dossiers, django_user_model):
    assert codes(signed_in(officers["other_counter"]).get("/mot-cua/ho-so/", {"hang": "don-vi"})) == []
    nobody = django_user_model.objects.create_user("khach", password="x-long-password-1")
    response = signed_in(nobody).get("/mot-cua/ho-so/")
    assert response.status_code == 403 and "chưa được phân công vai trò" in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/mot-cua/ho-so/")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_bad_date_with_htmx_comes_back_next_to_the_field(signed_in, officers, dossiers):
    response = signed_in(officers["counter"]).get(
        "/mot-cua/ho-so/", {"den_ngay": "hôm qua"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200  # swapped by htmx: the field (out of band) and the notice
    assert 'id="f-den_ngay" hx-swap-oob="true"' in page and 'aria-invalid="true"' in page
    assert "Bộ lọc chưa hợp lệ" in page
