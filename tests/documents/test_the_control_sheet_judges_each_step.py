"""Issue 19 point 6: the Phiếu kiểm soát says, for each step of the internal process, whether it ended early, on
time or late against the step's own deadline (not only the dossier's)."""

import pytest

from motcua.documents.services import snapshot
from motcua.dossiers.models import ProcessLogEntry
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import act, processing

pytestmark = pytest.mark.django_db


def test_the_control_sheet_says_whether_each_step_ended_early_on_time_or_late(make_procedure, officers):
    make_procedure(steps=SIGNED_PROCESS)
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-10 09:00")  # due 13/03: early
    dossier = act(dossier, "forward", officers["dept"], "2026-03-11 09:00")  # due 10/03 13:00: late
    entries = list(ProcessLogEntry.objects.filter(dossier=dossier).select_related("agency").order_by("seq"))
    rows = snapshot.control(dossier, entries, {})["rows"]
    assert [row["result"] for row in rows[-3:]] == ["Đúng hạn", "Trước hạn", "Quá hạn"]
