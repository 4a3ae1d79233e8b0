"""Actions of the working-time app (see ``motcua.org.permissions``)."""

from django.utils.translation import gettext_lazy as _

from motcua.org.permissions import register
from motcua.org.roles import Role

MANAGE_CALENDAR = register(
    "worktime.manage_calendar", _("Quản lý lịch làm việc, ngày nghỉ"), [Role.TTHC_CONTROLLER, Role.ADMIN]
)
