"""API tokens for integrators: ``Authorization: Bearer <key>``.

A key is 43 URL-safe characters from ``secrets``; the database keeps its first 8 characters (to find the row and to
name the token) and the SHA-256 hash of the whole key — never the key. ``last_used_at`` is written at most once a
minute, so an integrator's traffic does not turn every read into a write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.utils import timezone
from ninja.security import HttpBearer

from motcua.core.models import ApiToken

PREFIX_LENGTH = 8
TOUCH_EVERY = dt.timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(user, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with the clear key (shown once, never stored)."""
    key = secrets.token_urlsafe(32)
    while not key[0].isalnum():  # a prefix starting with "-" would read as an option to revoke_api_token
        key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[:PREFIX_LENGTH], key_hash=hash_key(key))
    return token, key


def user_for_key(key: str, now: dt.datetime | None = None):
    """The active user behind ``key``, or None (unknown, revoked, or the user is inactive). One query; plus one
    update when the token was not used in the last minute."""
    if not key or len(key) < PREFIX_LENGTH or len(key) > 200:
        return None
    digest = hash_key(key)
    token = (
        ApiToken.objects.select_related("user")
        .filter(prefix=key[:PREFIX_LENGTH], key_hash=digest, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, digest) or not token.user.is_active:
        return None
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke(prefix: str, now: dt.datetime | None = None) -> int:
    """Revoke the active tokens whose key starts with ``prefix``; returns how many."""
    return ApiToken.objects.filter(prefix=prefix[:PREFIX_LENGTH], revoked_at__isnull=True).update(
        revoked_at=now or timezone.now()
    )


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``: ``request.user`` becomes the token's user."""

    def authenticate(self, request, token: str):
        user = user_for_key(token.strip())
        if user is None:
            return None
        request.user = user
        return user


token_auth = TokenAuth()
