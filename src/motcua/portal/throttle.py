"""Throttling of the tracking check against enumeration (guessing codes, or the 4 digits of one code).

Failed checks are counted in Django's default cache, per client address and per typed code, in a fixed window of
``WINDOW_SECONDS`` that starts at the first failure: at most ``FAILURES_PER_IP`` per address and
``FAILURES_PER_CODE`` per code. Beyond either, the page answers 429 without looking anything up, even for a
correct value, until the window ends. A correct check clears the count of its code (whoever knows the value has
nothing left to guess), never the count of the address (else one's own dossier would reset the limit).

The per-code limit bounds a distributed attack on one dossier to ``FAILURES_PER_CODE`` guesses a window; the
price is that someone who knows a code can keep its owner waiting for that window (the message says to wait or to
ask the centre).

Limits of the deployment, to know:

- The cache must be shared by every worker for the limits to hold: the default is the database cache (settings
  ``CACHES``, one table for every worker and server); ``MOTCUA_CACHE_URL=redis://…`` for a busy site. Counting
  there is a read then a write (Redis: atomic), so simultaneous failures may count once: a burst gets at most its
  own size beyond the limit.
- The client address is ``motcua.core.client.client_ip``: ``REMOTE_ADDR``, or behind a proxy named in
  ``MOTCUA_TRUSTED_PROXIES`` the address that proxy saw (``X-Forwarded-For``, read from the right).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from motcua.core.client import client_ip  # noqa: F401  (the tracking and PAKN pages read it from here)

FAILURES_PER_IP = 10
FAILURES_PER_CODE = 5
WINDOW_SECONDS = 15 * 60


def _key(kind: str, value: str) -> str:
    # hashed: keys stay short and free of characters some cache backends refuse
    return f"motcua:portal:track:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def _keys(ip: str, code: str | None) -> dict[str, int]:
    keys = {_key("ip", ip): FAILURES_PER_IP}
    if code:
        keys[_key("code", code.upper())] = FAILURES_PER_CODE
    return keys


def is_throttled(ip: str, code: str | None) -> bool:
    """Whether this address, or this code, has used up its failed checks for the window."""
    limits = _keys(ip, code)
    counts = cache.get_many(list(limits))
    return any(counts.get(key, 0) >= limit for key, limit in limits.items())


def record_failure(ip: str, code: str) -> None:
    for key in _keys(ip, code):
        cache.add(key, 0, WINDOW_SECONDS)  # starts the window; no-op if it runs already
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def record_success(code: str) -> None:
    cache.delete(_key("code", code.upper()))
