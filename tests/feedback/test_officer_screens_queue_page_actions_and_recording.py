"""The officers' PAKN screens: the queue of their units by deadline, the feedback page with only the actions they
may take, each action through the one service (refusals shown, nothing changed), recording a hotline call, and
attachments downloaded only by the unit; fixed query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.feedback.models import Feedback
from motcua.feedback.services.intake import submit
from tests.builders.dossiers import WORK_MENU
from tests.builders.feedback import request_for
from tests.feedback.test_portal_form_records_feedback_or_explains_why_not import PNG

pytestmark = pytest.mark.django_db

# session, user, role assignments, agency tree (officer_required); unread notifications; the menu's work counts
BASE = 5 + WORK_MENU


def test_the_queue_lists_the_units_feedback_by_deadline(client, send, staff, django_assert_num_queries):
    mine = send()
    client.force_login(staff["other"])
    assert mine.code not in client.get("/mot-cua/phan-anh/").content.decode()  # another unit's
    client.force_login(staff["officer"])
    client.get("/mot-cua/phan-anh/")
    with django_assert_num_queries(BASE + 1):
        page = client.get("/mot-cua/phan-anh/").content.decode()
    assert mine.code in page and "quá hạn" in page  # received in March 2026: long overdue today


def test_the_page_offers_only_the_allowed_actions_and_applies_them(
    client, send, staff, django_assert_num_queries
):
    feedback = send()
    client.force_login(staff["officer"])
    client.get(f"/mot-cua/phan-anh/{feedback.code}/")
    # the feedback, its log, its attachments, units to transfer to; the access log's INSERT (the sender is shown)
    with django_assert_num_queries(BASE + 4 + 1):
        page = client.get(f"/mot-cua/phan-anh/{feedback.code}/").content.decode()
    assert 'id="action-process"' in page and 'id="action-approve"' not in page
    assert "0912345678" in page  # officers see the contact data
    refused = client.post(f"/mot-cua/phan-anh/{feedback.code}/process/", {"version": "1"}, follow=True)
    assert "hãy phân loại" in refused.content.decode() and Feedback.objects.get().status == "tiep_nhan"
    client.post(f"/mot-cua/phan-anh/{feedback.code}/process/", {"version": "1", "classification": "quy_dinh"})
    stale = client.post(
        f"/mot-cua/phan-anh/{feedback.code}/draft_answer/", {"version": "1", "answer": "x"}, follow=True
    )
    assert "tải lại trang" in stale.content.decode()
    client.post(f"/mot-cua/phan-anh/{feedback.code}/draft_answer/", {"version": "2", "answer": "Trả lời."})
    assert Feedback.objects.get().status == "cho_duyet"
    client.force_login(staff["lead"])
    assert 'id="action-approve"' in client.get(f"/mot-cua/phan-anh/{feedback.code}/").content.decode()
    client.post(f"/mot-cua/phan-anh/{feedback.code}/approve/", {"version": "3"})
    assert Feedback.objects.get().status == "cho_cong_khai"


def test_another_unit_does_not_see_the_feedback(client, send, staff):
    feedback = send()
    client.force_login(staff["other"])
    assert client.get(f"/mot-cua/phan-anh/{feedback.code}/").status_code == 404
    client.post(f"/mot-cua/phan-anh/{feedback.code}/process/", {"classification": "quy_dinh"})
    assert Feedback.objects.get().status == "tiep_nhan"


def test_an_officer_records_a_hotline_call(client, staff, province, django_assert_num_queries):
    client.force_login(staff["officer"])
    client.get("/mot-cua/phan-anh/ghi-nhan/")
    with django_assert_num_queries(BASE + 1):
        assert client.get("/mot-cua/phan-anh/ghi-nhan/").status_code == 200
    data = {
        "channel": "duong_day_nong",
        "kind": "pakn",
        "receiving_agency": "000.00.03.H56",
        "title": "Thái độ cán bộ tiếp nhận",
        "content": "Công dân gọi đường dây nóng phản ánh cán bộ hướng dẫn không rõ ràng.",
        "sender_kind": "ca_nhan",
        "sender_name": "Nguyễn Văn Cường",
        "sender_address": "xã Đông Hòa",
        "sender_phone": "",
    }
    missing = client.post("/mot-cua/phan-anh/ghi-nhan/", data)
    assert missing.status_code == 422 and Feedback.objects.count() == 0
    data["sender_phone"] = "0987 654 321"
    response = client.post("/mot-cua/phan-anh/ghi-nhan/", data)
    feedback = Feedback.objects.get()
    assert response.status_code == 302 and feedback.channel == "duong_day_nong"
    assert feedback.log.get().actor == staff["officer"]


def test_a_counter_officer_may_not_record_feedback(client, staff, province):
    client.force_login(staff["counter"])
    assert client.get("/mot-cua/phan-anh/ghi-nhan/").status_code == 403


def test_attachments_are_streamed_to_the_unit_only(client, staff, province):
    feedback = submit(request_for(attachments=[SimpleUploadedFile("anh.png", PNG, content_type="image/png")]))
    file_id = feedback.attachments.get().file_id
    client.force_login(staff["other"])
    assert client.get(f"/mot-cua/phan-anh/{feedback.code}/tep/{file_id}/").status_code == 404
    client.force_login(staff["officer"])
    response = client.get(f"/mot-cua/phan-anh/{feedback.code}/tep/{file_id}/")
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG
