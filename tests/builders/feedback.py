"""PAKN items for tests: the sender's request and the answer path, through the real services."""

import datetime as dt

from motcua.feedback.services.intake import FeedbackRequest
from motcua.feedback.services.transitions import apply


def request_for(**overrides) -> FeedbackRequest:
    data = dict(
        receiving_agency="000.00.03.H56",
        title="Chậm trả kết quả chứng thực",
        content="Tôi nộp hồ sơ chứng thực ngày 02/03 nhưng đến nay chưa nhận được kết quả, không ai giải thích.",
        sender_name="Trần Thị Bình",
        sender_address="Số 5 đường Lê Lợi, phường Hạc Thành",
        sender_phone="0912345678",
        sender_email="binh@example.vn",
    )
    data.update(overrides)
    return FeedbackRequest(**data)


def answer_and_publish(feedback, staff, start):
    """classify → process → draft → approve → publish, one hour apart from ``start``."""
    hour = dt.timedelta(hours=1)
    apply(feedback, "process", staff["officer"], inputs={"classification": "hanh_vi"}, at=start)
    apply(
        feedback,
        "draft_answer",
        staff["officer"],
        inputs={"answer": "Sở đã kiểm tra và trả kết quả."},
        at=start + hour,
    )
    apply(feedback, "approve", staff["lead"], at=start + 2 * hour)
    return apply(
        feedback,
        "publish",
        staff["officer"],
        inputs={"public_question": "Công dân phản ánh việc chậm trả kết quả chứng thực."},
        at=start + 3 * hour,
    ).feedback
