"""A PAKN's sender (SPEC §6.2: name, address, phone) follows ``core.people`` on every channel — the portal form
(message next to the field, what was typed kept), the API (422 naming the field), an officer recording a call (the
service) — nothing is stored for bad data, and good data is stored normalised."""

import html as html_lib
import re
import unicodedata

import pytest
from django.utils import timezone

from motcua.core.models import ApiToken
from motcua.core.tokens import create_token
from motcua.feedback.models import Feedback
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import FeedbackError
from tests.builders.dossiers import Api
from tests.feedback.test_api_receives_forwarded_feedback_and_sends_answers import BODY
from tests.feedback.test_portal_form_records_feedback_or_explains_why_not import form

pytestmark = pytest.mark.django_db

BAD = [
    ("sender_phone", "0123456789", "di động 10 chữ số"),
    ("sender_phone", "0912 345 678 (nhà)", "chỉ gồm chữ số 0–9"),
    ("sender_phone", "０９１２３４５６７８", "chỉ gồm chữ số 0–9"),
    ("sender_name", "Trần Thị Bình\u202e", "U+202E"),
    ("sender_name", "\u200b", "U+200B"),
    ("sender_name", "<a href=//x>Bình</a>", "không nhập mã HTML"),
    ("sender_address", "Số 5\x00 Lê Lợi", "U+0000"),
]


@pytest.mark.parametrize(("field", "typed", "message"), BAD)
def test_the_portal_form_names_the_field_keeps_the_typed_value_and_stores_nothing(
    client, province, field, typed, message
):
    response = client.post("/phan-anh-kien-nghi/gui/", form(**{field: typed}))
    assert response.status_code == 422
    page = response.content.decode()
    block = re.search(rf'id="id_{field}-error"[^>]*>(.*?)</', page, re.S)
    assert block and message in html_lib.unescape(block.group(1))
    widget = re.search(rf'<input[^>]*\bname="{field}"[^>]*>', page).group(0)
    if "\x00" not in typed:  # Django's form refuses a NUL before cleaning; the service refuses it too
        assert html_lib.unescape(re.search(r'value="([^"]*)"', widget).group(1)) == typed
    assert Feedback.objects.count() == 0


@pytest.fixture
def api(client, staff):
    keys = {name: create_token(user, name)[1] for name, user in staff.items()}
    ApiToken.objects.update(last_used_at=timezone.now())
    return {name: Api(client, key) for name, key in keys.items()}


@pytest.mark.parametrize(("field", "typed", "message"), BAD)
def test_the_api_answers_422_naming_the_field_and_stores_nothing(api, field, typed, message):
    key = field.removeprefix("sender_")
    response = api["officer"].post("/api/v1/feedback", {**BODY, "sender": {**BODY["sender"], key: typed}})
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert [d["loc"][-2:] for d in detail] == [["sender", key]]
    # a NUL byte is refused for every field of every request before the schema (core.middleware), naming the field
    assert ("ký tự NUL" if "\x00" in typed else message) in detail[0]["msg"]
    assert Feedback.objects.count() == 0


def test_an_officer_recording_a_call_gets_the_same_refusal(province, staff):
    request = FeedbackRequest(
        receiving_agency="000.00.03.H56",
        title="Chậm trả kết quả",
        content="Tôi gọi đường dây nóng: hồ sơ chứng thực của tôi chậm trả kết quả ba ngày.",
        sender_name="Trần Thị Bình",
        sender_address="Phường Hạc Thành",
        sender_phone="12345",
        channel="duong_day_nong",
    )
    with pytest.raises(FeedbackError) as caught:
        submit(request, actor=staff["officer"])
    assert "Số điện thoại không đúng dạng số Việt Nam" in caught.value.errors["sender_phone"]
    assert Feedback.objects.count() == 0


def test_good_sender_data_is_stored_normalised(client, province):
    data = form(
        sender_name=unicodedata.normalize("NFD", "Trần  Thị Bình"),
        sender_phone="+84 912.345.678",
        sender_address="Số 5  Lê Lợi",
    )
    assert client.post("/phan-anh-kien-nghi/gui/", data).status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.sender_name, feedback.sender_phone, feedback.sender_address) == (
        "Trần Thị Bình",
        "0912345678",
        "Số 5 Lê Lợi",
    )
