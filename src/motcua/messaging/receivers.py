"""Citizens are told of their dossiers' events: each transition the table names (``choices.ACTIONS``), and each
start of a step whose process step says so (``ProcessStep.notify_citizen``, ``choices.STARTS_STEPS``), becomes one
delivery per channel of the applicant, written with its sending job in this receiver's own transaction (a job of
its own after the transition's commit; run twice, it plans nothing new: ``Delivery.key``)."""

from motcua.dossiers.signals import dossiers_transitioned
from motcua.messaging.choices import ACTIONS, STARTS_STEPS
from motcua.messaging.services import deliveries


@dossiers_transitioned.receiver
def on_transitions(events):
    deliveries.plan_dossier_events(
        [(ACTIONS[e.action], e.dossier_id, e.entry_id) for e in events if e.action in ACTIONS]
    )
    deliveries.plan_step_starts([(e.dossier_id, e.entry_id) for e in events if e.action in STARTS_STEPS])
