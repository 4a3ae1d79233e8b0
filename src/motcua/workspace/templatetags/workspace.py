"""Template helpers of the workspace: status and deadline badges."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from motcua.dossiers.choices import Status
from motcua.dossiers.services import clock

register = template.Library()


@register.simple_tag(takes_context=True)
def deadline_badge(context, dossier):
    """“còn 2 ngày 3 giờ” / “quá hạn 1 ngày” with its state as a class (ok, soon, late, paused, waiting)."""
    now = context.get("now") or timezone.now()
    badge = clock.badge(dossier, now)
    if not badge.text:
        return ""
    return format_html('<span class="deadline deadline-{}">{}</span>', badge.state, badge.text)


@register.simple_tag
def status_badge(dossier):
    return format_html(
        '<span class="status status-{}">{}</span>', dossier.status, str(Status(dossier.status).label)
    )
