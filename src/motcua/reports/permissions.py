from django.utils.translation import gettext_lazy as _

from motcua.org.permissions import register
from motcua.org.roles import Role

VIEW_REPORTS = register(
    "reports.view",
    _(
        "Xem báo cáo, thống kê giải quyết TTHC (Biểu 06, tổng quan, danh sách quá hạn) của đơn vị và đơn vị trực thuộc"
    ),
    [Role.AGENCY_LEAD, Role.DEPT_LEAD, Role.CENTRE_HEAD, Role.TTHC_CONTROLLER, Role.ADMIN],
)
