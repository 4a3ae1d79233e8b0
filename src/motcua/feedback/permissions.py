"""The feedback actions: one per row of the transition table (``feedback.<action>``), plus viewing the unit's
feedback and its statistics."""

from django.utils.translation import gettext_lazy as _

from motcua.feedback.lifecycle import PUBLIC, SENDER, TRANSITIONS
from motcua.org.permissions import register
from motcua.org.roles import Role

for _transition in TRANSITIONS:
    # the sender and the public are not officer roles: checked on the feedback itself (transitions.acting_role)
    register(f"feedback.{_transition.action}", _transition.label, _transition.roles - {SENDER, PUBLIC})

VIEW = register(
    "feedback.view",
    _("Xem phản ánh, kiến nghị của đơn vị"),
    [Role.PAKN_OFFICER, Role.AGENCY_LEAD, Role.TTHC_CONTROLLER],
)
STATISTICS = register(
    "feedback.statistics",
    _("Xem thống kê phản ánh, kiến nghị"),
    [Role.PAKN_OFFICER, Role.AGENCY_LEAD, Role.TTHC_CONTROLLER],
)
