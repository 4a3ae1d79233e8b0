"""Keeps the statistics' roll-up current: every transition of a dossier (after its commit) refreshes that
dossier's facts and its share of the daily roll-up."""

import logging

from django.dispatch import receiver

from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossier_transitioned, dossiers_bulk_loaded
from motcua.reports.services import rollup

logger = logging.getLogger(__name__)


@receiver(dossier_transitioned, sender=Dossier, dispatch_uid="reports.refresh_rollup")
def refresh_rollup(sender, dossier_id, **kwargs):
    # The transition has committed: a failure here must not turn it into an error page. It is logged, and
    # ``motcua rebuild_report_rollups`` (or the dossier's next transition) puts the figures right.
    try:
        rollup.refresh([dossier_id])
    except Exception:
        logger.exception("reports: could not refresh the roll-up of dossier %s", dossier_id)


@receiver(dossiers_bulk_loaded, sender=Dossier, dispatch_uid="reports.rebuild_after_bulk_load")
def rebuild_after_bulk_load(sender, first_day, last_day, **kwargs):
    rollup.rebuild_after_bulk_load(first_day, last_day)
