"""Demo feedback for ``seed_demo`` (call :func:`seed_feedback` after the province and the catalogue are loaded),
or ``motcua seed_feedback_demo``. Idempotent: nothing is added when demo feedback already exists.

At Văn phòng UBND tỉnh (000.00.01.H56), received by ``pakn.tinh`` over the last weeks (working-day deadlines from
the real calendar): one just received, one waiting for the sender's supplement, one in processing and overdue,
one waiting for approval, three published (one agreed, one disagreed) and one complaint redirected. The demo
province has no leader at the Văn phòng, so a demo leader ``cvp.ubnd`` (Chánh Văn phòng, AGENCY_LEAD) is added.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from motcua.feedback.models import Feedback
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import apply
from motcua.org.models import Agency, RoleAssignment

UNIT = "000.00.01.H56"
LEAD = "cvp.ubnd"
SENDERS = [
    ("Nguyễn Thị Hoa", "Phường Hạc Thành", "0912000101"),
    ("Lê Văn Minh", "Xã Thiệu Hóa", "0912000102"),
    ("Công ty TNHH Sao Mai", "Phường Đông Quang", "02373850000"),
    ("Trịnh Văn Tâm", "Xã Đông Hòa", "0912000104"),
]
ITEMS = [
    # title, content, procedure, how far it goes
    (
        "Hướng dẫn cấp phiếu lý lịch tư pháp chưa rõ",
        "Trên Cổng dịch vụ công, hướng dẫn thành phần hồ sơ cấp "
        "phiếu lý lịch tư pháp không nói rõ có cần bản sao CCCD hay không.",
        "published_agree",
    ),
    (
        "Đề nghị cho nộp lệ phí chứng thực trực tuyến",
        "Đề nghị cho phép thanh toán lệ phí chứng thực bản sao qua "
        "Cổng dịch vụ công, tránh phải đến nộp tiền mặt.",
        "published_disagree",
    ),
    (
        "Thời hạn đăng ký khai sinh",
        "Đề nghị rút ngắn thời gian trả kết quả đăng ký khai sinh kết hợp cấp thẻ BHYT cho trẻ dưới 6 tuổi.",
        "published",
    ),
    (
        "Cán bộ một cửa hướng dẫn nhiều lần",
        "Tôi đến bộ phận một cửa ba lần, mỗi lần được yêu cầu bổ sung một "
        "giấy tờ khác nhau cho cùng một hồ sơ.",
        "awaiting_approval",
    ),
    (
        "Phí photo tại bộ phận một cửa",
        "Bộ phận một cửa thu tiền photo giấy tờ cao hơn giá niêm yết.",
        "processing",
    ),
    ("Biểu mẫu tờ khai đăng ký kết hôn", "Mẫu tờ khai trên mạng khác mẫu tại bộ phận một cửa.", "needs_info"),
    ("Giờ làm việc buổi chiều", "Đề nghị bộ phận một cửa làm việc đến 17 giờ 30 vào thứ Sáu.", "received"),
]


def _lead(agency):
    user, created = get_user_model().objects.get_or_create(
        username=LEAD, defaults={"first_name": "Hùng", "last_name": "Đỗ Mạnh"}
    )
    if created:
        from motcua.demo.loader import DEMO_PASSWORD

        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if not RoleAssignment.objects.filter(user=user, role="AGENCY_LEAD", agency=agency).exists():
        assignment = RoleAssignment(
            user=user, role="AGENCY_LEAD", agency=agency, valid_from=dt.date(2024, 1, 1)
        )
        assignment.full_clean()
        assignment.save()
    return user


@transaction.atomic
def seed_feedback(now: dt.datetime | None = None) -> int:
    """Add the demo feedback; returns how many were added (0 if there already is some)."""
    if Feedback.objects.exists():
        return 0
    agency = Agency.objects.filter(identifier=UNIT).first()
    officer = get_user_model().objects.filter(username="pakn.tinh").first()
    if agency is None or officer is None:
        return 0
    lead = _lead(agency)
    now = now or timezone.now()
    added = 0
    for i, (title, content, stage) in enumerate(ITEMS):
        name, address, phone = SENDERS[i % len(SENDERS)]
        start = now - dt.timedelta(days=30 - 4 * i)
        feedback = submit(
            FeedbackRequest(
                receiving_agency=agency,
                title=title,
                content=content,
                sender_name=name,
                sender_address=address,
                sender_phone=phone,
                channel="cong_dvc" if i % 2 == 0 else "duong_day_nong",
                procedure_code="",
            ),
            actor=None if i % 2 == 0 else officer,
            at=start,
        )
        added += 1
        step = start + dt.timedelta(hours=2)
        if stage == "received":
            continue
        if stage == "needs_info":
            apply(
                feedback,
                "request_info",
                officer,
                inputs={"request": "Vui lòng cho biết địa chỉ trang web."},
                at=step,
            )
            continue
        apply(
            feedback,
            "process",
            officer,
            inputs={"classification": "hanh_vi" if i in (3, 4) else "quy_dinh"},
            at=step,
        )
        if stage == "processing":
            continue
        apply(
            feedback,
            "draft_answer",
            officer,
            inputs={"answer": _answer(title)},
            at=step + dt.timedelta(days=2),
        )
        if stage == "awaiting_approval":
            continue
        apply(feedback, "approve", lead, at=step + dt.timedelta(days=3))
        apply(
            feedback, "publish", officer, inputs={"public_question": content}, at=step + dt.timedelta(days=4)
        )
        if stage == "published_agree":
            apply(
                feedback,
                "react",
                None,
                inputs={"reaction": "dong_y"},
                as_sender=True,
                at=step + dt.timedelta(days=5),
            )
        if stage == "published_disagree":
            apply(
                feedback,
                "react",
                None,
                inputs={"reaction": "khong_dong_y"},
                as_sender=True,
                at=step + dt.timedelta(days=5),
            )
    submit(
        FeedbackRequest(
            receiving_agency=agency,
            title="Khiếu nại quyết định xử phạt",
            content="Tôi khiếu nại quyết định xử phạt vi phạm hành chính của UBND xã vì không đúng sự việc.",
            sender_name="Phạm Văn Lực",
            sender_address="Xã Đông Hòa",
            sender_phone="0912000109",
            kind="khieu_nai",
        ),
        at=now - dt.timedelta(days=3),
    )
    return added + 1


def _answer(title: str) -> str:
    return (
        f"Văn phòng UBND tỉnh đã tiếp nhận phản ánh “{title}”, phối hợp với cơ quan liên quan kiểm tra và đã chỉ "
        "đạo khắc phục; nội dung hướng dẫn đã được cập nhật trên Cổng dịch vụ công của tỉnh."
    )
