"""Who may download a stored file: an officer who sees (``DossierVisibility.sees``) a dossier that uses it — as the
scan of a component, the file a component reuses, or the electronic result. Anyone else learns nothing: the
answer is the same as for a file that does not exist."""

from __future__ import annotations

import uuid

from django.db.models import Q

from motcua.dossiers.models import Dossier, DossierComponent, DossierResult, StoredFile
from motcua.dossiers.services.visibility import DossierVisibility

USERS_READ = 100  # a file is used by a handful of dossiers; more would only be reuses of reuses


def file_for_officer(file_id: uuid.UUID, visibility: DossierVisibility) -> StoredFile | None:
    """The file, if one of the dossiers using it is visible to the officer (two queries), else None."""
    using = Dossier.objects.filter(
        Q(pk__in=DossierComponent.objects.filter(file_id=file_id).values("dossier_id"))
        | Q(pk__in=DossierResult.objects.filter(file_id=file_id).values("dossier_id"))
    ).only("receiving_agency_id", "handling_agency_id", "current_agency_id")[:USERS_READ]
    if not any(visibility.sees(dossier) for dossier in using):
        return None
    return StoredFile.objects.filter(pk=file_id).first()
