"""The portal form: a valid feedback gets its code and deadline; bad input (empty content, missing contact, an
oversized or fake attachment) gets a clear message and nothing is stored; a complaint is recorded as redirected
with the legal explanation; complaint words in a PAKN ask the sender to confirm."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import StoredFile
from motcua.feedback.models import Feedback, FeedbackAttachment

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def form(**overrides):
    data = dict(
        kind="pakn",
        receiving_agency="000.00.03.H56",
        title="Chậm trả kết quả chứng thực",
        content="Tôi nộp hồ sơ chứng thực ngày 02/03 nhưng đến nay chưa nhận được kết quả.",
        sender_kind="ca_nhan",
        sender_name="Trần Thị Bình",
        sender_address="Số 5 Lê Lợi, phường Hạc Thành",
        sender_phone="0912345678",
        sender_email="binh@example.vn",
    )
    data.update(overrides)
    return data


def test_the_form_page_has_a_known_number_of_queries(client, province, django_assert_num_queries):
    with django_assert_num_queries(1):  # the agencies to choose from
        response = client.get("/phan-anh-kien-nghi/gui/")
    assert response.status_code == 200 and "Gửi phản ánh, kiến nghị" in response.content.decode()


def test_a_valid_feedback_with_an_attachment_is_received(client, province):
    data = form(attachments=SimpleUploadedFile("anh.png", PNG, content_type="image/png"))
    response = client.post("/phan-anh-kien-nghi/gui/", data)
    assert response.status_code == 302 and response["Location"] == "/phan-anh-kien-nghi/gui/da-gui/"
    feedback = Feedback.objects.get()
    assert feedback.code.startswith("PAKN-000.00.03.H56-") and feedback.channel == "cong_dvc"
    assert FeedbackAttachment.objects.get().file.display_name == "anh.png"
    page = client.get(response["Location"]).content.decode()
    assert feedback.code in page and "Hạn trả lời" in page
    mine = client.get(f"/phan-anh-kien-nghi/cua-toi/{feedback.code}/")  # the sender's browser is unlocked
    assert mine.status_code == 200 and "Mới tiếp nhận" in mine.content.decode()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (dict(content=""), "content", "Hãy nhập nội dung phản ánh, kiến nghị."),
        (dict(content="   "), "content", "Hãy nhập nội dung phản ánh, kiến nghị."),
        (dict(sender_phone=""), "sender_phone", "Hãy nhập số điện thoại"),
        (dict(sender_name=""), "sender_name", "Hãy nhập họ tên hoặc tên tổ chức."),
        (dict(sender_address=""), "sender_address", "Hãy nhập địa chỉ."),
        (dict(sender_email="khong-phai-email"), "sender_email", "Địa chỉ thư điện tử không hợp lệ."),
        (dict(receiving_agency=""), "receiving_agency", "Hãy chọn cơ quan nhận phản ánh."),
        (dict(procedure_code="9.999999"), "procedure_code", "Không có thủ tục mã"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(client, province, overrides, field, message):
    response = client.post("/phan-anh-kien-nghi/gui/", form(**overrides))
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page and f'id="id_{field}-error"' in page
    assert Feedback.objects.count() == 0


def test_a_fake_attachment_is_refused_and_nothing_is_stored(client, province):
    fake = SimpleUploadedFile("hoa-don.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/phan-anh-kien-nghi/gui/", form(attachments=fake))
    assert response.status_code == 422 and 'id="id_attachments-error"' in response.content.decode()
    assert Feedback.objects.count() == 0 and StoredFile.objects.count() == 0


def test_an_oversized_attachment_is_refused_and_nothing_is_stored(client, province, settings):
    settings.MOTCUA_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("scan.png", PNG + b"\x00" * (3 * 1024 * 1024), content_type="image/png")
    response = client.post("/phan-anh-kien-nghi/gui/", form(attachments=big))
    assert response.status_code in (413, 422) and "quá lớn" in response.content.decode()
    assert Feedback.objects.count() == 0 and StoredFile.objects.count() == 0


def test_a_complaint_is_redirected_with_the_legal_explanation(client, province):
    response = client.post("/phan-anh-kien-nghi/gui/", form(kind="khieu_nai"), follow=True)
    page = response.content.decode()
    assert "Luật Khiếu nại năm 2011" in page and "không được xử lý như phản ánh" in page
    feedback = Feedback.objects.get()
    assert feedback.status == "chuyen_huong" and feedback.answer_due_at is None
    assert [e.action for e in feedback.log.all()] == ["redirect"]
    denunciation = client.post("/phan-anh-kien-nghi/gui/", form(kind="to_cao"), follow=True)
    assert "Luật Tố cáo năm 2018" in denunciation.content.decode()


def test_complaint_words_in_a_pakn_ask_for_confirmation_first(client, province):
    text = "Tôi muốn khiếu nại quyết định xử phạt của cán bộ phường vì không đúng quy định."
    response = client.post("/phan-anh-kien-nghi/gui/", form(content=text))
    assert response.status_code == 200 and "khieu nai" in response.content.decode()
    assert Feedback.objects.count() == 0
    confirmed = client.post("/phan-anh-kien-nghi/gui/", form(content=text, confirmed="on"))
    assert confirmed.status_code == 302 and Feedback.objects.get().kind == "pakn"
