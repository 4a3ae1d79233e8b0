"""How tests sign in officers who must use the second factor (``motcua.accounts.second_factor``; the production
default is strict: leaders, administrators and staff must pass it).

* ``client.force_login(user)`` / ``client.login(...)`` give a session that has passed the second factor, as if the
  officer had typed their code (the fixture below, on for every test): a confirmed device without codes
  (``TEST_DEVICE``) is given to the user and named in the session, so pages see ``user.is_verified()`` and pay
  what a verified session costs (one query for the device).
* Browser tests that sign in through the page (``new_page(user)``) type a real code: ``browser_device`` gives the
  user an authenticator device and ``current_code`` the code its app would show.
* Tests of the second factor itself mark themselves ``@pytest.mark.real_second_factor``: logins made by the test
  client are then plain password sessions (not verified).
"""

from __future__ import annotations

import pytest

TEST_DEVICE = "test session"


def mark_verified(request, user) -> None:
    """Name a confirmed (code-less) device of ``user`` in the session being logged in."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _ = StaticDevice.objects.get_or_create(user=user, name=TEST_DEVICE, defaults={"confirmed": True})
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


@pytest.fixture(autouse=True)
def _test_logins_pass_the_second_factor(request):
    if request.node.get_closest_marker("real_second_factor"):
        yield
        return
    from django.contrib.auth.signals import user_logged_in

    from motcua.accounts import second_factor

    def receiver(sender, request, user, **kwargs):
        # the test client's login builds a bare HttpRequest (no SERVER_NAME); real requests go through the pages
        if request is not None and "SERVER_NAME" not in request.META and second_factor.required_for(user):
            mark_verified(request, user)

    user_logged_in.connect(receiver, dispatch_uid="tests-second-factor")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-second-factor")


def current_code(device) -> str:
    """The code the authenticator app would show now for ``device`` (a TOTP device)."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def browser_device(user):
    """A confirmed authenticator device of ``user`` whose next code is accepted (the last used one is forgotten)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    return device


# What a verified session costs each request: django-otp reads the session's device (is it still there?). Added to
# the asserted query counts of pages opened by someone who must use the second factor (leaders, administrators).
VERIFIED_SESSION = 1
