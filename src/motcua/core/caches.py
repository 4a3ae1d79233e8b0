"""Per-process caches kept until a stamp changes.

Several answers are asked for on every request but change rarely (the working calendars, the units' working
hours, the catalogue's search vocabulary). Each process keeps them in a ``StampedCache``: a small dictionary that
is emptied when its *stamp* — a cheap summary of the stored data, such as (row count, last update) — differs from
the one it was filled under. The stamp is read at most once every ``every`` seconds (0: on every look-up), so a
change made by another process is seen within that time; a change made here calls ``clear()`` and is seen at once.
``every`` may be a function returning the seconds, read at each look-up, so that the owner's module constant stays
the one knob (tests set it to infinity: a test is one process).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any


class StampedCache:
    def __init__(
        self,
        stamp: Callable[[], Hashable],
        every: float | Callable[[], float] = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stamp = stamp
        self.every = every if callable(every) else (lambda: every)
        self.clock = clock
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()
        self._stamp: Hashable | None = None
        self._checked_at = 0.0

    def get(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept under ``key``, built (and kept) by ``build()`` when the cache holds none."""
        self.check()
        try:
            return self._values[key]
        except KeyError:
            value = build()
        with self._lock:
            self._values[key] = value
        return value

    def check(self) -> None:
        """Read the stamp (unless read less than ``every`` seconds ago) and forget everything if it changed."""
        now = self.clock()
        if self._stamp is not None and now - self._checked_at < self.every():
            return
        stamp = self.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._values.clear()
                self._stamp = stamp
            self._checked_at = now

    @property
    def current_stamp(self) -> Hashable | None:
        """The stamp the values were built under (None before the first look-up or after ``clear()``)."""
        return self._stamp

    def clear(self) -> None:
        """Forget every value and the stamp (a change made in this process)."""
        with self._lock:
            self._values.clear()
            self._stamp = None
            self._checked_at = 0.0
