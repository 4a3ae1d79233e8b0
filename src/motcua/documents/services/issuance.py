"""Issuing forms: the transition that names a form (``lifecycle.Transition.form``) creates an :class:`IssuedForm`
with the values it prints, frozen, and the template version valid that day. Called after the transition's commit
(``receivers``), and again on demand for a form that is missing (a dossier older than this app, or an issuance that
failed after its transition had committed)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.documents import forms
from motcua.documents.models import IssuedForm
from motcua.documents.services import snapshot, templates
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.models import Dossier, ProcessLogEntry


def form_of(entry: ProcessLogEntry, dossier: Dossier) -> forms.FormSpec | None:
    transition = BY_ACTION.get(entry.action)
    if transition is None or not transition.form:
        return None
    return forms.issued_as(transition.form, dossier.form_set)


def issue_for_entry(entry_id: int) -> IssuedForm | None:
    """The form issued by the transition logged as ``entry_id`` (created once; None if it issues none)."""
    entry = ProcessLogEntry.objects.select_related("agency__parent", "agency__admin_unit", "actor").get(
        pk=entry_id
    )
    transition = BY_ACTION.get(entry.action)
    if transition is None or not transition.form:
        return None
    dossier = snapshot.load_dossier(entry.dossier_id)
    spec = form_of(entry, dossier)
    if spec is None:
        return None
    existing = IssuedForm.objects.filter(entry_id=entry.pk, form_set=spec.form_set, code=spec.code).first()
    if existing is not None:
        return existing
    template = templates.template_for(spec.form_set, spec.code, timezone.localdate(entry.at))
    issuing = entry.agency if entry.agency_id else dossier.receiving_agency
    data = snapshot.for_entry(dossier, entry, spec, issuing)
    issued = IssuedForm(
        dossier=dossier,
        form_set=spec.form_set,
        code=spec.code,
        kind=spec.kind,
        title=spec.title,
        entry=entry,
        issued_at=entry.at,
        issued_by=entry.actor,
        template=template,
        data=data,
    )
    try:
        with transaction.atomic():
            issued.save()
    except IntegrityError:  # issued meanwhile by another process
        return IssuedForm.objects.get(entry_id=entry.pk, form_set=spec.form_set, code=spec.code)
    return issued


def latest(dossier: Dossier, kind: str) -> IssuedForm | None:
    """The latest form of ``kind`` issued to ``dossier``, issuing it now from the log if it is missing."""
    found = IssuedForm.objects.filter(dossier_id=dossier.pk, kind=kind).order_by("-issued_at", "-id").first()
    if found is not None:
        return found
    actions = [t.action for t in BY_ACTION.values() if t.form and _kind_of(t.form, dossier.form_set) == kind]
    entry = (
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk, action__in=actions)
        .order_by("-seq")
        .values_list("pk", flat=True)
        .first()
    )
    return issue_for_entry(entry) if entry else None


def _kind_of(lifecycle_form: str, form_set: str) -> str:
    spec = forms.issued_as(lifecycle_form, form_set)
    return spec.kind if spec else ""


def issue_missing(dossier: Dossier) -> list[IssuedForm]:
    """Issue every form the dossier's log names and that was not issued (e.g. dossiers older than this app)."""
    actions = [t.action for t in BY_ACTION.values() if t.form]
    have = set(IssuedForm.objects.filter(dossier_id=dossier.pk).values_list("entry_id", flat=True))
    created = []
    for pk in ProcessLogEntry.objects.filter(dossier_id=dossier.pk, action__in=actions).values_list(
        "pk", flat=True
    ):
        if pk not in have and (issued := issue_for_entry(pk)) is not None:
            created.append(issued)
    return created
