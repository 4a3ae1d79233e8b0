"""Who may rate a returned dossier (``/danh-gia/<mã>/``): the citizen account that owns it
(:func:`motcua.accounts.ownership.owns`), or a visitor who proved the check value on the public tracking page in
this browser session within the portal's unlock time. Everyone else gets 404, as for an unknown code."""

from __future__ import annotations

import time

from motcua.accounts.access import citizen_of
from motcua.accounts.ownership import owns
from motcua.portal.views import SESSION_KEY
from motcua.satisfaction.models import RatingChannel


def tracked_codes(request) -> set[str]:
    """The dossier codes (or references) unlocked on the tracking page in this session and not expired yet.

    A local read of the portal's session entry (``{code: unlocked until, epoch seconds}``); to be replaced by the
    portal's own function once it exposes one."""
    if not request.session.session_key:
        return set()
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return set()
    now = time.time()
    return {ident for ident, until in stored.items() if isinstance(until, int | float) and until > now}


def channel_for(request, dossier) -> tuple[str, object] | None:
    """(the rating channel, the account to record) if this request may rate ``dossier``, else None."""
    citizen = citizen_of(request.user)
    if citizen is not None and owns(citizen, dossier):
        return RatingChannel.PORTAL, request.user
    tracked = tracked_codes(request)
    if (dossier.code and dossier.code in tracked) or (dossier.reference and dossier.reference in tracked):
        return RatingChannel.TRACKING, (request.user if citizen is not None else None)
    return None
