"""Keeps the statistics' roll-up current: every committed transaction of transitions refreshes the facts of its
dossiers and their share of the daily roll-up, in one refresh — a job run by a worker seconds after the commit
(retried when it fails; a refresh recomputes from the dossiers, so running it twice counts once)."""

from django.dispatch import receiver

from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_bulk_loaded, dossiers_transitioned
from motcua.reports.services import rollup


def refresh_rollup(events):
    rollup.refresh(sorted({event.dossier_id for event in events}))


# keyed by rollup.RECEIVER, which rollup.current_as_of looks for among the pending jobs
dossiers_transitioned.connect(refresh_rollup, rollup.RECEIVER)


@receiver(dossiers_bulk_loaded, sender=Dossier, dispatch_uid="reports.rebuild_after_bulk_load")
def rebuild_after_bulk_load(sender, first_day, last_day, **kwargs):
    rollup.rebuild_after_bulk_load(first_day, last_day)
