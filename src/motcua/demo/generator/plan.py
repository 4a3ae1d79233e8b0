"""The plan of one generated dossier's life, before its ids are known: the dossier's fields, its applicant and
components, its process log, its step, pauses, apology and result, as the lifecycle would have written them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from motcua.worktime.engine import DeadlineClock

NOBODY = (None, "", "")  # the actor of the citizen's own entries (online submission)


@dataclass
class Pending:
    """One generated dossier before ids are known."""

    d: dict
    applicant: tuple
    components: list
    log: list  # [(at, actor, role, agency_id, action, from, to, note, data, step_due, on_time)]
    step: list | None = (
        None  # [order, name, agency_id, role, amount, unit, started, due, finished, timeliness]
    )
    step_open: bool = False
    pauses: list = field(default_factory=list)  # [(reason, mode, agency_id, started, ended, note)]
    apology: tuple | None = None
    result: tuple | None = None
    clock: DeadlineClock | None = None  # the dossier's clock (dossiers.services.clock) once received

    def record(self, at: dt.datetime, actor: tuple, agency_id: int, action: str, frm, to, note: str, data: dict,
               step_due=None, on_time=None) -> None:  # fmt: skip
        """Append a process-log entry made by ``actor`` (user id, name, role), acting in its role."""
        self.log.append((at, actor, actor[2], agency_id, action, frm, to, note, data, step_due, on_time))

    @property
    def last_at(self) -> dt.datetime:
        return self.log[-1][0]
