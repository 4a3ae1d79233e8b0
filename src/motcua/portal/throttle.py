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

- The cache must be shared by every worker for the limits to hold: Django's default is a per-process
  ``LocMemCache``, so with N gunicorn workers an address gets up to N times the limit. Set ``MOTCUA_CACHE_URL``
  (``redis://…``, Django's ``RedisCache``, needs ``pip install redis``) in production.
- The client address is ``REMOTE_ADDR``. ``X-Forwarded-For`` is not read: the project has no trusted-proxy setting,
  and a header any client can set cannot be trusted. Behind a reverse proxy, have the proxy pass the client's
  address as the connection's (e.g. a PROXY-protocol or real-IP module in front of gunicorn); otherwise every
  visitor shares the proxy's address and its limit.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

FAILURES_PER_IP = 10
FAILURES_PER_CODE = 5
WINDOW_SECONDS = 15 * 60


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


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
