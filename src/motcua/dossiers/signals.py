"""Sent after the transaction of a transition commits: other apps (notifications, documents, the portal) react
to it without the lifecycle knowing them."""

import django.dispatch

# kwargs: dossier_id, action, from_status, to_status, actor_id, entry_id
dossier_transitioned = django.dispatch.Signal()

# Sent after ``generate_dossiers`` wrote historical dossiers in bulk (no transition signal for them), so that
# derived data (the statistics' roll-up) is rebuilt. kwargs: first_day, last_day (dates received)
dossiers_bulk_loaded = django.dispatch.Signal()
