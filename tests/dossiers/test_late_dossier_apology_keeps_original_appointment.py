"""T12: a late body sends an apology with a new appointment (Mẫu 04, signed by the head of the body): ``due_at``
moves, ``original_due_at`` stays, and the dossier is still judged late against the original appointment."""

import pytest

from motcua.dossiers.services.clock import remaining_text
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, snapshot

pytestmark = pytest.mark.django_db


def apologised(officers, new_due="2026-03-25T09:15:00+07:00"):
    return act(
        processing(officers),  # due 18/03 09:15
        "apologize",
        officers["lead"],
        "2026-03-17 16:00",
        reason="Chờ kết quả xác minh của công an xã",
        new_due_at=new_due,
        signer="Mai Xuân Khánh",
    )


def test_the_apology_moves_the_appointment_and_keeps_the_original(procedure, officers, province):
    dossier = apologised(officers)
    assert dossier.due_at == at("2026-03-25 09:15")
    assert dossier.original_due_at == at("2026-03-18 09:15")
    apology = dossier.apologies.get()
    assert (apology.previous_due_at, apology.new_due_at, apology.agency, apology.signer) == (
        at("2026-03-18 09:15"),
        at("2026-03-25 09:15"),
        province["justice"],
        "Mai Xuân Khánh",
    )
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.note) == ("apologize", "Chờ kết quả xác minh của công an xã")
    assert remaining_text(dossier, at("2026-03-19 09:15")).startswith("còn")  # counted to the new date


def test_the_dossier_is_still_late_against_the_original_appointment(procedure, officers):
    dossier = act(
        apologised(officers),
        "finish",
        officers["lead"],
        "2026-03-20 10:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-20"},
    )
    assert dossier.timeliness == "late"  # before the new date, after the original one
    entry = dossier.log.order_by("-seq").first()
    assert (entry.step_due_at, entry.on_time) == (at("2026-03-18 09:15"), False)


def test_a_second_apology_moves_it_again_from_the_promised_date(procedure, officers):
    dossier = act(
        apologised(officers),
        "apologize",
        officers["lead"],
        "2026-03-24 16:00",
        reason="x",
        new_due_at=at("2026-03-27 09:15"),
    )
    assert (dossier.due_at, dossier.original_due_at) == (at("2026-03-27 09:15"), at("2026-03-18 09:15"))
    assert [a.previous_due_at for a in dossier.apologies.order_by("created_at")] == [
        at("2026-03-18 09:15"),
        at("2026-03-25 09:15"),
    ]


def test_the_new_date_must_be_later_than_the_current_one(procedure, officers):
    dossier = apologised(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(
            dossier,
            "apologize",
            officers["lead"],
            inputs={
                "reason": "x",
                "new_due_at": "2026-03-20T09:00:00+07:00",
            },  # after the original, before 25/03
            at=at("2026-03-19 09:00"),
        )
    assert (refused.value.kind, refused.value.rule, refused.value.field) == (
        "invalid_input",
        "T12",
        "new_due_at",
    )
    assert snapshot(dossier) == before


def test_only_the_head_of_the_body_signs_the_apology(procedure, officers):
    dossier = processing(officers)
    before = snapshot(dossier)
    for actor in ("dept", "specialist", "counter"):
        with pytest.raises(TransitionError) as refused:
            apply(
                dossier,
                "apologize",
                officers[actor],
                inputs={"reason": "x", "new_due_at": "2026-03-25T09:15:00+07:00"},
                at=at("2026-03-17 16:00"),
            )
        assert (refused.value.kind, refused.value.rule) == ("forbidden", "T12")
    assert snapshot(dossier) == before
