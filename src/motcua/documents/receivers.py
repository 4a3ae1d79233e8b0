"""Issue the forms the transitions of a committed transaction name (``dossiers_transitioned``), in a job after
the commit; ``issue_for_entries`` issues a form once per process-log entry, so a job run twice issues it once."""

from motcua.documents.services import issuance
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.signals import dossiers_transitioned


@dossiers_transitioned.receiver
def on_transitions(events):
    entry_ids = [e.entry_id for e in events if (t := BY_ACTION.get(e.action)) is not None and t.form]
    if not entry_ids:
        return
    issuance.issue_for_entries(entry_ids)
