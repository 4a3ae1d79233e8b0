"""The whole journey at the counter: receive (code, appointment) → transfer → assign → process → finish → return,
with one chained log entry per transition."""

import datetime as dt
import re

import pytest

from motcua.dossiers.choices import Status
from motcua.dossiers.models import ProcessLogEntry
from motcua.dossiers.models.log import verify_chain
from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import assign_specialist, at, request_for, transferred

pytestmark = pytest.mark.django_db


def test_receipt_gives_a_code_and_the_appointment(procedure, officers):
    dossier = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    assert re.fullmatch(r"000\.00\.03\.H56-260309-0001", dossier.code)  # the handling agency's identifier
    assert dossier.status == Status.ACCEPTED
    # 7 working days from Monday 09:15 keep the time of day: Wednesday of the next week
    assert dossier.due_at == at("2026-03-18 09:15") == dossier.original_due_at
    assert [c.name for c in dossier.components.all()] == [
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "Giấy tờ chứng minh chỗ ở hợp pháp",
    ]
    assert (dossier.legal_regime, dossier.form_set) == ("ND118_2025", "TT03_2025")


def test_codes_count_per_agency_and_day(procedure, officers):
    first = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    second = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 10:00"))
    next_day = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-10 08:00"))
    assert [first.code[-4:], second.code[-4:], next_day.code[-11:]] == ["0001", "0002", "260310-0001"]


def test_the_whole_journey(procedure, officers):
    dossier = transferred(officers)
    assign_specialist(dossier, officers, "2026-03-09 14:00")
    apply(dossier, "forward", officers["specialist"], at=at("2026-03-11 10:00"))
    outcome = apply(
        dossier,
        "finish",
        officers["lead"],
        at=at("2026-03-12 15:00"),
        inputs={
            "result_number": "15/XN-STP",
            "result_summary": "Xác nhận",
            "result_signer": "Mai Xuân Khánh",
            "result_signed_on": "2026-03-12",
            "result_code": "KQ.G01.000065",
        },
    )
    dossier = outcome.dossier
    assert (dossier.status, dossier.timeliness) == (Status.FINISHED, "early")
    assert dossier.current_agency == dossier.receiving_agency  # the result goes back to the counter
    apply(dossier, "return_result", officers["counter"], at=at("2026-03-13 08:00"))
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED and dossier.returned_at == at("2026-03-13 08:00")
    entries = list(ProcessLogEntry.objects.filter(dossier=dossier).order_by("seq"))
    assert [e.action for e in entries] == [
        "receive",
        "transfer",
        "assign",
        "forward",
        "finish",
        "return_result",
    ]
    assert [(e.from_status, e.to_status) for e in entries] == [
        (None, 2),
        (2, 4),
        (4, 4),
        (4, 4),
        (4, 9),
        (9, 10),
    ]
    assert entries[1].role == "COUNTER_OFFICER" and entries[2].role == "DEPT_LEAD"
    assert entries[3].on_time is True  # the step finished before its deadline
    assert verify_chain(entries) == [] and dossier.log_head == entries[-1].hash and dossier.version == 6


def test_late_finish_is_classified_late(procedure, officers):
    dossier = transferred(officers)
    outcome = apply(
        dossier,
        "finish",
        officers["clerk"],
        at=at("2026-03-19 08:00"),
        inputs={
            "result_number": "1",
            "result_summary": "x",
            "result_signer": "y",
            "result_signed_on": dt.date(2026, 3, 19),
        },
    )
    assert outcome.dossier.timeliness == "late"
