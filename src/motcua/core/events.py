"""The events of the workflows (``dossiers_transitioned``, ``feedback_transitioned``), delivered durably.

A :class:`Topic` is published **inside** the transaction of the transitions it reports: for each receiver it
writes one job (``deliver``) in that transaction (``motcua.core.jobs``, the outbox), so the receivers' work —
issuing forms, the statistics' roll-up, notifications, messages to citizens — exists exactly when the transitions
committed and is done by a worker, off the request's path. Each receiver is its own job: one that fails is retried
with back-off and never stops the others, and a receiver must be idempotent (it may run twice after a crash). The
events travel as JSON (a dataclass of ids and codes per transition).

Receivers register with ``@topic.receiver`` in their app's ``receivers.py`` (imported by ``AppConfig.ready()``),
or ``topic.connect(func, key)``; the key (the function's dotted path by default) is what the job names, so a worker
runs only a registered receiver, never an arbitrary path.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from motcua.core import jobs

logger = logging.getLogger("motcua.events")

TOPICS: dict[str, Topic] = {}


class Topic:
    """A named event with its receivers; ``event_type`` is the frozen dataclass one event is."""

    def __init__(self, name: str, event_type: type):
        if name in TOPICS:
            raise ValueError(f"topic {name!r} declared twice")
        self.name = name
        self.event_type = event_type
        self.receivers: dict[str, Callable] = {}
        TOPICS[name] = self

    def receiver(self, func: Callable) -> Callable:
        """Decorator: ``func(events)`` receives a list of events of this topic (once per transaction)."""
        self.connect(func)
        return func

    def connect(self, func: Callable, key: str | None = None) -> str:
        key = key or f"{func.__module__}.{func.__qualname__}"
        self.receivers[key] = func
        return key

    def disconnect(self, key_or_func) -> None:
        if callable(key_or_func):
            key_or_func = next((k for k, f in self.receivers.items() if f is key_or_func), None)
        self.receivers.pop(key_or_func, None)

    def publish(self, events: Sequence) -> None:
        """Inside the transaction that applied ``events``: one job per receiver, in one INSERT."""
        if not events or not self.receivers:
            return
        payload = [dataclasses.asdict(event) for event in events]
        jobs.enqueue_many([(deliver, (self.name, key, payload), {}) for key in self.receivers])

    def __repr__(self) -> str:
        return f"Topic({self.name!r})"


@jobs.job()
def deliver(topic: str, receiver: str, events: list[dict]) -> None:
    """Run one receiver of a topic on the events of one transaction (a job: retried when it raises)."""
    found = TOPICS.get(topic)
    func = found.receivers.get(receiver) if found else None
    if func is None:
        # a receiver removed by a new release: nothing to do, and nothing to retry
        logger.warning("no receiver %s of %s any more: %d events skipped", receiver, topic, len(events))
        return
    func([found.event_type(**event) for event in events])
