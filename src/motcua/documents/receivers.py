"""Issue the form a transition names, after its commit (``dossier_transitioned``)."""

import logging

from django.dispatch import receiver

from motcua.documents.services import issuance
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.signals import dossier_transitioned

logger = logging.getLogger(__name__)


@receiver(dossier_transitioned)
def on_transition(sender, action, entry_id, **kwargs):
    transition = BY_ACTION.get(action)
    if transition is None or not transition.form:
        return
    try:
        issuance.issue_for_entry(entry_id)
    except Exception:
        # The transition has committed: a form that cannot be prepared now must not turn it into an error page.
        # It is issued on demand at its first print (issuance.latest) or by `motcua issue_forms`.
        logger.exception("could not issue the form of process-log entry %s (%s)", entry_id, action)
