"""The sandbox gateways' page for testers (``/thu-nghiem/tin-nhan/``): the SMS and Zalo messages they would have
sent, newest first, filtered by phone. Served only while a sandbox gateway is configured, and only to testers —
a signed-in officer or an administrator: the messages carry dossier codes and phone numbers, which together open a
dossier's public tracking page. Anyone else, and everyone when no sandbox is configured, gets 404. The deploy check
(``web.checks``) refuses a sandbox gateway in production."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.accounts.services import is_officer
from motcua.messaging import gateways
from motcua.messaging.models import SandboxMessage

PAGE = 100


def sandbox(request):
    if not gateways.sandbox_on() or not _tester(request.user):
        raise Http404(_("Không có cổng tin nhắn thử nghiệm."))
    typed = (request.GET.get("so") or "").strip()[:20]
    digits = "".join(ch for ch in typed if ch.isascii() and ch.isdigit())
    if digits.startswith("84") and len(digits) >= 11:  # +84 912 345 678: stored as 0912345678
        digits = "0" + digits[2:]
    rows = SandboxMessage.objects.all()
    if digits:
        rows = rows.filter(phone__contains=digits)
    return render(
        request,
        "messaging/sandbox.html",
        {"rows": list(rows[:PAGE]), "typed": typed, "page_size": PAGE},
    )


def _tester(user) -> bool:
    return user.is_authenticated and (user.is_superuser or is_officer(user))
