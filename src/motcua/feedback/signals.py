"""Sent after the transaction of a feedback (PAKN) transition commits: other parts (the sender's e-mail) react to
it without the lifecycle knowing them. The same shape as ``dossiers_transitioned``."""

from __future__ import annotations

from dataclasses import dataclass

import django.dispatch


@dataclass(frozen=True)
class Transitioned:
    """One applied row of ``feedback.lifecycle.TRANSITIONS``, as the receivers of :data:`feedback_transitioned` see
    it."""

    feedback_id: int
    action: str
    from_status: str | None  # None for the intake
    to_status: str
    actor_id: int | None
    entry_id: int  # the log entry it appended


# Sent once per committed transition, through ``motcua.core.events.fan_out`` (every receiver runs, a failure is
# logged). kwargs: events (list of :class:`Transitioned`)
feedback_transitioned = django.dispatch.Signal()
