"""Sent after the transaction of a transition commits: other apps (notifications, documents, the roll-up of the
statistics) react to it without the lifecycle knowing them."""

from __future__ import annotations

from dataclasses import dataclass

import django.dispatch


@dataclass(frozen=True)
class Transitioned:
    """One applied row of the transition table, as the receivers of :data:`dossiers_transitioned` see it."""

    dossier_id: int
    action: str
    from_status: int | None
    to_status: int
    actor_id: int | None
    entry_id: int  # the process-log entry it appended


# Sent once per committed transaction with every transition it applied, in order — one for a single transition,
# the whole batch for a batch intake (``transitions.batch``) — so that receivers do their work once per
# transaction (one roll-up refresh for 100 dossiers, one read of the forms' data). Sent through
# ``motcua.core.events.fan_out``: every receiver runs, a failure is logged. kwargs: events (list of
# :class:`Transitioned`)
dossiers_transitioned = django.dispatch.Signal()

# Sent after ``generate_dossiers`` wrote historical dossiers in bulk (no transition signal for them), so that
# derived data (the statistics' roll-up) is rebuilt. kwargs: first_day, last_day (dates received)
dossiers_bulk_loaded = django.dispatch.Signal()
