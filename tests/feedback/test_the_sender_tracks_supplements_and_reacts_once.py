"""The sender's page: unlocked by code + the last 4 digits of the phone (or the account that sent it); a wrong
value tells nothing; the sender supplements when asked and agrees or disagrees once with a published answer."""

import pytest
from django.core.cache import cache

from motcua.accounts.models import Citizen
from motcua.feedback.models import Feedback
from motcua.feedback.services.intake import submit
from motcua.feedback.services.transitions import apply
from tests.builders.dossiers import at
from tests.builders.feedback import answer_and_publish, request_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def test_code_and_check_value_open_the_page(client, send):
    feedback = send()
    wrong = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code, "check": "0000"})
    assert wrong.status_code == 200 and "Không tìm thấy" in wrong.content.decode()
    assert client.get(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/").status_code == 404
    right = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code.lower(), "check": "5678"})
    assert right.status_code == 302
    page = client.get(right["Location"]).content.decode()
    assert feedback.code in page and "Mới tiếp nhận" in page


def test_too_many_wrong_values_are_throttled(client, send):
    feedback = send()
    for _ in range(5):
        client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code, "check": "1111"})
    blocked = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code, "check": "5678"})
    assert blocked.status_code == 429


def test_the_sender_supplements_when_asked(client, send, staff):
    feedback = send()
    apply(feedback, "request_info", staff["officer"], inputs={"request": "Cho biết mã hồ sơ."})
    client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code, "check": "5678"})
    page = client.get(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/").content.decode()
    assert "Cho biết mã hồ sơ." in page
    empty = client.post(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/bo-sung/", {"content": ""})
    assert empty.status_code == 422 and Feedback.objects.get().status == "cho_bo_sung"
    client.post(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/bo-sung/", {"content": "Mã hồ sơ là 123."})
    assert Feedback.objects.get().status == "da_bo_sung"


def test_the_sender_reacts_once(client, send, staff, django_assert_num_queries):
    feedback = answer_and_publish(send(), staff, at("2026-03-10 09:00"))
    client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": feedback.code, "check": "5678"})
    with django_assert_num_queries(3):  # session, feedback, its log
        page = client.get(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/").content.decode()
    assert "Sở đã kiểm tra" in page and 'name="reaction"' in page
    client.post(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/y-kien/", {"reaction": "khong_dong_y"})
    again = client.post(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/y-kien/", {"reaction": "dong_y"})
    assert again.status_code == 409 and "Bạn đã cho ý kiến" in again.content.decode()
    assert Feedback.objects.get().reaction == "khong_dong_y"


def test_a_signed_in_citizen_sees_their_feedback_without_the_check(client, django_user_model, province):
    user = django_user_model.objects.create_user("congdan", password="x-long-password-1")
    Citizen.objects.create(user=user, full_name="Trần Thị Bình", phone="0912345678")
    feedback = submit(request_for(), account=user)
    other = submit(request_for(sender_phone="0987654321"))
    client.force_login(user)
    listing = client.get("/phan-anh-kien-nghi/cua-toi/").content.decode()
    assert feedback.code in listing and other.code not in listing
    assert client.get(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/").status_code == 200
    assert client.get(f"/phan-anh-kien-nghi/cua-toi/{other.code}/").status_code == 404


def test_the_tracking_sent_and_own_list_pages_have_known_query_counts(
    client, django_user_model, province, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert client.get("/phan-anh-kien-nghi/tra-cuu/").status_code == 200
    user = django_user_model.objects.create_user("congdan", password="x-long-password-1")
    Citizen.objects.create(user=user, full_name="Trần Thị Bình", phone="0912345678")
    client.force_login(user)
    submit(request_for(), account=user)
    with django_assert_num_queries(3):  # session, user with its citizen, the feedback
        assert client.get("/phan-anh-kien-nghi/cua-toi/").status_code == 200
    client.post("/phan-anh-kien-nghi/gui/", {})  # nothing stored
    with django_assert_num_queries(1):  # the session (no code sent in it): back to the form
        assert client.get("/phan-anh-kien-nghi/gui/da-gui/").status_code == 302
