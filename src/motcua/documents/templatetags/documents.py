"""The issued forms of a dossier for its page (one query)."""

from django import template

from motcua.documents import official_forms
from motcua.documents.models import IssuedForm

register = template.Library()


@register.simple_tag
def issued_forms(dossier):
    """The forms issued to ``dossier``, oldest first, without the control sheet (a live view of the log, shown
    on its own line); each with ``label`` (“Mẫu 01”)."""
    if dossier is None or dossier.pk is None:
        return []
    found = list(
        IssuedForm.objects.filter(dossier_id=dossier.pk)
        .exclude(kind=official_forms.Kind.CONTROL)
        .only("id", "code", "form_set", "kind", "title", "issued_at")
        .order_by("issued_at", "id")
    )
    for issued in found:
        issued.label = f"Mẫu {issued.code}"
    return found


@register.simple_tag
def control_form(dossier):
    """The control sheet of the dossier's form set (its code and title), or None before reception."""
    if dossier is None or not getattr(dossier, "code", None):
        return None
    return official_forms.of_kind(dossier.form_set, official_forms.Kind.CONTROL)
