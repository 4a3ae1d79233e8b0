"""One registered action per transition: ``dossier.<action>`` with the roles of the transition table."""

from motcua.dossiers.lifecycle import APPLICANT, TRANSITIONS
from motcua.org.permissions import register

for _transition in TRANSITIONS:
    # the applicant is not an officer role: it is checked on the dossier itself (transitions.acting_role)
    register(f"dossier.{_transition.action}", _transition.label, _transition.roles - {APPLICANT})

VIEW_DOSSIERS = register(
    "dossier.view",
    "Xem hồ sơ của đơn vị",
    [
        "COUNTER_OFFICER",
        "DIGITIZER",
        "CASHIER",
        "SPECIALIST",
        "DEPT_LEAD",
        "AGENCY_LEAD",
        "CLERK",
        "CENTRE_HEAD",
        "TTHC_CONTROLLER",
        "ADMIN",
    ],
)
