"""The workspace's own action: reading the personal-data access log (Nghị định 13/2023/NĐ-CP).

A unit's leaders read the reads by their unit's officers and of their unit's records; TTHC controllers and
administrators read the whole province (``org.personal_data.visible_reads``)."""

from django.utils.translation import gettext_lazy as _

from motcua.org.permissions import register
from motcua.org.roles import Role

READ_ACCESS_LOG = register(
    "workspace.read_access_log",
    _("Xem nhật ký truy cập dữ liệu cá nhân"),
    [Role.AGENCY_LEAD, Role.CENTRE_HEAD, Role.DEPT_LEAD, Role.TTHC_CONTROLLER, Role.ADMIN],
)
