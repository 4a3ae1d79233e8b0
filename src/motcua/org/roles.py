"""Officer roles (SPEC §1.2). Every assignment of a role is scoped to one agency and dated."""

from django.db import models


class Role(models.TextChoices):
    COUNTER_OFFICER = "COUNTER_OFFICER", "Công chức tiếp nhận, trả kết quả"
    DIGITIZER = "DIGITIZER", "Cán bộ số hóa"
    CASHIER = "CASHIER", "Cán bộ thu phí, lệ phí"
    SPECIALIST = "SPECIALIST", "Chuyên viên thụ lý"
    DEPT_LEAD = "DEPT_LEAD", "Lãnh đạo phòng chuyên môn"
    AGENCY_LEAD = "AGENCY_LEAD", "Lãnh đạo cơ quan"
    CLERK = "CLERK", "Văn thư"
    CENTRE_HEAD = "CENTRE_HEAD", "Lãnh đạo Trung tâm Phục vụ hành chính công"
    TTHC_CONTROLLER = "TTHC_CONTROLLER", "Công chức kiểm soát TTHC"
    PAKN_OFFICER = "PAKN_OFFICER", "Cán bộ xử lý phản ánh, kiến nghị"
    ADMIN = "ADMIN", "Quản trị hệ thống"
