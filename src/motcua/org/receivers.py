"""Keep the process caches of the organisation registry true: a saved or deleted agency or timetable clears the
working hours cache now and again after the transaction commits (another request may have refilled it)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from motcua.org.models import Agency, WorkingHours


@receiver([post_save, post_delete], sender=Agency, dispatch_uid="org_hours_agency")
@receiver([post_save, post_delete], sender=WorkingHours, dispatch_uid="org_hours_timetable")
def forget_working_hours(**kwargs) -> None:
    from motcua.org.services import invalidate_working_hours

    invalidate_working_hours()
    transaction.on_commit(invalidate_working_hours)
