from django.utils.translation import gettext_lazy as _

from motcua.org.permissions import register
from motcua.org.roles import Role

KIOSK = register(
    "satisfaction.kiosk",
    _("Mở màn hình đánh giá sự hài lòng tại quầy cho hồ sơ mình vừa tiếp nhận"),
    [Role.COUNTER_OFFICER],
)
