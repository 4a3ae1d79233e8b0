"""Working-day deadlines of the PAKN steps (SPEC §6.4, the DVCQG scoring rules by default).

Configurable by ``settings.MOTCUA_PAKN_DEADLINES`` (declared in settings.py, from the environment), e.g.
``"refuse=2,request_info=5,answer=15,publish=2"`` — e.g. 10 working days for the answer under ND 20/2008 as
amended. Counted with the working-time engine of the handling unit (``worktime.services.compute_due``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from motcua.core.inputs import ascii_int
from motcua.worktime import services as worktime

DEFAULTS = {"refuse": 2, "request_info": 5, "answer": 15, "publish": 2}


def limits() -> dict[str, int]:
    raw = settings.MOTCUA_PAKN_DEADLINES
    values = dict(DEFAULTS)
    if isinstance(raw, dict):
        values.update({k: int(v) for k, v in raw.items() if k in DEFAULTS})
        return values
    for part in str(raw).split(","):
        name, _sep, number = part.partition("=")
        if name.strip() in DEFAULTS and ascii_int(number.strip()) is not None:
            values[name.strip()] = int(number)
    return values


def due(step: str, start: dt.datetime, agency) -> dt.datetime:
    """``start`` plus the step's number of working days in ``agency``'s calendar and hours."""
    return worktime.compute_due(start, limits()[step], "working_days", agency)
