"""The catalogue's enumerations. String values are stable codes used in the API and in imports."""

from django.db import models
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.worktime.engine import PauseMode as ClockPauseMode


class Level(models.TextChoices):
    """Cấp thực hiện (implementing level). ``district`` is historical: no district level from 01/7/2025."""

    MINISTRY = "ministry", _("Cấp bộ")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện (đến 30/6/2025)")
    COMMUNE = "commune", _("Cấp xã")
    OTHER = "other", _("Cơ quan khác")


class ProcedureKind(models.TextChoices):
    STANDARD = "standard", _("TTHC được luật giao quy định chi tiết")
    SPECIFIC = "specific", _("TTHC đặc thù, không được luật giao cho địa phương quy định")
    INTERNAL = "internal", _("TTHC nội bộ")
    OTHER = "other", _("Loại khác")


class Channel(models.TextChoices):
    """Kênh thực hiện (KenhThucHien, SPEC §1.3): how a procedure may be done and how a dossier was submitted."""

    DIRECT = "1", _("Trực tiếp")
    ONLINE = "2", _("Trực tuyến")
    POSTAL = "3", _("Dịch vụ bưu chính công ích")


class PauseMode(models.TextChoices):
    """How a supplement affects the clock (SPEC §8.5), set per procedure version and copied onto each dossier: the
    modes of the deadline engine (``motcua.worktime.engine.PauseMode``)."""

    PAUSE = ClockPauseMode.PAUSE.value, _("Tạm dừng, tính tiếp thời gian còn lại")
    RESTART = ClockPauseMode.RESTART.value, _("Tính lại toàn bộ thời hạn từ khi nhận đủ hồ sơ")


class OnlineLevel(models.TextChoices):
    """Mức độ dịch vụ công trực tuyến (ND 42/2022)."""

    INFORMATION = "information", _("Chỉ cung cấp thông tin")
    PARTIAL = "partial", _("Dịch vụ công trực tuyến một phần")
    FULL = "full", _("Dịch vụ công trực tuyến toàn trình")


class NonBoundary(models.TextChoices):
    """Tiếp nhận không phụ thuộc địa giới hành chính (ND 118/2025)."""

    NONE = "none", _("Theo địa giới hành chính")
    PROVINCE = "province", _("Không phụ thuộc địa giới trong tỉnh")
    NATIONWIDE = "nationwide", _("Không phụ thuộc địa giới trên toàn quốc")


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã công bố")
    SUPERSEDED = "superseded", _("Bị thay thế trước khi có hiệu lực")


class FeeKind(models.TextChoices):
    FEE = "phi", _("Phí")
    CHARGE = "le_phi", _("Lệ phí")
    UNSPECIFIED = "khac", _("Phí, lệ phí")


class AssignmentRole(models.TextChoices):
    HANDLES = "handles", _("Giải quyết")
    RECEIVES = "receives", _("Tiếp nhận")


# The units of a time limit are the working-time engine's (motcua.worktime.engine.TimeUnit values).
class LimitUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("ngày làm việc")
    WORKING_HOURS = "working_hours", _("giờ làm việc")
    CALENDAR_DAYS = "calendar_days", pgettext_lazy("time unit", "ngày")
    MONTHS = "months", _("tháng")
    SAME_DAY = "same_day", _("trong ngày")


def limit_text(amount: str, count: float, unit: str) -> str:
    """“7 ngày làm việc” / “7 working days”, “1 working day”: an amount (already formatted) with its unit."""
    n = 1 if count == 1 else 2  # plural forms only: Vietnamese has one, English two
    if unit == LimitUnit.SAME_DAY:
        return gettext("Trong ngày")
    forms = {
        LimitUnit.WORKING_DAYS: ngettext("%(amount)s ngày làm việc", "%(amount)s ngày làm việc", n),
        LimitUnit.WORKING_HOURS: ngettext("%(amount)s giờ làm việc", "%(amount)s giờ làm việc", n),
        LimitUnit.CALENDAR_DAYS: ngettext("%(amount)s ngày", "%(amount)s ngày", n),
        LimitUnit.MONTHS: ngettext("%(amount)s tháng", "%(amount)s tháng", n),
    }
    return forms[LimitUnit(unit)] % {"amount": amount}
