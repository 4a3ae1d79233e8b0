"""SPEC §3: the dossier code is ``{handling agency identifier}-{yyMMdd}-{NNNN}``, the date being the receipt date in
Vietnam time and NNNN a per-agency daily sequence; the padding never truncates (the 10,000th of a day has five
digits). Only accepted dossiers get a code."""

import datetime as dt
import re

import pytest

from motcua.dossiers.models import DailyCounter
from motcua.dossiers.services.intake import receive_at_counter, submit_online
from tests.builders.dossiers import act, at, receive, request_for

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$")  # SPEC §3, written out here on purpose


def test_a_received_dossier_has_a_code_of_the_published_format(procedure, officers):
    dossier = receive(officers)
    assert CODE.fullmatch(dossier.code)
    assert dossier.code == "000.00.03.H56-260309-0001"


def test_the_ten_thousandth_dossier_of_a_day_gets_five_digits(procedure, officers, province):
    DailyCounter.objects.create(agency=province["justice"], day=dt.date(2026, 3, 9), value=9999)
    tenth_thousand = receive(officers, "2026-03-09 09:15")
    following = receive(officers, "2026-03-09 09:20")
    assert (tenth_thousand.code, following.code) == (
        "000.00.03.H56-260309-10000",
        "000.00.03.H56-260309-10001",
    )
    assert CODE.fullmatch(tenth_thousand.code) and CODE.fullmatch(following.code)
    assert DailyCounter.objects.get(agency=province["justice"], day=dt.date(2026, 3, 9)).value == 10001


def test_the_date_is_the_receipt_date_in_vietnam(procedure, officers):
    received = dt.datetime(2026, 3, 9, 0, 45, tzinfo=dt.UTC)  # 07:45 on 09/03 in Hà Nội, still 08/03 in UTC
    dossier = receive_at_counter(request_for(), officers["counter"], at=received)
    assert dossier.code == "000.00.03.H56-260309-0001"


def test_each_handling_agency_counts_on_its_own(procedure, officers):
    receive(officers)
    other = receive(officers, handling_agency="000.00.07.H56")
    assert other.code == "000.00.07.H56-260309-0001"
    assert receive(officers).code == "000.00.03.H56-260309-0002"


def test_a_code_is_issued_only_on_acceptance(procedure, officers):
    dossier = submit_online(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    assert dossier.code is None
    assert not DailyCounter.objects.exists()
    dossier = act(dossier, "accept", officers["counter"], "2026-03-11 08:00")
    assert dossier.code == "000.00.03.H56-260311-0001" and CODE.fullmatch(dossier.code)
