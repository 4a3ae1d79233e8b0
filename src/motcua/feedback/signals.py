"""Published in the transaction of a feedback (PAKN) transition: other parts (the sender's message) react to it in
durable jobs without the lifecycle knowing them. The same shape as ``dossiers_transitioned``."""

from __future__ import annotations

from dataclasses import dataclass

from motcua.core.events import Topic


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


# Published once per transition, in its transaction (``motcua.core.events``); a receiver takes ``events`` (list
# of :class:`Transitioned`) in a job of its own.
feedback_transitioned = Topic("feedback_transitioned", Transitioned)
