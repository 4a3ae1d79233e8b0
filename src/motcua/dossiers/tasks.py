"""The daily anchor of the process logs' heads (``motcua anchor_log_heads``) as a periodic job."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from motcua.core.jobs import job
from motcua.core.schedule import periodic


@periodic(
    every=dt.timedelta(days=1), at=dt.time(0, 20), label=_("Neo đầu chuỗi nhật ký xử lý hồ sơ trong ngày")
)
@job(lease=3600)
def anchor_log_heads() -> dict:
    """Idempotent per day (``anchors.write_anchor``): a second run the same day writes nothing."""
    from motcua.dossiers.services import anchors

    written = anchors.write_anchor()
    return {"day": written.digest["day"], "created": written.created}
