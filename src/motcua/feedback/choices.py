from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.feedback import lifecycle as lc


class Status(models.TextChoices):
    RECEIVED = lc.RECEIVED, _("Mới tiếp nhận")
    NEEDS_INFO = lc.NEEDS_INFO, _("Chờ bổ sung")
    SUPPLEMENTED = lc.SUPPLEMENTED, _("Đã bổ sung")
    PROCESSING = lc.PROCESSING, _("Đang xử lý")
    AWAITING_APPROVAL = lc.AWAITING_APPROVAL, _("Chờ phê duyệt")
    AWAITING_PUBLICATION = lc.AWAITING_PUBLICATION, _("Chờ công khai")
    PUBLISHED = lc.PUBLISHED, _("Đã công khai")
    REFUSED = lc.REFUSED, _("Từ chối tiếp nhận")
    REDIRECTED = lc.REDIRECTED, _("Chuyển hướng (khiếu nại, tố cáo)")


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
