"""Payment expiry as a periodic job (still callable as ``motcua expire_payments``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from motcua.core.jobs import job
from motcua.core.schedule import periodic
from motcua.payments.services.payments import expire_all


@periodic(every=dt.timedelta(minutes=5), label=_("Kết thúc các giao dịch thanh toán chờ quá hạn"))
@job()
def expire_payments() -> dict:
    expired, recovered = expire_all()
    return {"expired": expired, "recovered": recovered}
