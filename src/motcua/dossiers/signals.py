"""Sent after the transaction of a transition commits: other apps (notifications, documents, the portal) react
to it without the lifecycle knowing them."""

import django.dispatch

# kwargs: dossier_id, action, from_status, to_status, actor_id, entry_id
dossier_transitioned = django.dispatch.Signal()
