"""The actions offered to an officer (``allowed_actions``) are those that can succeed now: beyond status and role,
forward needs an open internal step, send back an earlier finished step, the partner's answer a partner step, and
a dossier already at a partner is not sent to another one. Each refused one names the rule (409 conflict)."""

import pytest

from motcua.dossiers.services import queues
from motcua.dossiers.services.transitions import TransitionError, allowed_actions, apply
from tests.builders.dossiers import act, processing, snapshot

pytestmark = pytest.mark.django_db

BUILDING = "000.00.07.H56"


def offered(user, dossier):
    return {t.action for t in allowed_actions(user, queues.load(dossier.pk))}


def test_first_step_offers_no_send_back_and_no_partner_answer(procedure, officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    actions = offered(officers["specialist"], dossier)
    assert {"forward", "consult_partner"} <= actions
    assert not {"send_back", "return_from_partner"} & actions
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "send_back", officers["specialist"], inputs={"reason": "Thiếu giấy tờ"})
    assert refused.value.kind == "conflict" and refused.value.rule == "T6"
    assert snapshot(dossier) == before


def test_at_the_partner_only_its_answer_is_offered(procedure, officers, partner):
    dossier = act(
        processing(officers), "consult_partner", officers["specialist"], "2026-03-10 09:00",
        partner=BUILDING, share_amount=2,
    )  # fmt: skip
    assert "return_from_partner" in offered(partner, dossier)
    assert not {"forward", "send_back", "consult_partner"} & offered(partner, dossier)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:  # the partner may not pass it on to yet another body
        apply(dossier, "consult_partner", partner, inputs={"partner": "000.00.03.H56", "share_amount": 1})
    assert refused.value.kind == "conflict"
    assert snapshot(dossier) == before


def test_after_the_last_step_nothing_is_left_to_forward(procedure, officers):
    dossier = act(processing(officers), "forward", officers["lead"], "2026-03-10 09:00")
    assert "forward" not in offered(officers["lead"], dossier)
