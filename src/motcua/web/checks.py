"""``motcua check --deploy``: Errors for the parts that exist only to try the system, left on in production
(``DEBUG`` off). Django's own deploy checks (HSTS, secure cookies, SSL redirect…) run beside these."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import import_string


@register(Tags.security, deploy=True)
def test_doubles_are_off_in_production(app_configs=None, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return []
    from motcua.payments.gateways.sandbox import SandboxGateway

    errors = []
    if settings.MOTCUA_OIDC_MOCK:
        errors.append(
            Error(
                "MOTCUA_OIDC_MOCK is on with DEBUG off: anyone can sign in as any identity through the mock VNeID "
                "at /mock-vneid/.",
                hint="Unset MOTCUA_OIDC_MOCK and set MOTCUA_OIDC_ISSUER, MOTCUA_OIDC_CLIENT_ID and "
                "MOTCUA_OIDC_CLIENT_SECRET for the real provider.",
                id="motcua.E001",
            )
        )
    for path in settings.MOTCUA_PAYMENT_GATEWAYS:
        try:
            gateway = import_string(path)
        except ImportError as exc:
            errors.append(
                Error(f"MOTCUA_PAYMENT_GATEWAYS: {path} cannot be imported ({exc}).", id="motcua.E003")
            )
            continue
        if isinstance(gateway, type) and issubclass(gateway, SandboxGateway):
            errors.append(
                Error(
                    f"MOTCUA_PAYMENT_GATEWAYS offers the sandbox bank ({path}) with DEBUG off: citizens could "
                    "'pay' fees without any money moving.",
                    hint="Set MOTCUA_PAYMENT_GATEWAYS to the province's real gateways (PayGov, VNPay…).",
                    id="motcua.E002",
                )
            )
    errors.extend(_sandbox_messages())
    return errors


def _sandbox_messages() -> list[Error]:
    """The sandbox SMS and Zalo gateways left on: citizens would be told nothing, and the testers' page
    (``/thu-nghiem/tin-nhan/``) would show what they were told."""
    from motcua.messaging.gateways.base import Gateway

    errors = []
    for name in ("MOTCUA_SMS_GATEWAY", "MOTCUA_ZALO_GATEWAY"):
        path = getattr(settings, name)
        if not path:
            continue
        try:
            gateway = import_string(path)
        except ImportError as exc:
            errors.append(Error(f"{name}: {path} cannot be imported ({exc}).", id="motcua.E005"))
            continue
        if not (isinstance(gateway, type) and issubclass(gateway, Gateway)):
            errors.append(Error(f"{name}: {path} is not a messaging gateway.", id="motcua.E005"))
        elif gateway().is_test:
            errors.append(
                Error(
                    f"{name} is the sandbox gateway ({path}) with DEBUG off: citizens would receive nothing, and "
                    "the testers' page /thu-nghiem/tin-nhan/ would show every message to anyone.",
                    hint=f"Set {name} to the province's provider, or to an empty value to turn the channel off.",
                    id="motcua.E004",
                )
            )
    return errors
