"""The configured SMS and Zalo gateways (``MOTCUA_SMS_GATEWAY``, ``MOTCUA_ZALO_GATEWAY``: dotted paths; empty turns
the channel off)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from motcua.messaging.gateways.base import SmsGateway, ZaloGateway


@lru_cache(maxsize=1)
def sms() -> SmsGateway | None:
    path = settings.MOTCUA_SMS_GATEWAY
    return import_string(path)() if path else None


@lru_cache(maxsize=1)
def zalo() -> ZaloGateway | None:
    path = settings.MOTCUA_ZALO_GATEWAY
    return import_string(path)() if path else None


def sandbox_on() -> bool:
    """Whether a sandbox gateway is configured (its page for testers is then served)."""
    return any(g is not None and g.is_test for g in (sms(), zalo()))


def _reset(setting, **kwargs):
    if setting in {"MOTCUA_SMS_GATEWAY", "MOTCUA_ZALO_GATEWAY"}:
        sms.cache_clear()
        zalo.cache_clear()


setting_changed.connect(_reset)
