"""Keeps the statistics' roll-up current: every committed transaction of transitions refreshes the facts of its
dossiers and their share of the daily roll-up, in one refresh."""

import logging

from django.dispatch import receiver

from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_bulk_loaded, dossiers_transitioned
from motcua.reports.services import rollup

logger = logging.getLogger(__name__)


@receiver(dossiers_transitioned, sender=Dossier, dispatch_uid="reports.refresh_rollup")
def refresh_rollup(sender, events, **kwargs):
    # The transition has committed: a failure here must not turn it into an error page. It is logged, and
    # ``motcua rebuild_report_rollups`` (or the dossier's next transition) puts the figures right.
    ids = sorted({event.dossier_id for event in events})
    try:
        rollup.refresh(ids)
    except Exception:
        logger.exception("reports: could not refresh the roll-up of dossiers %s", ids)


@receiver(dossiers_bulk_loaded, sender=Dossier, dispatch_uid="reports.rebuild_after_bulk_load")
def rebuild_after_bulk_load(sender, first_day, last_day, **kwargs):
    rollup.rebuild_after_bulk_load(first_day, last_day)
