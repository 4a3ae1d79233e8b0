"""The dossier's has_pauses / has_apologies flags (which let its page skip reading empty collections) are set by
the transition that writes the first pause or apology (the load generator's are checked with its other figures),
and the page shows the pauses and apologies exactly when they exist."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers.services import queues
from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import request_for

pytestmark = pytest.mark.django_db


def test_the_transitions_set_the_flags(procedure, officers):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    assert (dossier.has_pauses, dossier.has_apologies) == (False, False)
    loaded = queues.load(dossier.pk)
    assert list(loaded.pauses.all()) == [] and list(loaded.apologies.all()) == []
    apply(dossier, "transfer", officers["counter"])
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    apply(dossier, "request_payment", officers["specialist"], inputs={"reason": "Lệ phí"})
    dossier.refresh_from_db()
    assert dossier.has_pauses and not dossier.has_apologies
    assert [p.reason for p in queues.load(dossier.pk).pauses.all()] == ["financial_obligation"]
    apply(dossier, "confirm_payment", officers["specialist"])
    dossier.refresh_from_db()
    apply(
        dossier,
        "apologize",
        officers["lead"],
        inputs={
            "reason": "Cần xác minh thêm",
            "new_due_at": (dossier.due_at + dt.timedelta(days=3)).isoformat(),
            "signer": "Mai Xuân Khánh",
        },
    )
    dossier.refresh_from_db()
    assert dossier.has_pauses and dossier.has_apologies
    assert len(queues.load(dossier.pk).apologies.all()) == 1
