"""``{% load payments_tags %}``: ``amount|dong`` ("20.000 đồng"), and the two panels other apps include:
``{% payment_link dossier %}`` on the citizen's dossier page, ``{% payment_panel dossier %}`` on the officers'."""

from django import template

from motcua.payments.services import fees
from motcua.payments.services.payments import for_officer

register = template.Library()


@register.filter
def dong(amount) -> str:
    try:
        return fees.amount_text(int(amount))
    except (TypeError, ValueError):
        return ""


@register.inclusion_tag("payments/link.html")
def payment_link(dossier):
    """No query: the dossier's own record of online payment."""
    return {
        "dossier": dossier,
        "ident": dossier.code or dossier.reference,
        "paid": dossier.paid_online_amount or 0,
    }


@register.inclusion_tag("payments/officer_panel.html")
def payment_panel(dossier):
    """One query: the succeeded payments, those to refund apart."""
    return {"dossier": dossier, **for_officer(dossier)}
