"""Brute-force protection of the sign-in form, counted in the database (``SignInThrottle``) so that every web
worker shares the counts.

* per account: ``MOTCUA_SIGNIN_MAX_FAILURES`` failures (default 5) within ``MOTCUA_SIGNIN_WINDOW_MINUTES`` (15) lock
  it for ``MOTCUA_SIGNIN_LOCK_MINUTES`` (15). The key is what was typed, lower-cased, whether an account has that
  name or not: an unknown name is locked exactly like a real one, so the answers tell nothing.
* per address: ``MOTCUA_SIGNIN_IP_MAX_FAILURES`` (20) within the same window lock the address the same time.

A successful sign-in deletes the account's count (not the address's). Every function takes ``now`` so tests (and
callers) decide the time.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from motcua.accounts.models import SignInThrottle

log = logging.getLogger("motcua.accounts")


def account_key(identifier: str) -> str:
    return "account:" + identifier.strip().lower()[:280]


def ip_key(ip: str) -> str:
    return "ip:" + (ip or "unknown")[:280]


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.MOTCUA_SIGNIN_WINDOW_MINUTES)


def _lock_period() -> dt.timedelta:
    return dt.timedelta(minutes=settings.MOTCUA_SIGNIN_LOCK_MINUTES)


@dataclass(frozen=True)
class Lock:
    until: dt.datetime
    by_address: bool

    def minutes_left(self, now: dt.datetime) -> int:
        return max(1, math.ceil((self.until - now).total_seconds() / 60))


def locked(identifier: str, ip: str, now: dt.datetime) -> Lock | None:
    """The lock in force on this account name or this address at ``now`` (one query), if any."""
    keys = {account_key(identifier): False, ip_key(ip): True}
    rows = SignInThrottle.objects.filter(key__in=list(keys), locked_until__gt=now).values_list(
        "key", "locked_until"
    )
    found = [Lock(until, keys[key]) for key, until in rows]
    return max(found, key=lambda lock: lock.until) if found else None


def _count(key: str, limit: int, now: dt.datetime) -> dt.datetime | None:
    """One more failure for ``key``; the new lock's end if this failure reached ``limit``."""
    with transaction.atomic():
        row = SignInThrottle.objects.select_for_update().filter(key=key).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = SignInThrottle.objects.create(key=key, failures=0, window_started_at=now)
            except IntegrityError:  # another worker created it meanwhile
                row = SignInThrottle.objects.select_for_update().get(key=key)
        if row.window_started_at <= now - _window() or (row.locked_until and row.locked_until <= now):
            row.failures, row.window_started_at, row.locked_until = 0, now, None
        row.failures += 1
        new_lock = None
        if row.failures >= limit and not (row.locked_until and row.locked_until > now):
            row.locked_until = new_lock = now + _lock_period()
        row.save(update_fields=["failures", "window_started_at", "locked_until"])
    return new_lock


def record_failure(identifier: str, ip: str, now: dt.datetime) -> Lock | None:
    """Count a failed sign-in; the lock it caused, if this failure reached a limit (the lock is logged)."""
    lock = None
    until = _count(account_key(identifier), settings.MOTCUA_SIGNIN_MAX_FAILURES, now)
    if until is not None:
        lock = Lock(until, by_address=False)
        log.warning(
            "Sign-in locked for account %r until %s (too many failures)", identifier.strip().lower(), until
        )
    until = _count(ip_key(ip), settings.MOTCUA_SIGNIN_IP_MAX_FAILURES, now)
    if until is not None:
        log.warning("Sign-in locked for address %s until %s (too many failures)", ip, until)
        lock = lock or Lock(until, by_address=True)
    return lock


def record_success(identifier: str) -> None:
    SignInThrottle.objects.filter(key=account_key(identifier)).delete()
