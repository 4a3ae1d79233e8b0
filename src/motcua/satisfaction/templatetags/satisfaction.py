"""``{% rate_link ident status %}``: the “Đánh giá sự hài lòng” link of a dossier, shown when its result has been
returned (status 10) and it has no result rating yet (one query, only for a returned dossier). For the citizen's
own dossier page and the public tracking page, which pass the dossier's code (or reference) and status."""

from django import template

from motcua.dossiers.choices import Status
from motcua.satisfaction import services

register = template.Library()


@register.inclusion_tag("satisfaction/partials/rate_link.html")
def rate_link(ident: str, status: int) -> dict:
    show = bool(ident) and status == Status.RETURNED and not services.result_rated(ident)
    return {"show": show, "ident": ident}
