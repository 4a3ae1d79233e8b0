"""The files panel of the workspace's dossier page (``workspace/partials/dossier_files.html``).

``{% files_panel dossier as panel %}`` reads what ``dossiers.services.queues.load`` already loaded — the components
and the result (``dossier.result_out``) — and the officer's permission snapshot (``request.officer``): no query
when the files are joined by ``load``; otherwise the files of the page are read in one query, never one per
component.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from motcua.core.links import public_url
from motcua.dossiers.choices import OPEN, Digitisation, Status
from motcua.dossiers.models import DossierComponent, DossierResult, StoredFile
from motcua.files.services import may_attach_result, may_digitise, result_link

register = template.Library()


@dataclass
class ComponentFile:
    component: DossierComponent
    state: int
    state_label: str
    file: StoredFile | None
    url: str


@dataclass
class Panel:
    rows: list[ComponentFile] = field(default_factory=list)
    digitised: int = 0
    result_file: StoredFile | None = None
    result_code: str = ""
    result_url: str = ""
    applicant_link: str = ""
    link_days: int = 0
    digitise_url: str = ""  # the officer may digitise now (receiving unit, open dossier)
    attach_url: str = ""  # the officer may attach the electronic result now


def _url(name: str, **kwargs) -> str:
    """The address, or "" while the files URLs are not included (then the panel offers no link)."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _join_files(components: list[DossierComponent], result: DossierResult | None) -> None:
    """Set the file of every holder whose file is not loaded yet, in one query for all of them."""
    holders = [c for c in components if c.file_id and not DossierComponent.file.is_cached(c)]
    if result is not None and result.file_id and not DossierResult.file.is_cached(result):
        holders.append(result)
    if not holders:
        return
    files = StoredFile.objects.in_bulk({h.file_id for h in holders})
    for holder in holders:
        holder.file = files.get(holder.file_id)


@register.simple_tag(takes_context=True)
def files_panel(context, dossier) -> Panel:
    request = context.get("request")
    officer = getattr(request, "officer", None)
    components = list(dossier.components.all())
    result = getattr(dossier, "result_out", None)
    _join_files(components, result)
    labels = dict(Digitisation.choices)
    panel = Panel()
    for c in components:
        url = _url("files:download", file_id=c.file_id) if c.file_id and c.file is not None else ""
        panel.rows.append(ComponentFile(c, c.digitisation, str(labels.get(c.digitisation, "")), c.file, url))
        panel.digitised += c.digitisation != Digitisation.NOT_DIGITISED
    code = dossier.code or dossier.reference
    if officer is not None and dossier.status in OPEN and may_digitise(officer.access, dossier):
        panel.digitise_url = _url("files:digitise", code=code)
    if result is not None:
        panel.result_code = result.result_code
        if result.file_id and result.file is not None:
            panel.result_file = result.file
            panel.result_url = _url("files:download", file_id=result.file_id)
            try:
                path = result_link(result)
            except NoReverseMatch:  # the files URLs are not included
                path = None
            if path and request is not None:
                panel.applicant_link = public_url(path)  # handed to the applicant: the public address
                panel.link_days = settings.MOTCUA_RESULT_LINK_DAYS
        attachable = dossier.status == Status.FINISHED or (
            dossier.status == Status.RETURNED and not result.file_id
        )
        if officer is not None and attachable and may_attach_result(officer.access, dossier):
            panel.attach_url = _url("files:attach-result", code=code)
    return panel
