"""Sent after the transaction of a feedback transition commits.
kwargs: feedback_id, action, from_status, to_status, actor_id, entry_id"""

import django.dispatch

feedback_transitioned = django.dispatch.Signal()
