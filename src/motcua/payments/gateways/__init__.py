"""The configured gateways (``MOTCUA_PAYMENT_GATEWAYS``: dotted paths of :class:`base.Gateway` subclasses)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import import_string

from motcua.payments.gateways.base import Gateway


@lru_cache(maxsize=1)
def _configured() -> dict[str, Gateway]:
    found: dict[str, Gateway] = {}
    for path in settings.MOTCUA_PAYMENT_GATEWAYS:
        gateway = import_string(path)()
        found[gateway.code] = gateway
    return found


def all_gateways() -> list[Gateway]:
    return list(_configured().values())


def get(code: str) -> Gateway | None:
    return _configured().get(code)


def _reset(setting, **kwargs):
    if setting.startswith("MOTCUA_PAYMENT"):
        _configured.cache_clear()


setting_changed.connect(_reset)
