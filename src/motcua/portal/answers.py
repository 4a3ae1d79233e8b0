"""The applicant's answer to the centre sent online: the completion asked before reception (``resubmit``, status 1)
or the supplement asked during handling (``submit_supplement``, status 5).

Each file chosen is checked, stored and linked to its component, then the transition is applied as the applicant
(:func:`portal.mine.no_roles`), all in one transaction: a refused file or transition saves nothing, and the objects
stored for it are removed again."""

from __future__ import annotations

from django.db import transaction

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from motcua.files.services import FilesError
from motcua.files.services import applicant as applicant_files
from motcua.files.services.storage import discard
from motcua.portal.mine import no_roles
from motcua.portal.submission import PostedFile

ACTIONS = ("resubmit", "submit_supplement")


def send(dossier: Dossier, action: str, files: list[PostedFile], note: str, user) -> dict[int, str]:
    """Store and link ``files`` (``PostedFile.component``: the dossier's component) and apply ``action`` with the
    note and the components' names, in one transaction. Returns the refused file's error by component id (nothing
    saved), else ``{}``. Raises :class:`TransitionError` (nothing saved)."""
    sent: list[str] = []
    written: list[str] = []  # stored objects to remove again if the transaction is rolled back
    refused: dict[int, str] = {}
    try:
        with transaction.atomic():
            for item in files:
                item.component.dossier = dossier
                try:
                    applicant_files.upload_for_component(
                        item.component, item.uploaded, user, client_name=item.client_name, field=item.field
                    )
                except FilesError as exc:
                    refused[item.component.pk] = exc.message
                    raise
                sent.append(item.component.name[:120])
                written.append(item.component.file.storage_name)
            apply(dossier, action, user, inputs={"note": note, "files": sent}, access=no_roles())
    except (FilesError, TransitionError):
        _discard(written)
        if refused:
            return refused
        raise
    return {}


def _discard(names: list[str]) -> None:
    """The rows of these stored objects were rolled back with the answer: remove the objects too."""
    for name in names:
        discard(name)
