"""The digitisation state of a dossier component: TrangThaiSoHoa, with the R1/DVCQG codes (SPEC §1.7)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Digitisation(models.IntegerChoices):
    NOT_DIGITISED = 0, _("Chưa số hóa")
    DIGITISED = 1, _("Được số hóa")
    REUSED_COMPONENT = 2, _("Tái sử dụng từ thành phần hồ sơ")
    REUSED_RESULT = 3, _("Tái sử dụng từ kết quả")
