"""Dossier codes and PAKN codes are numbered by the one daily counter of ``motcua.core.workflow``: a sequence per
unit and day (each domain in its own table, so their numbers do not mix), taken in one atomic upsert, given back by
a rollback, padded to four digits without ever truncating."""

import datetime as dt

import pytest
from django.db import transaction

from motcua.core.workflow import daily_code, take_numbers
from motcua.dossiers.models import DailyCounter
from motcua.dossiers.services import codes as dossier_codes
from motcua.feedback.models import FeedbackCounter
from motcua.feedback.services import codes as feedback_codes

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 9)


def test_each_unit_and_day_has_its_own_sequence_in_each_domain(province):
    justice, building = province["justice"], province["building"]
    assert list(take_numbers(DailyCounter, justice.pk, DAY)) == [1]
    assert list(take_numbers(DailyCounter, justice.pk, DAY, 3)) == [2, 3, 4]
    assert dossier_codes.new_code(justice, DAY) == f"{justice.identifier}-260309-0005"
    assert feedback_codes.new_code(justice, DAY) == f"PAKN-{justice.identifier}-260309-0001"
    assert list(take_numbers(DailyCounter, building.pk, DAY)) == [1]
    assert list(take_numbers(DailyCounter, justice.pk, DAY + dt.timedelta(days=1))) == [1]
    assert DailyCounter.objects.get(agency=justice, day=DAY).value == 5
    assert FeedbackCounter.objects.get(agency=justice, day=DAY).value == 1


def test_a_rolled_back_number_is_given_back(province):
    justice = province["justice"]
    with pytest.raises(RuntimeError), transaction.atomic():
        assert feedback_codes.new_code(justice, DAY).endswith("-0001")
        raise RuntimeError("the intake is refused")
    assert feedback_codes.new_code(justice, DAY).endswith("-0001")


def test_padding_never_truncates():
    assert daily_code("PAKN-000.00.03.H56", DAY, 7) == "PAKN-000.00.03.H56-260309-0007"
    assert daily_code("000.00.03.H56", DAY, 10000) == "000.00.03.H56-260309-10000"
