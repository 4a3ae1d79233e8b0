"""Headers every response gets at the edge (issue 16 rule 7).

* ``Content-Security-Policy`` (``MOTCUA_CSP``; ``…-Report-Only`` with ``MOTCUA_CSP_REPORT_ONLY``): the pages load
  scripts and styles only from the site itself and have no inline script, no inline event handler and no ``style``
  attribute (the shared behaviours are in ``motcua/motcua.js``; htmx runs with ``allowEval`` off), so the default
  policy needs neither ``'unsafe-inline'`` nor ``'unsafe-eval'``. A view may set its own policy first.
* ``Cache-Control: no-store`` on answers that may carry personal data and must stay in no browser or proxy cache:
  every answer to a signed-in person (workspace, citizen pages), every API answer and the tracking pages. A view
  that set its own ``Cache-Control`` keeps it unless it lacks ``no-store``.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import patch_cache_control

# Pages that show a dossier to whoever knows its code and check value, without an account.
PERSONAL_ANONYMOUS_VIEWS = {"portal:track", "portal:track-code"}


def _personal(request) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.path.startswith("/api/"):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in PERSONAL_ANONYMOUS_VIEWS


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only"
            if settings.MOTCUA_CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )
        if settings.MOTCUA_CSP and header not in response:
            response[header] = settings.MOTCUA_CSP
        if "no-store" not in response.get("Cache-Control", "") and _personal(request):
            patch_cache_control(response, no_store=True, private=True)
        return response
