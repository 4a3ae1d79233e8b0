"""Every refusal of the transition service raises TransitionError naming the kind and the rule (the row of the
transition table) broken — wrong state, wrong role, officer of another unit, outside the dated assignment, missing
or invalid inputs, stale page — and changes nothing: status, version, log, steps, pauses."""

import datetime as dt

import pytest

from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.services.transitions import TransitionError, apply
from tests.builders.dossiers import FINISH_INPUTS, act, at, processing, receive, snapshot
from tests.builders.org import assign

pytestmark = pytest.mark.django_db


def accepted(officers):
    return receive(officers)


def in_processing(officers):
    return processing(officers)


def assigned(officers):
    return act(
        processing(officers),
        "assign",
        officers["dept"],
        "2026-03-09 14:00",
        handler=officers["specialist"].pk,
    )


def at_partner(officers):
    return act(
        processing(officers),
        "consult_partner",
        officers["specialist"],
        "2026-03-10 08:00",
        partner="000.00.07.H56",
        share_amount=2,
    )


def returned(officers):
    dossier = act(processing(officers), "finish", officers["lead"], "2026-03-12 10:00", **FINISH_INPUTS)
    return act(dossier, "return_result", officers["counter"], "2026-03-13 08:00")


def supplement(officers):
    return act(
        processing(officers), "request_supplement", officers["specialist"], "2026-03-10 08:00", reason="x"
    )


CASES = [
    # (name, builder, action, actor, inputs, kind, rule, field)
    ("transfer twice", in_processing, "transfer", "counter", {}, "wrong_state", "T5", ""),
    ("accept an accepted dossier", accepted, "accept", "counter", {}, "wrong_state", "T2", ""),
    ("finish before transfer", accepted, "finish", "lead", FINISH_INPUTS, "wrong_state", "T13", ""),
    ("return a result not ready", in_processing, "return_result", "counter", {}, "wrong_state", "T14", ""),
    (
        "supplement received twice",
        in_processing,
        "receive_supplement",
        "counter",
        {},
        "wrong_state",
        "T8",
        "",
    ),
    ("stop while paused", supplement, "stop", "lead", {"reason": "x"}, "wrong_state", "T10", ""),
    ("specialist stops", in_processing, "stop", "specialist", {"reason": "x"}, "forbidden", "T10", ""),
    ("counter assigns", in_processing, "assign", "counter", {"handler": "cv.tuphap"}, "forbidden", "T6", ""),
    ("specialist transfers", accepted, "transfer", "specialist", {}, "forbidden", "T5", ""),
    (
        "dept lead apologises",
        in_processing,
        "apologize",
        "dept",
        {"reason": "x", "new_due_at": "2026-03-30T09:00:00+07:00"},
        "forbidden",
        "T12",
        "",
    ),
    ("specialist finishes", in_processing, "finish", "specialist", FINISH_INPUTS, "forbidden", "T13", ""),
    (
        "counter requests supplement",
        in_processing,
        "request_supplement",
        "counter",
        {"reason": "x"},
        "forbidden",
        "T7",
        "",
    ),
    (
        "specialist receives supplement",
        supplement,
        "receive_supplement",
        "specialist",
        {},
        "forbidden",
        "T8",
        "",
    ),
    ("other counter transfers", accepted, "transfer", "other_counter", {}, "forbidden", "T5", ""),
    (
        "other counter withdraws",
        in_processing,
        "withdraw",
        "other_counter",
        {"reason": "x"},
        "forbidden",
        "T11",
        "",
    ),
    ("handling agency acts at partner", at_partner, "forward", "specialist", {}, "forbidden", "T6", ""),
    (
        "counter bulk-reassigns",
        in_processing,
        "reassign_agency",
        "counter",
        {"new_agency": "000.00.07.H56", "legal_basis": "x"},
        "forbidden",
        "9.2",
        "",
    ),
    ("expired counter officer", accepted, "transfer", "expired", {}, "forbidden", "T5", ""),
    ("not yet appointed lead", in_processing, "stop", "future", {"reason": "x"}, "forbidden", "T10", ""),
    (
        "stop without reason",
        in_processing,
        "stop",
        "lead",
        {"reason": "  "},
        "missing_input",
        "T10",
        "reason",
    ),
    ("withdraw without reason", in_processing, "withdraw", "counter", {}, "missing_input", "T11", "reason"),
    (
        "supplement without reason",
        in_processing,
        "request_supplement",
        "specialist",
        {},
        "missing_input",
        "T7",
        "reason",
    ),
    (
        "payment without notice",
        in_processing,
        "request_payment",
        "specialist",
        {},
        "missing_input",
        "T9",
        "reason",
    ),
    ("assign nobody", in_processing, "assign", "dept", {}, "missing_input", "T6", "handler"),
    ("send back without reason", assigned, "send_back", "specialist", {}, "missing_input", "T6", "reason"),
    (
        "apology without new date",
        in_processing,
        "apologize",
        "lead",
        {"reason": "x"},
        "missing_input",
        "T12",
        "new_due_at",
    ),
    (
        "partner without share",
        in_processing,
        "consult_partner",
        "specialist",
        {"partner": "000.00.07.H56"},
        "missing_input",
        "T6",
        "share_amount",
    ),
    (
        "finish without number",
        in_processing,
        "finish",
        "lead",
        {**FINISH_INPUTS, "result_number": ""},
        "missing_input",
        "T13",
        "result_number",
    ),
    (
        "reassign without legal basis",
        in_processing,
        "reassign_agency",
        "admin",
        {"new_agency": "000.00.07.H56"},
        "missing_input",
        "9.2",
        "legal_basis",
    ),
    (
        "apology brings the date forward",
        in_processing,
        "apologize",
        "lead",
        {"reason": "x", "new_due_at": "2026-03-17T09:00:00+07:00"},
        "invalid_input",
        "T12",
        "new_due_at",
    ),
    (
        "result signed in the future",
        in_processing,
        "finish",
        "lead",
        {**FINISH_INPUTS, "result_signed_on": "2026-12-31"},
        "invalid_input",
        "T13",
        "result_signed_on",
    ),
    (
        "assign a counter officer",
        in_processing,
        "assign",
        "dept",
        {"handler": "tn.an"},
        "invalid_input",
        "T6",
        "handler",
    ),
    (
        "unknown partner",
        in_processing,
        "consult_partner",
        "specialist",
        {"partner": "000.99.99.H56", "share_amount": 2},
        "invalid_input",
        "T6",
        "partner",
    ),
    (
        "share is not a number",
        in_processing,
        "consult_partner",
        "specialist",
        {"partner": "000.00.07.H56", "share_amount": "hai"},
        "invalid_input",
        "T6",
        "share_amount",
    ),
    (
        "send back from the first step",
        assigned,
        "send_back",
        "specialist",
        {"reason": "x"},
        "conflict",
        "T6",
        "",
    ),
    ("forward at the partner", at_partner, "forward", "partner", {}, "conflict", "T6", ""),
    (
        "partner return when not at a partner",
        assigned,
        "return_from_partner",
        "specialist",
        {},
        "conflict",
        "T6",
        "",
    ),
]


@pytest.fixture
def actors(officers, partner, django_user_model, province):
    expired = django_user_model.objects.create_user("tn.cu", password="x-long-password-1")
    assign(
        expired,
        "COUNTER_OFFICER",
        province["centre"],
        valid_from=dt.date(2024, 1, 1),
        valid_to=dt.date(2026, 2, 28),
    )
    future = django_user_model.objects.create_user("gd.moi", password="x-long-password-1")
    assign(future, "AGENCY_LEAD", province["justice"], valid_from=dt.date(2026, 4, 1))
    return {**officers, "partner": partner, "expired": expired, "future": future}


@pytest.mark.parametrize(
    ("builder", "action", "actor", "inputs", "kind", "rule", "field"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_refusal_names_the_rule_and_changes_nothing(
    procedure, actors, builder, action, actor, inputs, kind, rule, field
):
    dossier = builder(actors)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, action, actors[actor], inputs=dict(inputs), at=at("2026-03-16 09:00"))
    assert (refused.value.kind, refused.value.rule, refused.value.field) == (kind, rule, field)
    assert refused.value.message
    if kind in ("wrong_state", "forbidden", "missing_input"):  # the guards name the row in the message too
        assert refused.value.message.startswith(rule)
    assert snapshot(dossier) == before


def test_a_stale_page_is_refused(procedure, officers):
    dossier = processing(officers)  # version 2
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "assign", officers["dept"], inputs={"handler": "cv.tuphap"}, expected_version=1)
    assert (refused.value.kind, refused.value.rule) == ("stale", "T6")
    assert snapshot(dossier) == before
    apply(
        dossier,
        "assign",
        officers["dept"],
        inputs={"handler": "cv.tuphap"},
        expected_version=2,
        at=at("2026-03-09 14:00"),
    )
    assert snapshot(dossier)["dossier"]["version"] == 3


def test_an_unknown_action_is_refused(procedure, officers):
    dossier = receive(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, "approve_everything", officers["lead"])
    assert refused.value.kind == "unknown_action"
    assert snapshot(dossier) == before


@pytest.mark.parametrize("action", sorted(BY_ACTION))
def test_no_transition_leaves_a_returned_dossier(procedure, officers, action):
    dossier = returned(officers)
    before = snapshot(dossier)
    with pytest.raises(TransitionError) as refused:
        apply(dossier, action, officers["admin"], inputs={"reason": "x"}, at=at("2026-03-16 09:00"))
    assert (refused.value.kind, refused.value.rule) == ("wrong_state", BY_ACTION[action].code)
    assert "Đã trả kết quả" in refused.value.message
    assert snapshot(dossier) == before
