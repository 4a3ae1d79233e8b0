"""What every workspace page shares: the layout's context (section, unread notifications) in one query."""

from __future__ import annotations

from django.shortcuts import render

from motcua.notifications.models import Notification


def render_ws(request, template: str, section: str, context: dict | None = None, status: int = 200):
    """Render a workspace page: ``section`` marks the current tab; the unread count is one query."""
    context = dict(context or {})
    context.setdefault("ws_section", section)
    if not request.htmx or request.htmx.boosted:
        context["unread_notifications"] = Notification.objects.filter(
            user=request.user, read_at__isnull=True
        ).count()
    return render(request, template, context, status=status)
