"""The feedback tests: the small province of the root conftest, PAKN officers and a leader at Sở Tư pháp, a PAKN
officer at Sở Xây dựng (to transfer to), a TTHC controller for the province, and helpers to send feedback."""

import datetime as dt

import pytest

from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import apply
from tests.dossiers.conftest import at  # noqa: F401
from tests.factories import assign


@pytest.fixture
def staff(django_user_model, province):
    def make(username, role, agency, **kw):
        user = django_user_model.objects.create_user(
            username, password="x-long-password-1", first_name=username.split(".")[-1].title(), last_name="Lê"
        )
        assign(user, role, province[agency], valid_from=dt.date(2024, 1, 1), **kw)
        return user

    return {
        "officer": make("pakn.tuphap", "PAKN_OFFICER", "justice"),
        "lead": make("gd.tuphap", "AGENCY_LEAD", "justice"),
        "other": make("pakn.xaydung", "PAKN_OFFICER", "building"),
        "controller": make("kiemsoat", "TTHC_CONTROLLER", "ubnd", includes_subunits=True),
        "counter": make("tn.an", "COUNTER_OFFICER", "centre"),
    }


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


@pytest.fixture
def send(province):
    def make(when=None, **overrides):
        from tests.dossiers.conftest import at as _at

        return submit(request_for(**overrides), at=when or _at("2026-03-09 09:00"))

    return make


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
