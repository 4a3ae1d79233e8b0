"""A complaint or a denunciation (khiếu nại, tố cáo; SPEC §6.1) is not a PAKN: it is recorded through the row
``redirect`` of the PAKN table, applied by the one transition service like every other row — the table's roles
decide who may record it, it gets a code and one keyed log entry that names the actor's role, the row's seal holds,
``feedback_transitioned`` is published with it (its receivers run after the commit), and no row leads out of ``REDIRECTED``. No other code of the
app writes a feedback's status."""

import ast
from pathlib import Path

import pytest

from motcua.core.workflow import NEW
from motcua.feedback import lifecycle
from motcua.feedback.choices import Status
from motcua.feedback.models import Feedback, FeedbackLogEntry
from motcua.feedback.models.log import verify_feedback
from motcua.feedback.services import complaints
from motcua.feedback.services.codes import CODE_RE
from motcua.feedback.services.intake import submit
from motcua.feedback.services.transitions import FeedbackError, apply
from motcua.feedback.signals import feedback_transitioned
from tests.builders.dossiers import at
from tests.builders.feedback import request_for

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "motcua"


def test_the_redirect_is_a_row_that_creates_and_no_row_leaves_it():
    row = lifecycle.BY_ACTION["redirect"]
    assert (row.sources, row.target, row.roles) == (
        frozenset({NEW}),
        Status.REDIRECTED,
        lifecycle.OFFICERS | {lifecycle.PUBLIC},
    )
    assert [t.action for t in lifecycle.available(NEW)] == ["receive", "redirect"]
    assert lifecycle.available(Status.REDIRECTED) == []


def test_a_complaint_from_the_portal_is_logged_like_every_transition(
    send, django_capture_on_commit_callbacks
):
    sent = []

    def listen(events):
        sent.extend(events)

    feedback_transitioned.connect(listen, "redirect-test")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            complaint = send(kind="khieu_nai", when=at("2026-03-10 09:00"))
    finally:
        feedback_transitioned.disconnect("redirect-test")
    stored = Feedback.objects.get(pk=complaint.pk)
    assert stored.status == Status.REDIRECTED and CODE_RE.match(stored.code)
    assert stored.received_at == stored.clock_start == stored.closed_at == at("2026-03-10 09:00")
    assert stored.answer_due_at is None and stored.deadline_at is None and not stored.is_public
    assert stored.redirect_note == complaints.explanation("khieu_nai")
    entries = list(FeedbackLogEntry.objects.filter(feedback=stored).order_by("seq"))
    assert [(e.seq, e.action, e.from_status, e.to_status, e.role) for e in entries] == [
        (1, "redirect", "", Status.REDIRECTED, lifecycle.PUBLIC)
    ]
    assert entries[0].note == stored.redirect_note and entries[0].agency_id == stored.receiving_agency_id
    assert (stored.version, stored.log_head) == (1, entries[0].hash)
    assert verify_feedback(stored, entries) == []
    assert [(e.feedback_id, e.action, e.from_status, e.to_status) for e in sent] == [
        (stored.pk, "redirect", None, Status.REDIRECTED)
    ]


def test_an_officer_records_a_denunciation_in_the_officer_role(staff, province):
    denunciation = submit(request_for(kind="to_cao", channel="duong_day_nong"), actor=staff["officer"])
    entry = denunciation.log.get()
    assert (entry.action, entry.role, entry.actor) == ("redirect", "PAKN_OFFICER", staff["officer"])
    assert "Luật Tố cáo" in denunciation.redirect_note


def test_the_tables_roles_decide_who_records_a_complaint(staff, province):
    with pytest.raises(FeedbackError) as refused:  # a PAKN officer of another unit
        submit(request_for(kind="khieu_nai", channel="duong_day_nong"), actor=staff["other"])
    assert (refused.value.kind, refused.value.rule) == ("forbidden", "6.1")
    assert not Feedback.objects.exists()


def test_nothing_moves_a_redirected_item_and_nothing_redirects_an_existing_one(send, staff):
    complaint = send(kind="khieu_nai")
    for action in ("process", "refuse", "transfer"):
        with pytest.raises(FeedbackError) as refused:
            apply(complaint, action, staff["officer"], inputs={"reason": "x", "agency": "000.00.04.H56"})
        assert refused.value.kind == "wrong_state"
    pakn = send()
    with pytest.raises(FeedbackError) as refused:
        apply(pakn, "redirect", staff["officer"])
    assert (refused.value.kind, refused.value.rule) == ("wrong_state", "6.1")
    assert Feedback.objects.get(pk=pakn.pk).status == Status.RECEIVED
    assert Feedback.objects.get(pk=complaint.pk).log.count() == 1


def _status_writes(path: Path) -> list[int]:
    """The lines of ``path`` that assign an attribute named ``status``."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            lines += [node.lineno for t in targets if isinstance(t, ast.Attribute) and t.attr == "status"]
    return lines


def test_only_the_transition_service_writes_a_feedback_status():
    writers = {
        str(path.relative_to(SRC)): lines
        for path in sorted((SRC / "feedback").rglob("*.py")) + [SRC / "demo" / "feedback.py"]
        if "migrations" not in path.parts and (lines := _status_writes(path))
    }
    assert list(writers) == ["feedback/services/transitions.py"]
    assert len(writers["feedback/services/transitions.py"]) == 1
