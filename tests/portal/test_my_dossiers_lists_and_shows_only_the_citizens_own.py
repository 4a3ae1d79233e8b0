"""“Hồ sơ của tôi” lists the dossiers the account may see (ownership.dossiers_q), newest first, with the status in
plain words, the appointment and what to do; the detail shows the units, the timeline and the centre's decision.
Each page reads a fixed number of queries."""

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import request_for
from tests.builders.portal import online_for

pytestmark = pytest.mark.django_db

# the session row, the user read with its citizen account (accounts.backends)
BASE = 2
LIST_QUERIES = BASE + 2  # the count and the page
DETAIL_QUERIES = BASE + 2 + 3  # the row, its components; the public view (row, log, units)


def test_the_list_shows_my_dossiers_newest_first(
    signed_in, citizen, stranger, officers, procedure, django_assert_num_queries
):
    first = online_for(citizen)
    second = online_for(citizen)
    accepted = apply(second, "accept", officers["counter"]).dossier
    other = online_for(stranger)
    client = signed_in(citizen)
    client.get("/ho-so-cua-toi/")
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/ho-so-cua-toi/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index(accepted.code) < page.index(first.reference)
    assert other.reference not in page
    assert "Được tiếp nhận" in page and "Mới đăng ký" in page
    due = timezone.localtime(accepted.due_at).strftime("%d/%m/%Y %H:%M")
    assert f"<strong>{due}</strong>" in page
    assert "Chờ bộ phận một cửa kiểm tra, tiếp nhận." in page


def test_a_verified_identity_also_sees_dossiers_received_at_the_counter(
    signed_in, citizen, officers, procedure
):
    citizen.citizen.id_verified = True
    citizen.citizen.save()
    counter = receive_at_counter(request_for(identity_checked=True), officers["counter"], at=timezone.now())
    page = signed_in(citizen).get("/ho-so-cua-toi/").content.decode()
    assert counter.code in page
    detail = signed_in(citizen).get(f"/ho-so-cua-toi/{counter.code}/").content.decode()
    assert "Gửi đề nghị rút hồ sơ" not in detail  # only the submitting account acts as the applicant


def test_a_dossier_someone_else_declared_with_her_number_is_not_hers(
    signed_in, citizen, stranger, officers, procedure
):
    """The registry rule: a declared number (a local account, or a counter intake without the card check) does
    not make that dossier — with its declarer's phone and address — the verified citizen's."""
    citizen.citizen.id_verified = True
    citizen.citizen.save()
    strangers = online_for(stranger, applicant=request_for().applicant)  # declares Bình's number
    unchecked = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    client = signed_in(citizen)
    page = client.get("/ho-so-cua-toi/").content.decode()
    assert strangers.reference not in page and unchecked.code not in page
    assert client.get(f"/ho-so-cua-toi/{unchecked.code}/").status_code == 404
    assert client.get(f"/ho-so-cua-toi/{strangers.reference}/").status_code == 404


def test_the_list_is_paged(signed_in, citizen, procedure, officers):
    for _ in range(21):
        online_for(citizen)
    client = signed_in(citizen)
    page = client.get("/ho-so-cua-toi/").content.decode()
    assert "Trang 1/2" in page and "?trang=2" in page
    assert page.count('class="card portal-row"') == 20
    assert client.get("/ho-so-cua-toi/?trang=2").content.decode().count('class="card portal-row"') == 1


def test_the_detail_shows_the_acceptance_with_code_and_appointment(
    signed_in, citizen, officers, procedure, django_assert_num_queries
):
    online = online_for(citizen)
    accepted = apply(online, "accept", officers["counter"]).dossier
    client = signed_in(citizen)
    client.get(f"/ho-so-cua-toi/{accepted.code}/")
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(f"/ho-so-cua-toi/{accepted.code}/")
    page = response.content.decode()
    assert "Hồ sơ đã được tiếp nhận." in page and f"Mã hồ sơ: {accepted.code}." in page
    due = timezone.localtime(accepted.due_at).strftime("%d/%m/%Y %H:%M")
    assert f"Ngày hẹn trả kết quả</dt><dd><strong>{due}" in page
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page and "Sở Tư pháp" in page
    assert "Tiếp nhận hồ sơ" in page  # the timeline
    # the temporary reference still finds it
    assert client.get(f"/ho-so-cua-toi/{online.reference}/").status_code == 200


def test_a_request_to_complete_shows_its_reason_and_items(signed_in, citizen, officers, procedure):
    online = online_for(citizen)
    apply(
        online,
        "request_completion",
        officers["counter"],
        inputs={"reason": "Bản chụp tờ khai bị mờ.", "items": ["Tờ khai thay đổi thông tin cư trú"]},
    )
    page = signed_in(citizen).get(f"/ho-so-cua-toi/{online.reference}/").content.decode()
    assert "đề nghị bạn bổ sung, hoàn thiện hồ sơ trước khi tiếp nhận" in page
    assert "Bản chụp tờ khai bị mờ." in page and "<li>Tờ khai thay đổi thông tin cư trú</li>" in page
    assert "Nộp lại hồ sơ đã hoàn thiện" in page


def test_a_refusal_shows_its_reason(signed_in, citizen, officers, procedure):
    online = online_for(citizen)
    apply(online, "refuse", officers["counter"], inputs={"reason": "Không thuộc thẩm quyền."})
    page = signed_in(citizen).get(f"/ho-so-cua-toi/{online.reference}/").content.decode()
    assert "Hồ sơ không được tiếp nhận." in page and "Không thuộc thẩm quyền." in page
    assert "Gửi đề nghị rút hồ sơ" not in page
