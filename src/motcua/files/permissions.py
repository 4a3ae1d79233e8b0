"""The actions of the files app.

- ``files.digitise``: scan-attach the components of a dossier, or mark them reused from the applicant's data store
  — the digitisation officer or the counter officer of the unit that received the dossier (the counter scans at
  reception, SPEC §1.7).
- ``files.attach_result``: attach the signed electronic result of a finished dossier — the processing staff of the
  competent agency (or its subunits), who issued the result (SPEC §7.3).
"""

from django.utils.translation import gettext_lazy as _

from motcua.dossiers.lifecycle import PROCESSORS
from motcua.org.permissions import register
from motcua.org.roles import Role

DIGITISE = register(
    "files.digitise",
    _("Số hóa thành phần hồ sơ và tái sử dụng giấy tờ trong kho dữ liệu của chủ hồ sơ"),
    [Role.DIGITIZER, Role.COUNTER_OFFICER],
)
ATTACH_RESULT = register(
    "files.attach_result",
    _("Đính kèm kết quả điện tử đã ký số"),
    PROCESSORS,
)
