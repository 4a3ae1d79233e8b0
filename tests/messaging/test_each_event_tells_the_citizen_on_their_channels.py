"""Every event a citizen cares about becomes a message in Vietnamese on each channel the applicant has: a counter
dossier with a phone and an e-mail address gets both an e-mail and an SMS (through the sandbox gateway), with the
dossier's code, the tracking link and what the event needs (the appointment, what to supplement, the new date…)."""

import pytest

from motcua.dossiers.services.intake import ApplicantData
from motcua.messaging.models import Delivery
from tests.builders.dossiers import FINISH_INPUTS, act, receive
from tests.builders.messaging import deliveries, letters_to, texts_to

pytestmark = pytest.mark.django_db

PHONE, EMAIL = "0912345678", "binh@example.vn"
APPLICANT = ApplicantData(
    name="Trần Thị Bình", id_number="038190001234", phone=PHONE, email=EMAIL, address="Phường Hạc Thành"
)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``committed(fn, *args, **kw)``: run ``fn`` and then what its commit enqueued (the receivers' jobs, the
    sending jobs), as the eager jobs backend does outside a test's transaction."""

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def received(procedure, officers, committed):
    return committed(receive, officers, applicant=APPLICANT)


def test_a_dossier_received_at_the_counter_is_told_by_email_and_sms(received):
    code = received.code
    [letter] = letters_to(EMAIL)
    assert letter.subject == f"Hồ sơ {code} đã được tiếp nhận"
    assert f"Mã hồ sơ: {code}" in letter.body
    assert f"http://127.0.0.1:8000/tra-cuu/{code}/" in letter.body
    assert "Ngày hẹn trả kết quả: 18/03/2026" in letter.body
    assert f"“{received.procedure_version.name}”" in letter.body
    [sms] = texts_to(PHONE)
    assert (
        sms
        == f"Hồ sơ {code} đã được tiếp nhận. Hẹn trả 18/03/2026. Tra cứu: http://127.0.0.1:8000/tra-cuu/{code}/"
    )
    rows = deliveries(received)
    assert [(d.event, d.channel, d.status, d.attempts) for d in rows] == [
        ("received", "email", "sent", 1),
        ("received", "sms", "sent", 1),
    ]
    assert [d.recipient_masked for d in rows] == ["b***@example.vn", "0912***678"]
    assert all(d.recipient == "" and d.sent_at and d.template.version == 1 for d in rows)


def test_a_supplement_request_says_what_is_missing(received, officers, committed):
    dossier = committed(act, received, "transfer", officers["counter"], "2026-03-09 10:00")
    committed(
        act,
        dossier,
        "request_supplement",
        officers["specialist"],
        "2026-03-10 09:00",
        reason="Bản sao giấy chứng minh chỗ ở hợp pháp",
    )
    letter = letters_to(EMAIL)[-1]
    assert letter.subject == f"Hồ sơ {dossier.code}: đề nghị bổ sung giấy tờ"
    assert "Bản sao giấy chứng minh chỗ ở hợp pháp" in letter.body
    assert "Thời hạn giải quyết tạm dừng" in letter.body
    assert texts_to(PHONE)[-1].startswith(f"Hồ sơ {dossier.code} cần bổ sung giấy tờ.")


def test_a_fee_to_pay_is_told(received, officers, committed):
    dossier = committed(act, received, "transfer", officers["counter"], "2026-03-09 10:00")
    committed(
        act,
        dossier,
        "request_payment",
        officers["specialist"],
        "2026-03-10 09:00",
        reason="Lệ phí 15.000 đồng",
    )
    letter = letters_to(EMAIL)[-1]
    assert "nghĩa vụ tài chính" in letter.subject and "Lệ phí 15.000 đồng" in letter.body
    assert "nộp phí, lệ phí" in texts_to(PHONE)[-1]


def test_the_apology_carries_the_new_date_and_the_mau_04(received, officers, committed, storage_root):
    dossier = committed(act, received, "transfer", officers["counter"], "2026-03-09 10:00")
    committed(
        act,
        dossier,
        "apologize",
        officers["lead"],
        "2026-03-17 16:00",
        reason="Chờ kết quả xác minh của công an xã",
        new_due_at="2026-03-25T09:15:00+07:00",
        signer="Mai Xuân Khánh",
    )
    letter = letters_to(EMAIL)[-1]
    assert "xin lỗi" in letter.subject
    assert "chưa giải quyết được đúng ngày hẹn 18/03/2026" in letter.body
    assert "Ngày hẹn trả kết quả mới: 25/03/2026" in letter.body
    [(name, content, mime)] = letter.attachments
    assert name.endswith("_mau-04.pdf") and mime == "application/pdf" and content.startswith(b"%PDF")
    assert "Hẹn trả mới 25/03/2026" in texts_to(PHONE)[-1]


def test_the_result_ready_says_where_to_collect_it_then_the_return_is_told(received, officers, committed):
    dossier = committed(act, received, "transfer", officers["counter"], "2026-03-09 10:00")
    committed(act, dossier, "finish", officers["lead"], "2026-03-12 10:00", **FINISH_INPUTS)
    letter = letters_to(EMAIL)[-1]
    assert letter.subject == f"Hồ sơ {dossier.code} đã có kết quả"
    assert "Cách nhận kết quả: Nhận trực tiếp tại Bộ phận Một cửa" in letter.body
    assert f"Nơi nhận: {dossier.receiving_agency.name}" in letter.body
    assert texts_to(PHONE)[-1].startswith(
        f"Hồ sơ {dossier.code} đã có kết quả. Nhận trực tiếp tại Bộ phận Một cửa."
    )
    committed(act, dossier, "return_result", officers["counter"], "2026-03-13 08:30")
    assert letters_to(EMAIL)[-1].subject == f"Hồ sơ {dossier.code} đã trả kết quả"
    assert "đã trả kết quả ngày 13/03/2026" in texts_to(PHONE)[-1]
    assert [d.event for d in deliveries(dossier, channel="sms")] == ["received", "result_ready", "returned"]


def test_an_online_dossier_to_complete_is_told_what_to_complete(procedure, officers, committed):
    from motcua.dossiers.services.intake import submit_online
    from tests.builders.dossiers import request_for
    from tests.builders.worktime import at

    dossier = committed(
        submit_online, request_for(applicant=APPLICANT), officers["counter"], at=at("2026-03-09 09:15")
    )
    assert Delivery.objects.count() == 0  # a submission is not yet a reception
    committed(
        act,
        dossier,
        "request_completion",
        officers["counter"],
        "2026-03-09 10:00",
        reason="Thiếu tờ khai CT01",
    )
    letter = letters_to(EMAIL)[-1]
    ident = dossier.code or dossier.reference
    assert letter.subject == f"Hồ sơ {ident} cần hoàn thiện" and "Thiếu tờ khai CT01" in letter.body
    assert texts_to(PHONE)[-1].startswith(f"Hồ sơ {ident} cần hoàn thiện")


def test_an_applicant_without_contacts_is_told_nothing(procedure, officers, committed):
    committed(receive, officers, applicant=ApplicantData(name="Lê Văn Cường", id_number="038090004321"))
    assert Delivery.objects.count() == 0 and letters_to("") == []
