"""SPEC §9.2 (3): when a body is merged, its open dossiers move to the successor in one operation. Each goes
through the transition service (``reassign_agency``): the code and the deadlines are kept, and the log gets one
entry naming the legal basis. Closed dossiers and other bodies' dossiers are left alone; a refusal moves none."""

import pytest

from motcua.dossiers.choices import Status
from motcua.dossiers.services import reorganisation
from motcua.dossiers.services.intake import submit_online
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.services.reorganisation import bulk_reassign
from motcua.dossiers.services.transitions import TransitionError
from tests.builders.dossiers import FINISH_INPUTS, act, at, fresh, processing, receive, request_for, snapshot
from tests.builders.org import MERGER_BASIS as BASIS
from tests.builders.org import justice_merged

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(province):
    """Sở Tư pháp is merged into a new Sở on 20/03/2026 (its officers' roles move with it)."""
    return justice_merged(province, legal_basis=BASIS)


@pytest.fixture
def dossiers(procedure, officers):
    def then(dossier, action, actor, **inputs):
        return act(dossier, action, officers[actor], "2026-03-10 09:00", **inputs)

    built = {
        "accepted": receive(officers),
        "processing": processing(officers),
        "supplement": then(processing(officers), "request_supplement", "specialist", reason="x"),
        "financial": then(processing(officers), "request_payment", "specialist", reason="x"),
        "finished": then(processing(officers), "finish", "lead", **FINISH_INPUTS),
        "stopped": then(processing(officers), "stop", "lead", reason="x"),
        "submitted": submit_online(request_for(), officers["counter"], at=at("2026-03-09 09:15")),
        "elsewhere": act(
            receive(officers, handling_agency="000.00.07.H56"),
            "transfer",
            officers["counter"],
            "2026-03-09 10:00",
        ),
    }
    return built


OPEN = ("submitted", "accepted", "processing", "supplement", "financial")
LEFT = ("finished", "stopped", "elsewhere")


def test_open_dossiers_move_with_their_codes_and_deadlines(dossiers, merged, officers, province):
    before = {name: fresh(d) for name, d in dossiers.items()}
    untouched = {name: snapshot(dossiers[name]) for name in LEFT}
    moved = bulk_reassign(
        province["justice"], merged, legal_basis=BASIS, actor=officers["admin"], at=at("2026-03-20 08:00")
    )
    assert moved == len(OPEN)
    for name in OPEN:
        old, new = before[name], fresh(dossiers[name])
        assert new.handling_agency == merged, name
        assert (new.code, new.status, new.due_at, new.original_due_at) == (
            old.code,
            old.status,
            old.due_at,
            old.original_due_at,
        ), name
        assert new.version == old.version + 1
        entry = new.log.get(seq=new.version)
        assert (entry.action, entry.actor, entry.role) == ("reassign_agency", officers["admin"], "ADMIN")
        assert entry.data == {"from": "000.00.03.H56", "to": "000.00.30.H56", "legal_basis": BASIS}
        assert verify_dossier(new) == []
    for name in LEFT:
        assert snapshot(dossiers[name]) == untouched[name], name


def test_the_work_in_progress_follows_to_the_successor(dossiers, merged, officers, province):
    bulk_reassign(
        province["justice"], merged, legal_basis=BASIS, actor=officers["admin"], at=at("2026-03-20 08:00")
    )
    in_progress = fresh(dossiers["processing"])
    assert in_progress.current_agency == merged and in_progress.current_step.agency == merged
    assert fresh(dossiers["accepted"]).current_agency == province["centre"]  # still at the counter
    # the head of the merged body (role moved on 20/03) finishes it there
    done = act(
        in_progress,
        "finish",
        officers["lead"],
        "2026-03-20 09:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-20"},
    )
    assert done.status == Status.FINISHED and done.result.issuing_agency == merged


def test_a_second_run_finds_nothing_to_move(dossiers, merged, officers, province):
    bulk_reassign(
        province["justice"], merged, legal_basis=BASIS, actor=officers["admin"], at=at("2026-03-20 08:00")
    )
    again = bulk_reassign(
        province["justice"], merged, legal_basis=BASIS, actor=officers["admin"], at=at("2026-03-20 09:00")
    )
    assert again == 0


@pytest.mark.parametrize(
    ("actor", "basis", "when", "kind", "field"),
    [
        ("counter", BASIS, "2026-03-20 08:00", "forbidden", ""),
        ("admin", "  ", "2026-03-20 08:00", "missing_input", "legal_basis"),
        (
            "admin",
            BASIS,
            "2026-03-19 08:00",
            "invalid_input",
            "new_agency",
        ),  # the successor does not exist yet
    ],
)
def test_a_refusal_moves_nothing(dossiers, merged, officers, province, actor, basis, when, kind, field):
    before = {name: snapshot(d) for name, d in dossiers.items()}
    with pytest.raises(TransitionError) as refused:
        bulk_reassign(province["justice"], merged, legal_basis=basis, actor=officers[actor], at=at(when))
    assert (refused.value.kind, refused.value.rule, refused.value.field) == (kind, "9.2", field)
    assert {name: snapshot(d) for name, d in dossiers.items()} == before


def test_a_refusal_half_way_undoes_the_dossiers_already_moved(
    dossiers, merged, officers, province, monkeypatch
):
    real_apply, calls = reorganisation.apply, []

    def failing_second(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise TransitionError("conflict", "giả lập lỗi", rule="9.2")
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(reorganisation, "apply", failing_second)
    before = {name: snapshot(d) for name, d in dossiers.items()}
    with pytest.raises(TransitionError):
        bulk_reassign(
            province["justice"], merged, legal_basis=BASIS, actor=officers["admin"], at=at("2026-03-20 08:00")
        )
    assert len(calls) == 2  # the first one had moved
    assert {name: snapshot(d) for name, d in dossiers.items()} == before
