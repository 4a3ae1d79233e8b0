"""The events a citizen is told of, the channels, the delivery states, and what each event may say.

An event lists its variables: the only values of the dossier (or PAKN item) a template may put into a message. No
name, identification number, birth date or address is among them — a message tells what happened to a dossier,
never who its applicant is (README “Security”: nothing personal beyond what the event needs leaves the system).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    RECEIVED = "received", _("Tiếp nhận hồ sơ")
    COMPLETION = "completion", _("Yêu cầu hoàn thiện hồ sơ nộp trực tuyến")
    SUPPLEMENT = "supplement", _("Yêu cầu bổ sung hồ sơ")
    FEE = "fee", _("Thông báo nghĩa vụ tài chính")
    APOLOGY = "apology", _("Xin lỗi và hẹn lại ngày trả kết quả")
    STEP_STARTED = "step_started", _("Hồ sơ chuyển đến bước xử lý")
    RESULT_READY = "result_ready", _("Có kết quả")
    RETURNED = "returned", _("Đã trả kết quả")
    FEEDBACK_ANSWERED = "feedback", _("Phản ánh, kiến nghị được cập nhật")


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo ZNS")


class State(models.TextChoices):
    QUEUED = "queued", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không thành công")


# Which transition of the dossiers' table tells the citizen what (``motcua.dossiers.lifecycle``).
ACTIONS: dict[str, str] = {
    "receive": Event.RECEIVED,  # at the counter
    "accept": Event.RECEIVED,  # an online dossier accepted
    "request_completion": Event.COMPLETION,
    "request_supplement": Event.SUPPLEMENT,
    "request_payment": Event.FEE,
    "apologize": Event.APOLOGY,
    "finish": Event.RESULT_READY,  # the result is ready for return
    "return_result": Event.RETURNED,
}

# The transitions that may start a step of the dossier's process: a step whose process step says so
# (``ProcessStep.notify_citizen``) tells the citizen where the dossier is (``Event.STEP_STARTED``).
STARTS_STEPS = frozenset(
    {"transfer", "assign", "forward", "approve", "send_back", "return_from_partner", "consult_partner"}
)

COMMON = ("ma_ho_so", "ten_thu_tuc", "co_quan", "link_tra_cuu")

# name → what it holds (shown in the admin next to the template)
VARIABLE_LABELS: dict[str, str] = {
    "ma_ho_so": _("mã hồ sơ"),
    "ten_thu_tuc": _("tên thủ tục hành chính"),
    "co_quan": _("cơ quan tiếp nhận"),
    "link_tra_cuu": _("đường dẫn tra cứu hồ sơ"),
    "ngay_tiep_nhan": _("ngày tiếp nhận (dd/mm/yyyy)"),
    "ngay_hen_tra": _("ngày hẹn trả kết quả (dd/mm/yyyy)"),
    "noi_dung": _("nội dung công chức ghi (lý do, giấy tờ cần bổ sung, khoản phải nộp)"),
    "ngay_hen_cu": _("ngày hẹn trả trước đó"),
    "ngay_hen_moi": _("ngày hẹn trả mới"),
    "cach_nhan": _("cách nhận kết quả"),
    "noi_nhan": _("nơi nhận kết quả"),
    "link_ket_qua": _("đường dẫn nhận kết quả điện tử"),
    "ngay_tra": _("ngày trả kết quả"),
    "ten_buoc": _("tên bước xử lý"),
    "don_vi": _("đơn vị thực hiện bước"),
    "han_buoc": _("hạn của bước (dd/mm/yyyy HH:MM)"),
    "ma_pakn": _("mã phản ánh, kiến nghị"),
    "trang_thai": _("tình trạng mới"),
}

VARIABLES: dict[str, tuple[str, ...]] = {
    Event.RECEIVED: (*COMMON, "ngay_tiep_nhan", "ngay_hen_tra"),
    Event.COMPLETION: (*COMMON, "noi_dung"),
    Event.SUPPLEMENT: (*COMMON, "noi_dung"),
    Event.FEE: (*COMMON, "noi_dung"),
    Event.APOLOGY: (*COMMON, "noi_dung", "ngay_hen_cu", "ngay_hen_moi"),
    Event.STEP_STARTED: (*COMMON, "ten_buoc", "don_vi", "han_buoc"),
    Event.RESULT_READY: (*COMMON, "cach_nhan", "noi_nhan", "link_ket_qua"),
    Event.RETURNED: (*COMMON, "ngay_tra"),
    Event.FEEDBACK_ANSWERED: ("ma_pakn", "trang_thai", "link_tra_cuu"),
}
