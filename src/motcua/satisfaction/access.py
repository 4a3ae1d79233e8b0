"""Who may rate a returned dossier (``/danh-gia/<mã>/``): the citizen account that owns it
(:func:`motcua.accounts.ownership.owns`), or a visitor who proved the check value on the public tracking page in
this browser session within the portal's unlock time. Everyone else gets 404, as for an unknown code."""

from __future__ import annotations

from motcua.accounts.access import citizen_of
from motcua.accounts.ownership import owns
from motcua.portal.views import unlocked_codes
from motcua.satisfaction.models import RatingChannel


def tracked_codes(request) -> set[str]:
    """The dossier codes (or references) unlocked on the tracking page in this session and not expired yet."""
    return unlocked_codes(request)


def channel_for(request, dossier) -> tuple[str, object] | None:
    """(the rating channel, the account to record) if this request may rate ``dossier``, else None."""
    citizen = citizen_of(request.user)
    if citizen is not None and owns(citizen, dossier):
        return RatingChannel.PORTAL, request.user
    tracked = tracked_codes(request)
    if (dossier.code and dossier.code in tracked) or (dossier.reference and dossier.reference in tracked):
        return RatingChannel.TRACKING, (request.user if citizen is not None else None)
    return None
