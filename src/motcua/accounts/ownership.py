"""Which dossiers a portal account may see — the one rule every citizen page, download and payment asks.

* the dossiers the account submitted online (``Dossier.account``);
* when the account's identity is verified by the national e-identity (VNeID), also the dossiers whose applicant
  (chủ hồ sơ) has the same kind and identification number **and a verified identity** (VNeID, or the counter
  officer's check of the identity card: ``dossiers.services.registry``), wherever they were received. A number
  someone else merely *declared* (a local account, an integration, a counter intake without the card check) does not
  make their dossier — with their phone and address — this citizen's. A self-declared number on a local account
  never widens what the account sees.

Acting on a dossier (submitting a supplement, asking to withdraw, paying) is narrower: only the account that
submitted it acts as its applicant (``dossiers.services.transitions.acting_role``).
"""

from __future__ import annotations

from django.db.models import Q

from motcua.accounts.models import Citizen
from motcua.dossiers.models.applicant import Verification


def dossiers_q(citizen: Citizen) -> Q:
    """The dossiers ``citizen`` may see, as a filter on ``Dossier``."""
    q = Q(account_id=citizen.user_id)
    if citizen.id_verified and citizen.id_number:
        q |= Q(applicant__kind=citizen.kind, applicant__id_number=citizen.id_number) & ~Q(
            applicant__verified_via=Verification.DECLARED
        )
    return q


def owns(citizen: Citizen | None, dossier) -> bool:
    """Whether ``citizen`` may see ``dossier`` (its ``applicant`` is read when the identity is verified)."""
    if citizen is None:
        return False
    if dossier.account_id is not None and dossier.account_id == citizen.user_id:
        return True
    if citizen.id_verified and citizen.id_number:
        applicant = dossier.applicant
        return (
            applicant.is_verified
            and applicant.kind == citizen.kind
            and applicant.id_number == citizen.id_number
        )
    return False
