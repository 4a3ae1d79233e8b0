"""The deadline sweep as a periodic job (still callable as ``motcua sweep_deadlines``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils.translation import gettext_lazy as _

from motcua.core.jobs import job
from motcua.core.schedule import periodic
from motcua.notifications import sweep


@periodic(every=dt.timedelta(minutes=5), label=_("Quét hạn xử lý hồ sơ, cảnh báo sắp đến hạn và quá hạn"))
@job(lease=900)
def sweep_deadlines() -> dict:
    return dataclasses.asdict(sweep.sweep())
