"""T10: the head of the body stops a dossier in processing (written notice with reasons). T11: at the citizen's
request the counter withdraws a dossier that is still open (1, 2, 4, 5, 6); one whose result is ready or handed
over (9, 10), or that is already closed, cannot be withdrawn."""

import pytest

from motcua.dossiers.choices import Status
from motcua.dossiers.services.intake import submit_online
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, receive, request_for, snapshot

pytestmark = pytest.mark.django_db


def build(officers, status):
    if status == Status.SUBMITTED:
        return submit_online(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    if status == Status.ACCEPTED:
        return receive(officers)
    if status == Status.REFUSED:
        dossier = submit_online(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
        return act(dossier, "refuse", officers["counter"], "2026-03-09 10:00", reason="x")
    dossier = processing(officers)
    follow = {
        Status.PROCESSING: [],
        Status.SUPPLEMENT_REQUESTED: [("request_supplement", "specialist", {"reason": "x"})],
        Status.FINANCIAL_OBLIGATION: [("request_payment", "specialist", {"reason": "x"})],
        Status.WITHDRAWN: [("withdraw", "counter", {"reason": "x"})],
        Status.STOPPED: [("stop", "lead", {"reason": "x"})],
        Status.FINISHED: [("finish", "lead", FINISH_INPUTS)],
        Status.RETURNED: [("finish", "lead", FINISH_INPUTS), ("return_result", "counter", {})],
    }[status]
    for action, actor, inputs in follow:
        dossier = act(dossier, action, officers[actor], "2026-03-10 09:00", **inputs)
    assert dossier.status == status
    return dossier


def test_the_head_of_the_body_stops_a_dossier_with_reasons(procedure, officers):
    dossier = act(
        processing(officers),
        "stop",
        officers["lead"],
        "2026-03-11 10:00",
        reason="Không đủ điều kiện đăng ký",
    )
    assert (dossier.status, dossier.closed_at, dossier.current_step) == (
        Status.STOPPED,
        at("2026-03-11 10:00"),
        None,
    )
    assert not dossier.steps.filter(finished_at__isnull=True).exists()
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.role, entry.note) == ("stop", "AGENCY_LEAD", "Không đủ điều kiện đăng ký")


@pytest.mark.parametrize(
    "status",
    [
        Status.ACCEPTED,
        Status.SUPPLEMENT_REQUESTED,
        Status.FINANCIAL_OBLIGATION,
        Status.STOPPED,
        Status.FINISHED,
        Status.RETURNED,
    ],
)
def test_only_a_dossier_in_processing_can_be_stopped(procedure, officers, status):
    dossier = build(officers, status)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "stop", officers["lead"], inputs={"reason": "x"}, at=at("2026-03-11 10:00"))
    assert (refused.value.kind, refused.value.rule) == ("wrong_state", "T10")
    assert snapshot(dossier) == before


@pytest.mark.parametrize(
    "status",
    [
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.PROCESSING,
        Status.SUPPLEMENT_REQUESTED,
        Status.FINANCIAL_OBLIGATION,
    ],
)
def test_an_open_dossier_is_withdrawn_at_the_citizens_request(procedure, officers, status):
    dossier = build(officers, status)
    dossier = act(
        dossier,
        "withdraw",
        officers["counter"],
        "2026-03-11 10:00",
        reason="Công dân đề nghị rút hồ sơ",
        requested_by="Trần Thị Bình",
        fees="không hoàn lệ phí",
    )
    assert (dossier.status, dossier.closed_at) == (Status.WITHDRAWN, at("2026-03-11 10:00"))
    assert (dossier.current_step, dossier.current_handler) == (None, None)
    assert not dossier.pauses.filter(ended_at__isnull=True).exists()  # a pending request is closed
    assert not dossier.steps.filter(finished_at__isnull=True).exists()
    entry = dossier.log.order_by("-seq").first()
    assert (entry.action, entry.from_status, entry.to_status) == ("withdraw", status, Status.WITHDRAWN)
    assert entry.data == {"requested_by": "Trần Thị Bình", "fees": "không hoàn lệ phí"}


@pytest.mark.parametrize(
    "status", [Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.FINISHED, Status.RETURNED]
)
def test_a_closed_or_finished_dossier_cannot_be_withdrawn(procedure, officers, status):
    dossier = build(officers, status)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "withdraw", officers["counter"], inputs={"reason": "x"}, at=at("2026-03-11 10:00"))
    assert (refused.value.kind, refused.value.rule) == ("wrong_state", "T11")
    assert snapshot(dossier) == before


def test_only_the_receiving_counter_records_a_withdrawal(procedure, officers):
    dossier = processing(officers)
    before = snapshot(dossier)
    for actor in ("lead", "specialist", "other_counter"):
        with pytest.raises(TransitionError) as refused:
            apply(dossier, "withdraw", officers[actor], inputs={"reason": "x"}, at=at("2026-03-11 10:00"))
        assert (refused.value.kind, refused.value.rule) == ("forbidden", "T11")
    assert snapshot(dossier) == before
