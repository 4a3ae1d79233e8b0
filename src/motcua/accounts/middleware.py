"""An officer's session ends after ``MOTCUA_OFFICER_IDLE_MINUTES`` without a request (default 30; a citizen's after
``MOTCUA_CITIZEN_IDLE_MINUTES``, default 0: never). A shared counter PC left signed in must not stay open to the
next person.

The time of the last request is kept in the session (``SEEN_KEY``, seconds). To spare a database write on every
request it is only moved forward once ``REFRESH_SECONDS`` have passed, so a session may last up to that much
longer than the limit. The stamp is set at sign-in (``stamp_sign_in``), in the save that signing in makes anyway.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

SEEN_KEY = "motcua_seen"
KIND_KEY = "motcua_kind"  # "citizen" or "officer" (anyone without a citizen account), set at sign-in
REFRESH_SECONDS = 60


def _kind(user) -> str:
    return "citizen" if hasattr(user, "citizen") else "officer"


def idle_limit_seconds(kind: str) -> int:
    """How long a signed-in person of this kind may stay idle (0: no limit)."""
    minutes = (
        settings.MOTCUA_CITIZEN_IDLE_MINUTES if kind == "citizen" else settings.MOTCUA_OFFICER_IDLE_MINUTES
    )
    return max(0, minutes) * 60


def stamp_sign_in(sender, request, user, **kwargs) -> None:  # user_logged_in receiver
    """Written in the save that signing in makes anyway; the sign-in views have already read ``user.citizen``."""
    if request is not None and hasattr(request, "session"):
        request.session[SEEN_KEY] = int(time.time())
        request.session[KIND_KEY] = _kind(user)


class IdleSessionMiddleware:
    """Reads only the session (already loaded for the sign-in check): no query of its own on an ordinary request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.get(SESSION_KEY) is not None:
            kind = session.get(KIND_KEY)
            if kind is None:  # a session from before this rule: learn it once
                kind = session[KIND_KEY] = _kind(request.user) if request.user.is_authenticated else "officer"
            limit = idle_limit_seconds(kind)
            now = int(time.time())
            seen = session.get(SEEN_KEY)
            if limit and isinstance(seen, int) and now - seen > limit:
                logout(request)
                messages.info(
                    request,
                    _(
                        "Phiên làm việc đã kết thúc vì không hoạt động quá %(minutes)s phút. Hãy đăng nhập lại."
                    )
                    % {"minutes": limit // 60},
                )
                if request.headers.get("HX-Request") == "true":  # a fragment: the whole page goes to sign-in
                    return HttpResponseClientRedirect(redirect_to_login(request.get_full_path())["Location"])
                # the request goes on signed out: a page for officers sends to sign-in (with next=), the API says 401
            elif limit and (not isinstance(seen, int) or now - seen >= REFRESH_SECONDS):
                session[SEEN_KEY] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """The second factor for every layer without an import of this app:

    - the request carries ``second_factor_blocked(roles=None)`` (lazy: nothing is read until asked; ``roles``, the
      role codes the caller has already read, spares the query) and ``second_factor_redirect()`` (the code page and
      back, a full-page redirect for htmx), so that an app below ``accounts`` (the catalogue's controller pages) asks
      the request instead of importing ``accounts.second_factor``;
    - the API's session sign-in (``django_auth``, used by the officers' own pages and the API docs) obeys it like the
      pages do: a session that must pass it and has not is anonymous on ``/api/`` (401), so a password alone opens no
      officer data there either. Tokens are not sessions and are not affected. Reads nothing for a citizen's session
      (the kind stamped at sign-in) or a verified one; one query (the roles) for an officer's unverified session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from motcua.accounts import second_factor

        def blocked(roles=None) -> bool:
            return request.session.get(KIND_KEY) != "citizen" and second_factor.session_blocked(
                request.user, roles
            )

        request.second_factor_blocked = blocked
        request.second_factor_redirect = lambda: second_factor.send_to_verify(request)
        if request.path_info.startswith("/api/") and request.user.is_authenticated and blocked():
            from django.contrib.auth.models import AnonymousUser

            request.user = AnonymousUser()
        return self.get_response(request)
