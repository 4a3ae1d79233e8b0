"""After a feedback is published, refused or needs more information, its sender is told (e-mail and SMS to the
contacts they gave, through ``motcua.messaging``; the account's page shows it too), in a job after the commit: a
mail server or SMS gateway that refuses is tried again later. The message carries the code, the new status and the
tracking link — nothing of what the sender wrote or who they are."""

from __future__ import annotations

from django.utils import timezone

from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.signals import feedback_transitioned
from motcua.messaging.services import deliveries

TOLD = {"publish", "refuse", "request_info"}


@feedback_transitioned.receiver
def on_transitions(events):
    for event in events:
        if event.action in TOLD:
            tell_the_sender(event.feedback_id, event.entry_id)


def tell_the_sender(feedback_id: int, entry_id: int) -> None:
    """Tell the sender of the feedback its new status, on the channels of the contacts they gave."""
    feedback = (
        Feedback.objects.filter(pk=feedback_id).only("code", "sender_email", "sender_phone", "status").first()
    )
    if feedback is None:
        return
    entry = FeedbackLogEntry.objects.filter(pk=entry_id).values_list("at", flat=True).first()
    deliveries.tell_feedback_sender(
        feedback_id=feedback.pk,
        code=feedback.code,
        status=str(feedback.get_status_display()),
        email=feedback.sender_email,
        phone=feedback.sender_phone,
        entry_id=entry_id,
        at=entry or timezone.now(),
    )
