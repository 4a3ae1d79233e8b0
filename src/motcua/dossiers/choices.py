"""The dossier's enumerations. Status codes are the national synchronisation codes (SPEC §1.3–1.4); the channel
(``Channel``) and the supplement's clock rule (``PauseMode``) are the catalogue's (``motcua.catalog.choices``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.IntegerChoices):
    """TrangThaiHoSo (DVCQG)."""

    SUBMITTED = 1, _("Mới đăng ký")
    ACCEPTED = 2, _("Được tiếp nhận")
    REFUSED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    SUPPLEMENT_REQUESTED = 5, _("Yêu cầu bổ sung giấy tờ")
    FINANCIAL_OBLIGATION = 6, _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    FINISHED = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


# Groups used by real statistics (SPEC §1.4).
ACCEPTED_GROUP = frozenset({2, 4, 5, 6, 7, 8, 9, 10})
IN_PROGRESS = frozenset({2, 4})
PAUSED_OR_STOPPED = frozenset({5, 6, 8})
FINISHED_GROUP = frozenset({7, 9, 10})
OPEN = frozenset({1, 2, 4, 5, 6})


class ResultDelivery(models.TextChoices):
    COUNTER = "counter", _("Nhận tại bộ phận một cửa")
    POSTAL = "postal", _("Nhận qua dịch vụ bưu chính công ích")
    ONLINE = "online", _("Nhận kết quả điện tử")


class ApplicantKind(models.TextChoices):
    """LoaiDoiTuong."""

    CITIZEN = "1", _("Công dân")
    ENTERPRISE = "2", _("Doanh nghiệp")
    STATE_AGENCY = "3", _("Cơ quan nhà nước")
    OTHER_ORGANISATION = "4", _("Tổ chức khác")


class Timeliness(models.TextChoices):
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Quá hạn")


class PauseReason(models.TextChoices):
    SUPPLEMENT = "supplement", _("Bổ sung hồ sơ")
    FINANCIAL_OBLIGATION = "financial_obligation", _("Thực hiện nghĩa vụ tài chính")


class WorkQueue(models.TextChoices):
    """The queue where an open step waits for its person (SPEC-free: the back office's own division of work)."""

    ASSIGN = "assign", _("Chờ phân công")
    WORK = "work", _("Chờ xử lý")
    SIGN = "sign", _("Chờ ký duyệt")
    ISSUE = "issue", _("Chờ phát hành")


class StepKind(models.TextChoices):
    INTERNAL = "internal", _("Bước quy trình nội bộ")
    PARTNER = "partner", _("Liên thông với cơ quan khác")


class LegalRegime(models.TextChoices):
    ND61_2018 = "ND61_2018", _("Nghị định 61/2018/NĐ-CP")
    ND118_2025 = "ND118_2025", _("Nghị định 118/2025/NĐ-CP")


class FormSet(models.TextChoices):
    TT01_2018 = "TT01_2018", _("Thông tư 01/2018/TT-VPCP")
    TT03_2025 = "TT03_2025", _("Thông tư 03/2025/TT-VPCP")


class Digitisation(models.IntegerChoices):
    """The digitisation state of a dossier component: TrangThaiSoHoa, with the R1/DVCQG codes (SPEC §1.7)."""

    NOT_DIGITISED = 0, _("Chưa số hóa")
    DIGITISED = 1, _("Được số hóa")
    REUSED_COMPONENT = 2, _("Tái sử dụng từ thành phần hồ sơ")
    REUSED_RESULT = 3, _("Tái sử dụng từ kết quả")
