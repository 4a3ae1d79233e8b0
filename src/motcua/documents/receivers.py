"""Issue the forms the transitions of a committed transaction name (``dossiers_transitioned``)."""

import logging

from django.dispatch import receiver

from motcua.documents.services import issuance
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.signals import dossiers_transitioned

logger = logging.getLogger(__name__)


@receiver(dossiers_transitioned)
def on_transitions(sender, events, **kwargs):
    entry_ids = [e.entry_id for e in events if (t := BY_ACTION.get(e.action)) is not None and t.form]
    if not entry_ids:
        return
    try:
        issuance.issue_for_entries(entry_ids)
    except Exception:
        # The transitions have committed: a form that cannot be prepared now must not turn them into an error
        # page. It is issued on demand at its first print (issuance.latest) or by `motcua issue_forms`.
        logger.exception("could not issue the forms of process-log entries %s", entry_ids)
