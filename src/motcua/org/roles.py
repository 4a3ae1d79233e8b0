"""Officer roles (SPEC §1.2). Every assignment of a role is scoped to one agency and dated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNTER_OFFICER = "COUNTER_OFFICER", _("Công chức tiếp nhận, trả kết quả")
    DIGITIZER = "DIGITIZER", _("Cán bộ số hóa")
    CASHIER = "CASHIER", _("Cán bộ thu phí, lệ phí")
    SPECIALIST = "SPECIALIST", _("Chuyên viên thụ lý")
    DEPT_LEAD = "DEPT_LEAD", _("Lãnh đạo phòng chuyên môn")
    AGENCY_LEAD = "AGENCY_LEAD", _("Lãnh đạo cơ quan")
    CLERK = "CLERK", _("Văn thư")
    CENTRE_HEAD = "CENTRE_HEAD", _("Lãnh đạo Trung tâm Phục vụ hành chính công")
    TTHC_CONTROLLER = "TTHC_CONTROLLER", _("Công chức kiểm soát TTHC")
    PAKN_OFFICER = "PAKN_OFFICER", _("Cán bộ xử lý phản ánh, kiến nghị")
    ADMIN = "ADMIN", _("Quản trị hệ thống")
