"""A correct check value — the last 4 digits of the applicant's phone, or of the ID number — opens the dossier's
public page: procedure, status in its national wording, units, the appointment dd/mm/yyyy, the public timeline.
The visitor's session remembers the code for a while, so a reload works without asking again; other codes stay
locked. The page reads a fixed number of queries however long the history."""

import time

import pytest
from django.utils import timezone

from motcua.dossiers.services.transitions import apply
from motcua.portal import views
from tests.builders.dossiers import act, processing, receive
from tests.builders.portal import ID_LAST4, PHONE_LAST4, track_url

pytestmark = pytest.mark.django_db

# session; the dossier (with procedure and the applicant's name), its process log, every unit they name
PAGE_QUERIES = 1 + 3


def test_the_last_4_digits_of_the_phone_open_the_page(client, unlock, officers, procedure):
    dossier = processing(officers)  # received 09/03/2026 09:15 at the centre, due 18/03/2026 09:15
    response = unlock(dossier.code, PHONE_LAST4)
    assert response.status_code == 302 and response["Location"] == track_url(dossier.code)
    response = client.get(track_url(dossier.code))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Hồ sơ {dossier.code}" in page
    assert 'class="portal-status status-4">Đang xử lý<' in page
    assert "1.004222" in page and dossier.procedure_version.name in page
    assert "Trần T. B." in page
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page and "Sở Tư pháp" in page
    assert "Ngày tiếp nhận</dt><dd>09/03/2026 09:15" in page
    assert "Ngày hẹn trả kết quả</dt><dd><strong>18/03/2026 09:15</strong>" in page
    assert "quá hạn " in page  # the appointment has passed
    assert "Bạn không cần làm gì thêm. Hồ sơ đang được giải quyết." in page
    assert "Kết quả được hẹn trả ngày 18/03/2026." in page
    # the public timeline: time, the action's label, the unit, the new status
    assert "Tiếp nhận tại bộ phận một cửa" in page and "Chuyển hồ sơ đến cơ quan giải quyết" in page
    assert "09/03/2026 10:00" in page and "Tình trạng: Đang xử lý" in page
    assert "Tra cứu hồ sơ khác" in page
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]


def test_the_last_4_digits_of_the_id_number_open_the_page_too(client, unlock, officers, procedure):
    dossier = receive(officers, when=timezone.localtime().strftime("%Y-%m-%d %H:%M"))
    assert unlock(dossier.code, ID_LAST4).status_code == 302
    page = client.get(track_url(dossier.code)).content.decode()
    assert 'class="portal-status status-2">Được tiếp nhận<' in page
    assert f"Ngày hẹn trả kết quả</dt><dd><strong>{timezone.localtime(dossier.due_at):%d/%m/%Y %H:%M}" in page
    assert "còn " in page


def test_the_code_typed_in_lower_case_and_with_spaces_is_found(client, officers, procedure):
    dossier = receive(officers)
    response = client.post("/tra-cuu/", {"code": f"  {dossier.code.lower()} ", "check": " 5678"})
    assert response.status_code == 302 and response["Location"] == track_url(dossier.code)


def test_a_reload_needs_no_check_but_other_codes_and_other_visitors_stay_locked(
    client, unlock, officers, procedure, django_user_model
):
    first = receive(officers)
    second = receive(officers, when="2026-03-09 09:30")
    unlock(first.code, PHONE_LAST4)
    assert "Đang xử lý" not in client.get(track_url(first.code)).content.decode()  # status 2
    assert "portal-status status-2" in client.get(track_url(first.code)).content.decode()
    locked = client.get(track_url(second.code)).content.decode()
    assert 'name="check"' in locked and "portal-status" not in locked
    from django.test import Client

    assert "portal-status" not in Client().get(track_url(first.code)).content.decode()


def test_the_unlocked_code_expires_and_can_be_closed_at_once(
    client, unlock, officers, procedure, monkeypatch
):
    dossier = receive(officers)
    unlock(dossier.code, PHONE_LAST4)
    later = time.time() + views.UNLOCK_MINUTES * 60 + 1
    monkeypatch.setattr(views.time, "time", lambda: later)
    assert "portal-status" not in client.get(track_url(dossier.code)).content.decode()
    monkeypatch.undo()

    unlock(dossier.code, ID_LAST4)
    assert "portal-status" in client.get(track_url(dossier.code)).content.decode()
    response = client.post(f"/tra-cuu/{dossier.code}/dong/")
    assert response.status_code == 302 and response["Location"] == "/tra-cuu/"
    assert "portal-status" not in client.get(track_url(dossier.code)).content.decode()


def test_the_page_reads_a_fixed_number_of_queries(
    client, unlock, officers, procedure, django_assert_num_queries
):
    dossier = processing(officers)
    unlock(dossier.code, PHONE_LAST4)
    client.get(
        track_url(dossier.code)
    )  # working hours and calendars are kept per process after the first use
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(track_url(dossier.code))
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    act(dossier, "forward", officers["specialist"], "2026-03-10 10:00")
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(track_url(dossier.code))
    assert "Phân công xử lý" in response.content.decode()


def test_the_check_reads_one_query_and_the_form_none(client, officers, procedure, django_assert_num_queries):
    dossier = receive(officers)
    with django_assert_num_queries(0):  # no session yet, nothing looked up before the check
        assert client.get(track_url(dossier.code)).status_code == 200
    with django_assert_num_queries(1):  # the dossier's check values; a failure writes nothing
        client.post(track_url(dossier.code), {"check": "0000"})
    # the check values; the new session (key free?, and its insert in a savepoint inside the test's transaction)
    with django_assert_num_queries(1 + 4):
        client.post(track_url(dossier.code), {"check": PHONE_LAST4})
