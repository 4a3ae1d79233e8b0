"""The page tells the applicant what to do now, per status: supplement (what, and where to bring it), financial
obligation, collect the result where and how it was chosen, nothing after the return; a refusal and a stop with
the reason the citizen was given in writing. An apology shows the new appointment and the original one."""

import pytest

from motcua.dossiers.services.intake import refuse_at_counter
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, receive, request_for
from tests.builders.portal import PHONE_LAST4, track_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_of(client):
    def read(dossier):
        ident = dossier.code or dossier.reference
        assert client.post(track_url(ident), {"check": PHONE_LAST4}).status_code == 302
        response = client.get(track_url(ident))
        assert response.status_code == 200
        return response.content.decode()

    return read


def test_supplement_requested_says_what_and_where(page_of, officers, procedure):
    dossier = act(
        processing(officers),
        "request_supplement",
        officers["lead"],
        "2026-03-10 09:00",
        reason="Thiếu văn bản đồng ý cho đăng ký thường trú của chủ hộ.",
        items=["Văn bản đồng ý của chủ hộ"],
    )
    page = page_of(dossier)
    assert 'class="portal-status status-5">Yêu cầu bổ sung giấy tờ<' in page
    assert "Cơ quan giải quyết yêu cầu bạn bổ sung giấy tờ." in page
    assert "Thiếu văn bản đồng ý cho đăng ký thường trú của chủ hộ." in page
    assert "<li>Văn bản đồng ý của chủ hộ</li>" in page
    assert (
        'Mang giấy tờ bổ sung đến <a href="/co-quan/000.00.02.H56/">Trung tâm Phục vụ hành chính công tỉnh</a>'
        in page
    )
    assert "đang tạm dừng" in page


def test_financial_obligation_says_to_pay(page_of, officers, procedure):
    dossier = act(
        processing(officers),
        "request_payment",
        officers["specialist"],
        "2026-03-10 09:00",
        reason="Nộp lệ phí trước bạ theo thông báo số 12/TB-CCT.",
    )
    page = page_of(dossier)
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in page
    assert "Bạn cần thực hiện nghĩa vụ tài chính" in page and "thông báo số 12/TB-CCT" in page


@pytest.mark.parametrize(
    ("delivery", "text"),
    [
        (
            "counter",
            'Mời bạn đến <a href="/co-quan/000.00.02.H56/">Trung tâm Phục vụ hành chính công tỉnh</a> để nhận kết quả',
        ),
        ("postal", "qua dịch vụ bưu chính công ích"),
        ("online", "Kết quả điện tử được gửi đến bạn"),
    ],
)
def test_a_finished_dossier_says_where_to_collect_the_result(page_of, officers, procedure, delivery, text):
    received = act(
        receive(officers, result_delivery=delivery), "transfer", officers["counter"], "2026-03-09 10:00"
    )
    dossier = act(received, "finish", officers["lead"], "2026-03-12 15:00", **FINISH_INPUTS)
    page = page_of(dossier)
    assert (
        'class="portal-status status-9">Đã xử lý xong<' in page and "Đã có kết quả." in page and text in page
    )
    assert "Xử lý xong lúc</dt><dd>12/03/2026 15:00 — Trước hạn" in page


def test_a_returned_dossier_needs_nothing_more(page_of, officers, procedure):
    dossier = act(processing(officers), "finish", officers["lead"], "2026-03-12 15:00", **FINISH_INPUTS)
    dossier = act(dossier, "return_result", officers["counter"], "2026-03-13 09:00")
    page = page_of(dossier)
    assert (
        "Đã trả kết quả" in page and "Kết quả đã được trả ngày 13/03/2026. Bạn không cần làm gì thêm." in page
    )
    assert "quá hạn" not in page and "còn " not in page


def test_a_refusal_at_the_counter_gives_its_reason(page_of, officers, procedure):
    dossier = refuse_at_counter(
        request_for(),
        officers["counter"],
        reason="Thủ tục không thuộc thẩm quyền.",
        at=at("2026-03-09 09:15"),
    )
    page = page_of(dossier)  # a refused dossier has its reference only
    assert "Không được tiếp nhận" in page and "Hồ sơ không được tiếp nhận." in page
    assert "Thủ tục không thuộc thẩm quyền." in page


def test_a_stop_gives_its_reason(page_of, officers, procedure):
    dossier = act(
        processing(officers), "stop", officers["lead"], "2026-03-11 09:00", reason="Không đủ điều kiện."
    )
    page = page_of(dossier)
    assert "Dừng xử lý" in page and "Cơ quan giải quyết đã dừng xử lý hồ sơ." in page
    assert "Không đủ điều kiện." in page


def test_an_apology_shows_the_new_and_the_original_appointment(page_of, officers, procedure):
    dossier = act(
        processing(officers),
        "apologize",
        officers["lead"],
        "2026-03-17 09:00",
        reason="Cần xác minh thêm.",
        new_due_at="2026-03-25T09:15:00+07:00",
    )
    page = page_of(dossier)
    assert "Ngày hẹn trả kết quả</dt><dd><strong>25/03/2026 09:15</strong>" in page
    assert "Ngày hẹn trả ban đầu</dt><dd>18/03/2026 09:15" in page
    assert "Xin lỗi và hẹn lại ngày trả kết quả" in page and "Cần xác minh thêm." not in page
