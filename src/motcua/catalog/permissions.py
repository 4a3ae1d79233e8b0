from django.utils.translation import gettext_lazy as _

from motcua.org.permissions import register
from motcua.org.roles import Role

MANAGE_CATALOG = register(
    "catalog.manage",
    _("Soạn thảo, công bố thủ tục hành chính và giao đơn vị thực hiện"),
    [Role.TTHC_CONTROLLER, Role.ADMIN],
)
