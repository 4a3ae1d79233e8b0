"""Each row of the PAKN transition table: who may apply it, from which status, with which inputs; refusals name the
rule and change nothing; every step appends one log entry."""

import datetime as dt

import pytest

from motcua.feedback import lifecycle
from motcua.feedback.choices import Status
from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.services.transitions import FeedbackError, allowed_actions, apply
from motcua.org.permissions import action
from tests.builders.dossiers import at
from tests.builders.feedback import answer_and_publish

pytestmark = pytest.mark.django_db


def test_every_row_is_a_registered_permission():
    for t in lifecycle.TRANSITIONS:
        assert action(f"feedback.{t.action}").roles == t.roles - {lifecycle.SENDER, lifecycle.PUBLIC}


def test_intake_gives_a_code_a_status_and_the_answer_deadline(send, province):
    feedback = send()
    assert feedback.code == "PAKN-000.00.03.H56-260309-0001"
    assert feedback.status == Status.RECEIVED
    assert feedback.handling_agency == province["justice"]
    # 15 working days from Monday 09/03/2026 09:00: Monday 30/03/2026 09:00
    assert feedback.answer_due_at == at("2026-03-30 09:00")
    assert feedback.deadline_at == feedback.answer_due_at
    assert list(feedback.log.values_list("seq", "action", "to_status")) == [(1, "receive", "tiep_nhan")]
    assert send().code.endswith("-0002")


def test_classify_keeps_the_status(send, staff):
    feedback = send()
    apply(
        feedback,
        "classify",
        staff["officer"],
        inputs={"classification": "quy_dinh"},
        at=at("2026-03-09 10:00"),
    )
    feedback.refresh_from_db()
    assert (feedback.status, feedback.classification) == (Status.RECEIVED, "quy_dinh")


def test_a_wrong_classification_is_refused(send, staff):
    feedback = send()
    with pytest.raises(FeedbackError) as refused:
        apply(feedback, "classify", staff["officer"], inputs={"classification": "khac"})
    assert refused.value.kind == "invalid_input"
    assert FeedbackLogEntry.objects.filter(feedback=feedback).count() == 1


def test_process_needs_a_classification(send, staff):
    feedback = send()
    with pytest.raises(FeedbackError) as refused:
        apply(feedback, "process", staff["officer"], at=at("2026-03-09 10:00"))
    assert refused.value.field == "classification"
    apply(
        feedback, "process", staff["officer"], inputs={"classification": "hanh_vi"}, at=at("2026-03-09 10:00")
    )
    assert Feedback.objects.get().status == Status.PROCESSING


def test_refuse_within_two_working_days_is_on_time(send, staff):
    feedback = send()
    outcome = apply(
        feedback,
        "refuse",
        staff["officer"],
        inputs={"reason": "Nội dung không thuộc thẩm quyền."},
        at=at("2026-03-11 09:00"),
    )
    assert outcome.entry.due_at == at("2026-03-11 09:00") and outcome.entry.on_time is True
    feedback.refresh_from_db()
    assert feedback.status == Status.REFUSED and feedback.handled_on_time is True


def test_refuse_after_two_working_days_is_late(send, staff):
    feedback = send(when=at("2026-03-13 15:00"))  # Friday: the weekend does not count
    outcome = apply(
        feedback, "refuse", staff["officer"], inputs={"reason": "Trùng lặp."}, at=at("2026-03-17 15:01")
    )
    assert outcome.entry.due_at == at("2026-03-17 15:00") and outcome.entry.on_time is False


def test_request_info_once_within_five_working_days_then_the_sender_supplements(send, staff):
    feedback = send()
    outcome = apply(
        feedback,
        "request_info",
        staff["officer"],
        inputs={"request": "Cho biết mã hồ sơ."},
        at=at("2026-03-16 09:00"),
    )
    assert outcome.entry.due_at == at("2026-03-16 09:00") and outcome.entry.on_time is True
    assert Feedback.objects.get().deadline_at is None
    with pytest.raises(FeedbackError) as refused:  # a stranger is not the sender
        apply(feedback, "supplement", staff["other"], inputs={"content": "x"})
    assert refused.value.kind == "forbidden"
    apply(
        feedback,
        "supplement",
        None,
        inputs={"content": "Mã hồ sơ 000.00.03.H56-260302-0001."},
        at=at("2026-03-17 09:00"),
        as_sender=True,
    )
    feedback.refresh_from_db()
    assert feedback.status == Status.SUPPLEMENTED and "260302" in feedback.supplement
    assert feedback.answer_due_at == at("2026-04-07 09:00")  # 15 working days from the supplement
    with pytest.raises(FeedbackError) as again:
        apply(feedback, "request_info", staff["officer"], inputs={"request": "Thêm nữa"})
    assert again.value.kind == "wrong_state"


def test_transfer_moves_the_feedback_and_restarts_the_clock(send, staff, province):
    feedback = send()
    with pytest.raises(FeedbackError) as same:
        apply(feedback, "transfer", staff["officer"], inputs={"agency": "000.00.03.H56", "reason": "x"})
    assert same.value.field == "agency"
    apply(
        feedback,
        "transfer",
        staff["officer"],
        inputs={"agency": "000.00.07.H56", "reason": "Thuộc Sở Xây dựng."},
        at=at("2026-03-10 09:00"),
    )
    feedback.refresh_from_db()
    assert feedback.handling_agency == province["building"] and feedback.status == Status.RECEIVED
    assert feedback.answer_due_at == at("2026-03-31 09:00")
    with pytest.raises(FeedbackError) as gone:  # the first unit no longer acts on it
        apply(feedback, "process", staff["officer"], inputs={"classification": "quy_dinh"})
    assert gone.value.kind == "forbidden"
    apply(feedback, "process", staff["other"], inputs={"classification": "quy_dinh"})


def test_draft_approve_publish_judges_the_answer_and_publication_deadlines(send, staff):
    feedback = send()
    published = answer_and_publish(feedback, staff, at("2026-03-10 09:00"))
    assert published.status == Status.PUBLISHED and published.is_public
    assert published.handled_on_time is True and published.published_on_time is True
    assert published.publish_due_at == at("2026-03-12 11:00")  # two working days after the approval
    assert "cham tra ket qua" in published.search_text
    assert [e.action for e in published.log.all()] == [
        "receive",
        "process",
        "draft_answer",
        "approve",
        "publish",
    ]


def test_only_the_leader_approves_and_may_return_the_draft(send, staff):
    feedback = send()
    apply(feedback, "process", staff["officer"], inputs={"classification": "hanh_vi"})
    apply(feedback, "draft_answer", staff["officer"], inputs={"answer": "Dự thảo"})
    with pytest.raises(FeedbackError) as refused:
        apply(feedback, "approve", staff["officer"])
    assert refused.value.kind == "forbidden" and refused.value.rule == "P10"
    apply(feedback, "return_draft", staff["lead"], inputs={"reason": "Bổ sung căn cứ."})
    assert Feedback.objects.get().status == Status.PROCESSING


def test_an_answer_approved_after_fifteen_working_days_is_late(send, staff):
    feedback = send()
    apply(feedback, "process", staff["officer"], inputs={"classification": "quy_dinh"})
    apply(feedback, "draft_answer", staff["officer"], inputs={"answer": "Trả lời"})
    outcome = apply(feedback, "approve", staff["lead"], at=at("2026-03-30 09:01"))
    assert outcome.entry.on_time is False and outcome.entry.due_at == at("2026-03-30 09:00")


def test_the_sender_reacts_once_and_disagreement_may_reopen(send, staff):
    feedback = answer_and_publish(send(), staff, at("2026-03-10 09:00"))
    with pytest.raises(FeedbackError):
        apply(feedback, "reopen", staff["officer"], inputs={"reason": "x"})
    apply(feedback, "react", None, inputs={"reaction": "khong_dong_y"}, as_sender=True)
    with pytest.raises(FeedbackError) as twice:
        apply(feedback, "react", None, inputs={"reaction": "dong_y"}, as_sender=True)
    assert twice.value.kind == "conflict"
    assert "reopen" in [t.action for t in allowed_actions(staff["officer"], Feedback.objects.get())]
    apply(feedback, "reopen", staff["officer"], inputs={"reason": "Xem xét lại."}, at=at("2026-03-16 09:00"))
    feedback.refresh_from_db()
    assert feedback.status == Status.PROCESSING and not feedback.is_public
    assert feedback.reaction == "khong_dong_y" and feedback.handled_on_time is True


def test_a_stale_page_and_a_wrong_status_change_nothing(send, staff):
    feedback = send()
    with pytest.raises(FeedbackError) as stale:
        apply(
            feedback, "classify", staff["officer"], inputs={"classification": "quy_dinh"}, expected_version=7
        )
    assert stale.value.kind == "stale"
    with pytest.raises(FeedbackError) as wrong:
        apply(feedback, "publish", staff["officer"], inputs={"public_question": "x"})
    assert wrong.value.kind == "wrong_state"
    assert Feedback.objects.get().version == 1 and FeedbackLogEntry.objects.count() == 1


def test_the_log_is_append_only(send):
    entry = send().log.get()
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_deadlines_are_configurable(send, settings):
    settings.MOTCUA_PAKN_DEADLINES = "answer=10"
    assert send().answer_due_at == at("2026-03-23 09:00")


def test_a_repeated_feedback_is_linked_to_the_earlier_one(send):
    first = send()
    again = send(when=at("2026-03-20 09:00"), title="CHẬM TRẢ KẾT QUẢ CHỨNG THỰC")
    other = send(title="Thái độ cán bộ", sender_phone="0987654321")
    assert again.repeat_of == first and other.repeat_of is None
    assert dt.timedelta(0) < again.received_at - first.received_at


def test_publication_after_two_working_days_is_late(send, staff):
    feedback = send()
    apply(feedback, "process", staff["officer"], inputs={"classification": "quy_dinh"})
    apply(feedback, "draft_answer", staff["officer"], inputs={"answer": "Trả lời"})
    apply(feedback, "approve", staff["lead"], at=at("2026-03-13 10:00"))  # Friday
    outcome = apply(
        feedback,
        "publish",
        staff["officer"],
        inputs={"public_question": "Câu hỏi"},
        at=at("2026-03-17 10:01"),
    )
    assert outcome.entry.due_at == at("2026-03-17 10:00") and outcome.entry.on_time is False
    assert Feedback.objects.get().published_on_time is False
