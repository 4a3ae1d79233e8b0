"""The after-commit events of the workflows (``dossiers_transitioned``, ``feedback_transitioned``): one way to send
them, so that the apps that react (notifications, documents, the statistics' roll-up, the sender's e-mail) cannot
take each other down nor turn a committed transition into an error.

Every receiver runs (``Signal.send_robust``); one that raises is logged on the ``motcua.events`` logger — the
receiver, the signal, the events and the traceback — and the others run all the same. The transition has committed
already: what a failed receiver should have done is put right by the command that rebuilds it (``motcua
rebuild_report_rollups``, ``motcua issue_forms``) or at the next transition.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import django.dispatch

logger = logging.getLogger("motcua.events")

SHOWN = 5  # events named in a failure's log line; a batch of 100 is summed up after them


def fan_out(signal: django.dispatch.Signal, sender, name: str, events: Sequence) -> None:
    """Send ``events`` (``signal``'s only argument, a list) to every receiver of ``signal``, logging each failure;
    never raises an ``Exception`` from a receiver. ``name`` names the signal in the log."""
    for receiver, answer in signal.send_robust(sender=sender, events=list(events)):
        if isinstance(answer, Exception):
            logger.error(
                "receiver %s of %s failed on %s",
                _name(receiver),
                name,
                _described(events),
                exc_info=(type(answer), answer, answer.__traceback__),
            )


def _name(receiver) -> str:
    return f"{getattr(receiver, '__module__', '?')}.{getattr(receiver, '__qualname__', repr(receiver))}"


def _described(events: Sequence) -> str:
    shown = ", ".join(repr(event) for event in events[:SHOWN])
    more = len(events) - SHOWN
    return f"[{shown}{f', … {more} more' if more > 0 else ''}] ({len(events)} events)"
