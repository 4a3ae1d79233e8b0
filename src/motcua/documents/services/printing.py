"""Printing: an issued form as PDF or Word, rendered from its frozen values and its template version on the first
print and then kept in storage (``default_storage``, ``forms/<yyyy>/<mm>/<uuid>.<ext>``), so that every re-print is
the same file. The control sheet (Phiếu kiểm soát) is the exception: it is a view of the process log, rendered at
each print from the log as it is then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from motcua.documents import official_forms
from motcua.documents.layout import build
from motcua.documents.models import IssuedForm
from motcua.documents.render.docx import render_docx
from motcua.documents.render.pdf import Codes, render_pdf
from motcua.documents.services import snapshot, templates
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.org.models import Agency

FORMATS = ("pdf", "docx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class Printed:
    content: bytes
    filename: str  # what the browser saves it as (the dossier code and the form, never a user's text)
    content_type: str


def _render(fmt: str, layout: str, data: dict, title: str, created: dt.datetime | None) -> bytes:
    blocks = build(layout, data)
    dossier = data.get("dossier") or {}
    codes = Codes(dossier.get("code", ""), data.get("tracking_url", ""))
    if fmt == "pdf":
        return render_pdf(blocks, title=title, codes=codes, created=created)
    return render_docx(blocks, title=title, codes=codes)


def filename(dossier_code: str, code: str, fmt: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in dossier_code) or "ho-so"
    return f"{safe}_mau-{code}.{fmt}"


def print_issued(issued: IssuedForm, fmt: str) -> Printed:
    """The file of ``issued`` in ``fmt``: the stored one, or rendered now and stored (first print)."""
    if issued.is_live:
        return print_control(issued.dossier, fmt, issued=issued)
    field = getattr(issued, fmt)
    name = issued.data.get("dossier", {}).get("code_or_reference", "") or str(issued.dossier_id)
    download = filename(name, issued.code, fmt)
    if field:
        with field.open("rb") as fh:
            return Printed(fh.read(), download, CONTENT_TYPES[fmt])
    content = _render(fmt, issued.template.layout, issued.data, issued.title, issued.issued_at)
    storage = field.storage
    stored = storage.save(field.field.generate_filename(issued, f"form.{fmt}"), ContentFile(content))
    if IssuedForm.objects.filter(pk=issued.pk, **{fmt: ""}).update(**{fmt: stored}):
        setattr(issued, fmt, stored)
    else:  # printed meanwhile by another request: keep that file, drop ours
        storage.delete(stored)
        issued.refresh_from_db(fields=[fmt])
        with getattr(issued, fmt).open("rb") as fh:
            content = fh.read()
    return Printed(content, download, CONTENT_TYPES[fmt])


def control_data(dossier: Dossier) -> dict:
    """The control sheet's values from the process log now (three queries: dossier, log, named agencies)."""
    full = snapshot.load_dossier(dossier.pk)
    entries = list(
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk).select_related("agency").order_by("seq")
    )
    identifiers = {
        str(value)
        for e in entries
        for key in ("agency", "partner")
        if (value := (e.data or {}).get(key)) and e.action in ("transfer", "consult_partner")
    }
    agencies = {}
    if identifiers:
        for agency in Agency.objects.filter(identifier__in=identifiers).order_by("valid_from"):
            agencies[agency.identifier] = agency  # the latest version of each identifier
    return snapshot.control(full, entries, agencies)


def print_control(dossier: Dossier, fmt: str, issued: IssuedForm | None = None) -> Printed:
    """The Phiếu kiểm soát of ``dossier`` as its process log is now, with the template version it was opened
    with (at the transfer, T5) or, before that, the version valid today."""
    spec = official_forms.of_kind(dossier.form_set, official_forms.Kind.CONTROL)
    if issued is None:
        issued = (
            IssuedForm.objects.filter(dossier_id=dossier.pk, kind=official_forms.Kind.CONTROL)
            .select_related("template")
            .order_by("-issued_at")
            .first()
        )
    template = (
        issued.template if issued else templates.template_for(spec.form_set, spec.code, timezone.localdate())
    )
    data = control_data(dossier)
    content = _render(fmt, template.layout, data, spec.title, None)
    return Printed(content, filename(dossier.code or dossier.reference, spec.code, fmt), CONTENT_TYPES[fmt])
