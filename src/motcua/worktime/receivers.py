"""Drop the cached calendars whenever an override changes (after the transaction commits)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from motcua.worktime.models import CalendarOverride


@receiver([post_save, post_delete], sender=CalendarOverride, dispatch_uid="worktime_invalidate_calendars")
def _override_changed(sender, **kwargs) -> None:
    from motcua.worktime.services import invalidate_calendars

    invalidate_calendars()
    transaction.on_commit(invalidate_calendars)
