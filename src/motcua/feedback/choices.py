"""The feedback's enumerations. ``Status`` is the state of the PAKN lifecycle (``feedback.lifecycle``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "tiep_nhan", _("Mới tiếp nhận")
    NEEDS_INFO = "cho_bo_sung", _("Chờ bổ sung")
    SUPPLEMENTED = "da_bo_sung", _("Đã bổ sung")
    PROCESSING = "dang_xu_ly", _("Đang xử lý")
    AWAITING_APPROVAL = "cho_duyet", _("Chờ phê duyệt")
    AWAITING_PUBLICATION = "cho_cong_khai", _("Chờ công khai")
    PUBLISHED = "da_cong_khai", _("Đã công khai")
    REFUSED = "tu_choi", _("Từ chối tiếp nhận")
    REDIRECTED = (
        "chuyen_huong",
        _("Chuyển hướng (khiếu nại, tố cáo)"),
    )  # complaint or denunciation (SPEC §6.1)


class Kind(models.TextChoices):
    PAKN = "pakn", _("Phản ánh, kiến nghị")
    COMPLAINT = "khieu_nai", _("Khiếu nại")
    DENUNCIATION = "to_cao", _("Tố cáo")


class Channel(models.TextChoices):
    PORTAL = "cong_dvc", _("Cổng dịch vụ công")
    HOTLINE = "duong_day_nong", _("Đường dây nóng")
    EMAIL = "thu_dien_tu", _("Thư điện tử")
    LETTER = "van_ban", _("Văn bản, thư gửi qua bưu chính")
    IN_PERSON = "truc_tiep", _("Trực tiếp")
    NATIONAL = "dvcqg", _("Chuyển từ Cổng DVCQG")


OFFICER_CHANNELS = [Channel.HOTLINE, Channel.EMAIL, Channel.LETTER, Channel.IN_PERSON]


class Classification(models.TextChoices):
    REGULATION = "quy_dinh", _("Quy định hành chính, TTHC")
    CONDUCT = "hanh_vi", _("Hành vi của cán bộ, công chức")


class SenderKind(models.TextChoices):
    PERSON = "ca_nhan", _("Cá nhân")
    ORGANISATION = "to_chuc", _("Tổ chức, doanh nghiệp")


class Reaction(models.TextChoices):
    AGREE = "dong_y", _("Đồng ý với câu trả lời")
    DISAGREE = "khong_dong_y", _("Không đồng ý")
