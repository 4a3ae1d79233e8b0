"""Issue 19: a step of the approved process marked “thông báo cho người nộp” (``ProcessStep.notify_citizen``) tells
the citizen, when it starts, where the dossier is — the step, the unit, the step's deadline — on each of their
channels, once per dossier and step (a repeated job tells nobody twice); the other steps tell nothing."""

import pytest

from motcua.dossiers.models import ProcessLogEntry
from motcua.dossiers.services.intake import ApplicantData
from motcua.dossiers.signals import Transitioned
from motcua.messaging.choices import Event
from motcua.messaging.models import MessageTemplate
from motcua.messaging.receivers import on_transitions
from motcua.messaging.services import templates
from motcua.messaging.services.deliveries import plan_step_starts
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import act, receive
from tests.builders.messaging import deliveries, letters_to, texts_to

pytestmark = pytest.mark.django_db

PHONE, EMAIL = "0912345678", "binh@example.vn"
APPLICANT = ApplicantData(
    name="Trần Thị Bình", id_number="038190001234", phone=PHONE, email=EMAIL, address="Phường Hạc Thành"
)
SAYS_SO = {"notify_citizen": True}


@pytest.fixture
def telling_process(make_procedure):
    """SIGNED_PROCESS whose appraisal (3) and signature (5) steps tell the citizen."""
    steps = [list(s) for s in SIGNED_PROCESS]
    for order in (3, 5):
        steps[order - 1][4] = {**steps[order - 1][4], **SAYS_SO}
    return make_procedure(steps=[tuple(s) for s in steps])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


def step_deliveries(dossier):
    return [(d.channel, d.status) for d in deliveries(dossier, event=Event.STEP_STARTED)]


def test_the_start_of_a_step_that_says_so_tells_the_citizen_on_each_channel_once(
    telling_process, officers, committed
):
    dossier = committed(receive, officers, applicant=APPLICANT)
    dossier = committed(act, dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    assert step_deliveries(dossier) == []  # “Phân công thụ lý” does not say so

    dossier = committed(act, dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    assert step_deliveries(dossier) == [("email", "sent"), ("sms", "sent")]
    code = dossier.code
    [letter] = [m for m in letters_to(EMAIL) if "đang ở bước" in m.subject]
    assert letter.subject == f"Hồ sơ {code} đang ở bước “Thẩm định hồ sơ, dự thảo kết quả”"
    assert (
        f"Hồ sơ “{dossier.procedure_version.name}” (mã {code}) của Quý ông/bà đang ở bước “Thẩm định hồ sơ, "
        "dự thảo kết quả” tại Phòng Hành chính tư pháp, hạn của bước 13/03/2026 11:00."
    ) in letter.body
    assert texts_to(PHONE)[-1] == (
        f"Hồ sơ {code} đang ở bước “Thẩm định hồ sơ, dự thảo kết quả” tại Phòng Hành chính tư pháp, "
        f"hạn 13/03/2026 11:00. Tra cứu: http://127.0.0.1:8000/tra-cuu/{code}/"
    )

    dossier = committed(act, dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    assert len(step_deliveries(dossier)) == 2  # “Xem xét, trình ký” does not say so
    dossier = committed(act, dossier, "forward", officers["dept"], "2026-03-12 10:00")
    assert len(step_deliveries(dossier)) == 4
    assert texts_to(PHONE)[-1].startswith(f"Hồ sơ {code} đang ở bước “Ký duyệt kết quả” tại Sở Tư pháp, hạn ")


def test_a_repeated_job_tells_nobody_twice(telling_process, officers, committed):
    dossier = committed(receive, officers, applicant=APPLICANT)
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = committed(act, dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    before = list(deliveries(dossier, event=Event.STEP_STARTED))
    sms_before = len(texts_to(PHONE))
    entry = ProcessLogEntry.objects.get(dossier=dossier, action="assign")

    assert plan_step_starts([(dossier.pk, entry.pk)]) == []
    on_transitions([Transitioned(dossier.pk, "assign", 3, 4, officers["dept"].pk, entry.pk)])

    assert deliveries(dossier, event=Event.STEP_STARTED) == before and len(before) == 2
    assert len(texts_to(PHONE)) == sms_before


def test_a_later_transition_does_not_tell_of_an_earlier_step_again(telling_process, officers, committed):
    """The key is the dossier and the step: the signature step's start tells of the signature step only."""
    dossier = committed(receive, officers, applicant=APPLICANT)
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = committed(act, dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = committed(act, dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    dossier = committed(act, dossier, "forward", officers["dept"], "2026-03-12 10:00")
    told = [(d.values["ten_buoc"], d.channel) for d in deliveries(dossier, event=Event.STEP_STARTED)]
    assert told == [
        ("Thẩm định hồ sơ, dự thảo kết quả", "email"),
        ("Thẩm định hồ sơ, dự thảo kết quả", "sms"),
        ("Ký duyệt kết quả", "email"),
        ("Ký duyệt kết quả", "sms"),
    ]


def test_the_new_events_templates_are_province_data_like_the_others(db):
    templates.load_defaults()  # as the migration writes them (a transactional test before may have flushed them)
    rows = MessageTemplate.objects.filter(event=Event.STEP_STARTED, version=1)
    assert sorted(rows.values_list("channel", flat=True)) == ["email", "sms", "zalo"]
    for template in rows:
        template.full_clean()  # names only the event's variables
