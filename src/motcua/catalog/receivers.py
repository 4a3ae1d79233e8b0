"""Keep the search index current: a procedure whose current version changes, or whose assignments to units
change, is queued for reindexing (``motcua.catalog.search.schedule_reindex``)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver


@receiver(post_save, sender="catalog.Procedure", dispatch_uid="catalog_search_procedure_saved")
def _procedure_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if created and not instance.current_version_id:
        return  # nothing to index yet
    if created or update_fields is None or "current_version" in update_fields:
        from motcua.catalog import search

        search.schedule_reindex([instance.pk])


@receiver(post_save, sender="catalog.ProcedureAssignment", dispatch_uid="catalog_search_assignment_saved")
@receiver(post_delete, sender="catalog.ProcedureAssignment", dispatch_uid="catalog_search_assignment_deleted")
def _assignment_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from motcua.catalog import search

    search.schedule_reindex([instance.procedure_id])
