"""Public dossier tracking (tra cứu hồ sơ), without signing in.

- ``GET  tra-cuu/`` (``portal:track``): the form, code and check value.
- ``GET  tra-cuu/<code>/`` (``portal:track-code``): where the QR code of every printed form lands. The dossier's
  public view if this visitor unlocked the code within ``UNLOCK_MINUTES``; else the form with the code filled in,
  asking only the check value. Nothing is looked up before the check, so the page says nothing about whether the
  code exists.
- ``POST`` either address: the check. The check value travels in the body only (never in a URL or a log line;
  masked in error reports). Success remembers the dossier in the session and redirects to its page (a reload
  works); an unknown code and a wrong value get the same 200 form with the same message (a re-displayed form,
  like every form of the project, and nothing that distinguishes the two); a throttled client gets 429 and no
  lookup at all (:mod:`motcua.portal.throttle`).
- ``POST tra-cuu/<code>/dong/`` (``portal:forget``): forget the code in this browser (a shared computer).

What the dossier page may show is decided in :mod:`motcua.portal.public`.
"""

from __future__ import annotations

import hmac
import re
import time

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from motcua.portal import public, throttle
from motcua.portal.forms import CODE_RE, TrackingForm

SESSION_KEY = "portal_unlocked"
UNLOCK_MINUTES = 30
MAX_UNLOCKED = 20  # codes kept per session (the most recent)
DUMMY = ("0000", "0000")  # compared when there is no dossier, so both paths do the same work


def last_digits(value: str, n: int = 4) -> str:
    digits = re.sub(r"\D", "", value or "")
    return digits[-n:] if len(digits) >= n else ""


def matches(check: str, phone: str, id_number: str) -> bool:
    """The check value is the last 4 digits of the phone or of the ID number; compared in constant time, both
    always compared."""
    ok = False
    for expected in (last_digits(phone), last_digits(id_number)):
        ok |= hmac.compare_digest(check.encode(), (expected or "----").encode())
    return ok


def _unlocked(request) -> dict[str, float]:
    stored = request.session.get(SESSION_KEY) if request.session.session_key else None
    if not isinstance(stored, dict):
        return {}
    now = time.time()
    return {ident: until for ident, until in stored.items() if isinstance(until, int | float) and until > now}


def unlocked_codes(request) -> set[str]:
    """The codes (or references) whose check value this browser proved within ``UNLOCK_MINUTES`` (the rating page
    of a returned dossier accepts them too)."""
    return set(_unlocked(request))


def _unlock(request, ident: str) -> None:
    kept = _unlocked(request)
    kept[ident] = time.time() + UNLOCK_MINUTES * 60
    recent = sorted(kept.items(), key=lambda item: item[1])[-MAX_UNLOCKED:]
    request.session[SESSION_KEY] = dict(recent)


def _page_url(ident: str) -> str:
    return reverse("portal:track-code", args=[ident])


@never_cache
@sensitive_post_parameters("check")
@require_http_methods(["GET", "HEAD", "POST"])
def track(request, code: str | None = None):
    fixed = code if code and CODE_RE.match(code) else None
    if request.method != "POST":
        if fixed and fixed in _unlocked(request):
            dossier = public.load(fixed)
            if dossier is not None:
                context = {"d": dossier, "unlock_minutes": UNLOCK_MINUTES}
                return render(request, "portal/dossier.html", context)
        initial = {"code": fixed} if fixed else {}
        return _form(request, TrackingForm(initial=initial), fixed)

    data = request.POST.copy()
    if fixed:
        data["code"] = fixed
    form = TrackingForm(data)
    ip = throttle.client_ip(request)
    typed = form.data.get("code", "")
    typed = re.sub(r"\s+", "", typed) if isinstance(typed, str) else ""
    if throttle.is_throttled(ip, typed if CODE_RE.match(typed) else None):
        unbound = TrackingForm(initial={"code": typed if CODE_RE.match(typed) else ""})
        return _form(request, unbound, fixed, error="throttled", status=429)
    if not form.is_valid():
        return _form(request, form, fixed)
    ident, check = form.cleaned_data["code"], form.cleaned_data["check"]
    found = public.check_values(ident)
    canonical, phone, id_number = found if found else ("", *DUMMY)
    if matches(check, phone, id_number) and found:
        throttle.record_success(ident)
        _unlock(request, canonical)
        return redirect(_page_url(canonical), permanent=False)
    throttle.record_failure(ip, ident)
    return _form(request, form, fixed, error="not_found")


def _form(request, form, fixed: str | None, error: str = "", status: int = 200):
    errors = form.errors if form.is_bound else {}
    if "code" in errors and not fixed:
        focus = "code"
    elif "check" in errors or (error == "not_found" and fixed) or (fixed and not form.is_bound):
        focus = "check"
    elif error == "not_found":
        focus = "code"
    else:
        focus = ""
    context = {
        "form": form,
        "fixed_code": fixed,
        "error": error,
        "focus": focus,
        "window_minutes": throttle.WINDOW_SECONDS // 60,
    }
    response = render(request, "portal/track.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(throttle.WINDOW_SECONDS)
    return response


@require_POST
def forget(request, code: str):
    if request.session.session_key:
        kept = _unlocked(request)
        kept.pop(code, None)
        request.session[SESSION_KEY] = kept
    return redirect("portal:track")
