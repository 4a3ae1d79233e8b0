"""Published in the transaction of a transition: other apps (notifications, documents, the roll-up of the
statistics, messages to citizens) react to it without the lifecycle knowing them, each in a durable job run by a
worker after the commit (``motcua.core.events``)."""

from __future__ import annotations

from dataclasses import dataclass

import django.dispatch

from motcua.core.events import Topic


@dataclass(frozen=True)
class Transitioned:
    """One applied row of the transition table, as the receivers of :data:`dossiers_transitioned` see it."""

    dossier_id: int
    action: str
    from_status: int | None
    to_status: int
    actor_id: int | None
    entry_id: int  # the process-log entry it appended


# Published once per transaction with every transition it applied, in order — one for a single transition, the
# whole batch for a batch intake (``transitions.batch``) — so that receivers do their work once per transaction
# (one roll-up refresh for 100 dossiers, one read of the forms' data). Each receiver is a job of its own: retried
# when it fails, and idempotent. A receiver takes ``events`` (list of :class:`Transitioned`).
dossiers_transitioned = Topic("dossiers_transitioned", Transitioned)

# Sent after ``generate_dossiers`` wrote historical dossiers in bulk (no transition signal for them), so that
# derived data (the statistics' roll-up) is rebuilt. kwargs: first_day, last_day (dates received)
dossiers_bulk_loaded = django.dispatch.Signal()
