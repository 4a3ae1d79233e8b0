"""Absolute links that leave the site (letters, QR codes, payment gateways' return addresses) are built from the
configured public address ``MOTCUA_PUBLIC_URL``, never from the request's ``Host`` header: a forged Host must not
put an attacker's address into a password-reset letter."""

from __future__ import annotations

from django.conf import settings


def public_url(path: str) -> str:
    """``path`` (from ``reverse``) as an absolute address of the public site."""
    return settings.MOTCUA_PUBLIC_URL.rstrip("/") + "/" + path.lstrip("/")
