"""T7–T8 in pause mode (SPEC §8.5, the default): a supplement request (Mẫu 02, with reasons) stops the clock; when
the counter receives the supplement the appointment moves by the pause counted in working time. Each body may ask
for a supplement only once (ND 107)."""

import pytest

from motcua.catalog.choices import PauseMode
from motcua.dossiers.choices import PauseReason, Status
from motcua.dossiers.services.clock import remaining_text
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, snapshot

pytestmark = pytest.mark.django_db


def test_supplement_request_pauses_the_clock(procedure, officers):
    dossier = processing(officers)  # due Wednesday 18/03 09:15
    dossier = act(
        dossier,
        "request_supplement",
        officers["specialist"],
        "2026-03-10 09:15",
        reason="Bổ sung bản sao hợp đồng thuê nhà",
        items=["Hợp đồng thuê nhà"],
    )
    assert (dossier.status, dossier.supplement_state) == (
        Status.SUPPLEMENT_REQUESTED,
        "Yêu cầu công dân bổ sung",
    )
    pause = dossier.pauses.get()
    assert (pause.reason, pause.mode, pause.agency, pause.ended_at) == (
        PauseReason.SUPPLEMENT,
        PauseMode.PAUSE,
        dossier.handling_agency,
        None,
    )
    assert pause.started_at == at("2026-03-10 09:15") and pause.note == "Bổ sung bản sao hợp đồng thuê nhà"
    assert remaining_text(dossier, at("2026-03-11 09:15")).endswith("(đang tạm dừng)")
    entry = dossier.log.get(seq=3)
    assert (entry.action, entry.role, entry.data["mode"]) == ("request_supplement", "SPECIALIST", "pause")


def test_receiving_the_supplement_moves_the_appointment_by_the_pause(procedure, officers):
    dossier = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-12 09:15")
    assert (dossier.status, dossier.supplement_state) == (Status.PROCESSING, "Hoàn thành bổ sung")
    assert dossier.pauses.get().ended_at == at("2026-03-12 09:15")
    # two working days paused: 18/03 09:15 → 20/03 09:15; the legal appointment moves too (no apology involved)
    assert dossier.due_at == at("2026-03-20 09:15") == dossier.original_due_at
    assert verify_dossier(dossier) == []


def test_the_pause_is_counted_in_working_time(procedure, officers):
    dossier = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-13 16:00", reason="x"
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-16 08:30")
    # Friday 16:00–17:00 and Monday 07:30–08:30: two working hours, not the weekend
    assert dossier.due_at == at("2026-03-18 11:15")


def test_timeliness_is_judged_with_the_paused_time_added(procedure, officers):
    paused = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    paused = act(paused, "receive_supplement", officers["counter"], "2026-03-12 09:15")
    paused = act(
        paused,
        "finish",
        officers["lead"],
        "2026-03-19 10:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-19"},
    )
    not_paused = act(processing(officers), "finish", officers["lead"], "2026-03-19 10:00", **FINISH_INPUTS)
    assert (paused.timeliness, not_paused.timeliness) == ("early", "late")


def test_a_body_asks_for_a_supplement_only_once(procedure, officers):
    dossier = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    dossier = act(dossier, "receive_supplement", officers["counter"], "2026-03-12 09:15")
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(
            dossier,
            "request_supplement",
            officers["dept"],
            inputs={"reason": "lần hai"},
            at=at("2026-03-13 09:00"),
        )
    assert (refused.value.kind, refused.value.rule) == ("conflict", "T7")
    assert "một lần" in refused.value.message
    assert snapshot(dossier) == before


def test_only_the_receiving_counter_receives_the_supplement(procedure, officers):
    dossier = act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 09:15", reason="x"
    )
    before = snapshot(dossier)
    for actor in ("specialist", "other_counter"):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, "receive_supplement", officers[actor], at=at("2026-03-12 09:15"))
        assert (refused.value.kind, refused.value.rule) == ("forbidden", "T8")
    assert snapshot(dossier) == before
