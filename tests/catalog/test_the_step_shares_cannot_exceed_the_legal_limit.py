"""Issue 19 point 1: the time shares of an internal process's steps, in working hours and working days (8 working
hours), cannot add up to more than the procedure's legal time limit (its shortest one); a process that does is not
approved, with the totals named, and nothing changes; one that fits exactly is approved."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import processes, services
from motcua.catalog.choices import VersionState
from motcua.catalog.models import ProcessStep
from tests.builders.catalog import draft_procedure

pytestmark = pytest.mark.django_db

DECISION = {
    "valid_from": dt.date(2025, 7, 1),
    "decision_number": "12/QĐ-UBND",
    "decision_date": dt.date(2025, 6, 20),
    "decision_signer": "Chủ tịch UBND tỉnh",
}


def process_with(*shares):
    version = services.publish(
        draft_procedure(),
        valid_from=dt.date(2025, 7, 1),
        decision_number="1/QĐ",
        decision_date=dt.date(2025, 6, 1),
    )  # 7 working days = 56 working hours
    process = processes.new_draft(version)
    for order, (amount, unit) in enumerate(shares, 1):
        ProcessStep.objects.create(
            process=process,
            order=order,
            name=f"Bước {order}",
            role="SPECIALIST",
            limit_amount=Decimal(amount),
            limit_unit=unit,
        )
    return process


def test_shares_over_the_limit_are_refused_with_the_totals():
    process = process_with((4, "working_hours"), (6, "working_days"), (8, "working_hours"))  # 60 h > 56 h
    with pytest.raises(ValidationError) as refused:
        processes.publish(process, **DECISION)
    assert any("60 giờ làm việc" in m and "56 giờ làm việc" in m for m in refused.value.messages)
    process.refresh_from_db()
    assert (process.state, process.valid_from) == (VersionState.DRAFT, None)


def test_shares_that_fill_the_limit_exactly_are_approved():
    process = process_with((4, "working_hours"), (6, "working_days"), (4, "working_hours"))  # 56 h
    assert processes.share_problems(process) == []
    assert processes.publish(process, **DECISION).state == VersionState.PUBLISHED
