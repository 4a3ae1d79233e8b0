"""Template helpers of the reports: whether the officer may open the reports (for the workspace menu, answered
from the permission snapshot the request already holds: no query), numbers and percentages."""

from django import template

from motcua.reports.services import shares

register = template.Library()


@register.simple_tag(takes_context=True)
def can_view_reports(context) -> bool:
    officer = getattr(context.get("request"), "officer", None)
    if officer is None:
        return False
    from motcua.reports.views.common import holds_reports_role

    return holds_reports_role(officer.access)


@register.filter
def count(value) -> str:
    """12.345 (12,345 in English)."""
    return shares.count(int(value or 0))


@register.filter
def percent(value) -> str:
    return shares.percent(value)


@register.simple_tag
def share_of(part, whole) -> str:
    return shares.percent(shares.share(int(part or 0), int(whole or 0)))


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
