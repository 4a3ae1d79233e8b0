"""Officers' second factor (issue 16, rule 8), on django-otp: a TOTP device (an authenticator app) and a set of
single-use recovery codes (django-otp's static device). This module holds the rules; the pages are in
``views_second_factor``.

* Who must use it: staff and superusers (they reach /admin/; ``MOTCUA_2FA_REQUIRED_FOR_STAFF``) and officers holding
  a role of ``MOTCUA_2FA_REQUIRED_ROLES`` today (default the leaders and administrators). Any other officer may turn
  it on; once enrolled, they are asked for a code at every sign-in too. Citizens are never asked (they have VNeID).
* A session is *verified* when django-otp's ``OTPMiddleware`` finds in it a confirmed device of the user
  (``user.is_verified()``): resetting the devices ends the verification of every session at once.
* Enrolment: an unconfirmed TOTP device (its secret shown as a QR code and as text) becomes confirmed by the first
  code it produces; the previous devices are then removed and ``RECOVERY_CODES`` new recovery codes are made.
* A code is checked against the TOTP device (a code is accepted once: django-otp refuses a replayed one), then
  against the recovery codes (a recovery code is deleted when it is used). Wrong codes count towards the sign-in
  lockout (``accounts.lockout``) — the callers count them.
"""

from __future__ import annotations

import logging
import re

import segno
from django.conf import settings
from django.core import checks
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("motcua.accounts")

RECOVERY_CODES = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


@checks.register(checks.Tags.security)
def check_required_roles(app_configs=None, **kwargs):
    """A misspelt role in ``MOTCUA_2FA_REQUIRED_ROLES`` would silently exempt its holders: refuse to start."""
    from motcua.org.roles import Role

    unknown = sorted(set(settings.MOTCUA_2FA_REQUIRED_ROLES) - set(Role.values))
    if unknown:
        return [
            checks.Error(
                f"MOTCUA_2FA_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}",
                hint=f"Use codes among: {', '.join(Role.values)}",
                id="motcua.accounts.E001",
            )
        ]
    return []


def _roles_today(user) -> set[str]:
    from motcua.org import permissions

    return set(permissions.assignments_on(user).values_list("role", flat=True))


def required_for(user, roles=None) -> bool:
    """Whether ``user`` must sign in with a second factor. ``roles``: the role codes the user holds today, when the
    caller has them already (else one query, only for a user who is not staff)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if (user.is_staff or user.is_superuser) and settings.MOTCUA_2FA_REQUIRED_FOR_STAFF:
        return True
    wanted = set(settings.MOTCUA_2FA_REQUIRED_ROLES)
    if not wanted:
        return False
    if roles is None:
        roles = _roles_today(user)
    return bool(wanted & set(roles))


def totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def session_blocked(user, roles=None) -> bool:
    """A signed-in user who must use the second factor and whose session has not passed it."""
    return not _verified(user) and required_for(user, roles)  # a verified session reads no roles


def verify_url(request) -> str:
    """The code page for a signed-in session that must pass the second factor, coming back here afterwards."""
    return reverse("accounts:second-factor") + "?" + urlencode({"next": request.get_full_path()})


def send_to_verify(request):
    """The answer to a page asked by a session that must pass the second factor first (htmx: a full-page redirect,
    not the code page swapped into a fragment)."""
    from django.shortcuts import redirect
    from django_htmx.http import HttpResponseClientRedirect

    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(verify_url(request))
    return redirect(verify_url(request))


def _verified(user) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


# --- codes --------------------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\-]+")


def normalise(code: str) -> str:
    """What was typed, without spaces or dashes, lower-cased (recovery codes are shown in two groups)."""
    return _SPACES.sub("", code or "").lower()[:32]


def check_code(user, code: str):
    """The device that accepts ``code`` (an authenticator code, or a recovery code — used up), else None."""
    code = normalise(code)
    if not code:
        return None
    with transaction.atomic():
        if code.isascii() and code.isdigit() and len(code) == 6:
            device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
            if device is not None and device.verify_token(code):
                return device
            return None
        for device in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(code):
                log.info("Recovery code used by %s", user.get_username())
                return device
    return None


# --- enrolment ----------------------------------------------------------------------------------------------------


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled (kept across reloads of the page, so its QR code stays the same)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32 (what authenticator apps accept when typed), in groups of four."""
    import base64

    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The device's ``otpauth://`` address as an inline SVG QR code (drawn here: the secret never leaves the
    server)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, title=title, dark="#000", light="#fff", svgclass="qr"
    )
    # a viewBox, so that the page may scale the code down to a phone's width instead of cutting it
    size = re.search(r'width="(\d+)" height="(\d+)"', svg)
    box = f'viewBox="0 0 {size.group(1)} {size.group(2)}" ' if size else ""
    return svg.replace("<svg ", f'<svg {box}role="img" aria-label="{escape(title)}" ', 1)


@transaction.atomic
def confirm_enrolment(user, device_id: int, code: str) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the pending device with its first code: the user's previous devices go, new recovery codes are
    made (returned in clear, to be shown once). None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().filter(pk=device_id, user=user, confirmed=False).first()
    code = normalise(code)
    if device is None or not (code.isascii() and code.isdigit()) or not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    log.info("Second factor enrolled by %s", user.get_username())
    return device, codes


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes by ``RECOVERY_CODES`` new ones (returned in clear, shown once)."""
    # the tokens go, the device stays: a session verified by a recovery code stays verified
    StaticToken.objects.filter(device__user=user).delete()
    device = StaticDevice.objects.filter(user=user, name=RECOVERY_NAME).first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = []
    while len(codes) < RECOVERY_CODES:
        token = StaticToken.random_token()
        if token not in codes:
            codes.append(token)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=token) for token in codes)
    return codes


def display(code: str) -> str:
    """A recovery code as shown: two groups of four."""
    return f"{code[:4]} {code[4:]}" if len(code) == 8 else code


@transaction.atomic
def remove_devices(user) -> int:
    """Delete every device of the user (a lost phone; turning the second factor off): the number deleted. The
    user's verified sessions stop being verified at their next request."""
    deleted = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
    deleted += StaticDevice.objects.filter(user=user).delete()[1].get(StaticDevice._meta.label, 0)
    return deleted
