"""In-app notifications: deadline warnings of ``motcua sweep_deadlines``, dossiers assigned or forwarded to me,
supplements received, liên thông answers. Newest first; marking read is a POST (one or all)."""

from __future__ import annotations

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.inputs import ascii_id
from motcua.notifications import services
from motcua.notifications.models import Notification
from motcua.workspace.access import officer_required
from motcua.workspace.views.common import render_ws

SHOWN = 100


@officer_required
def inbox(request):
    unread_only = request.GET.get("chua_doc") == "1"
    items = (
        Notification.objects.filter(user=request.user)
        .select_related("dossier")
        .order_by("-created_at", "-id")
    )
    if unread_only:
        items = items.filter(read_at__isnull=True)
    context = {"items": list(items.only("kind", "message", "created_at", "read_at", "dossier__code",
                                          "dossier__reference")[:SHOWN]),
               "unread_only": unread_only, "shown": SHOWN}  # fmt: skip
    return render_ws(request, "workspace/notifications.html", "notifications", context)


@officer_required
@require_POST
def mark_read(request):
    one = request.POST.get("id", "")
    pk = ascii_id(one) if one else None
    if one and pk is None:
        return HttpResponseBadRequest(_("Thông báo không hợp lệ."))
    services.mark_read(request.user, pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "workspace:notifications"  # only a page of this site (no open redirect)
    return redirect(back)
