"""Officers are told at every hand-over: when a dossier lands on a person or on a unit's queue, the officers who must
act next get an in-app notification naming the dossier and what to do — the named handler; else, by the queue of the
open step, the leaders who assign (“Chờ phân công”: the division head, failing one the agency's leader — never every
specialist of the unit) or the holders of the step's role (“Chờ xử lý”, “Chờ ký duyệt”, “Chờ phát hành”); with no
open step, the holders of the next rows' roles (the counter); else the unit's leaders, else the province's
controllers; never nobody, and never an officer of another agency. The receiver is idempotent."""

import logging

import pytest

from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.intake import submit_online
from motcua.dossiers.signals import Transitioned
from motcua.notifications.handover import who_must_act
from motcua.notifications.models import Notification
from motcua.notifications.receivers import tell_who_must_act
from tests.builders.catalog import SIGNED_PROCESS, THREE_STEPS
from tests.builders.dossiers import FINISH_INPUTS, act, at, receive, request_for
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db

SIGNED_FINISH = {**FINISH_INPUTS, "result_signed_on": "2026-03-12"}


@pytest.fixture
def handed(django_capture_on_commit_callbacks):
    """``handed(action, dossier, actor, when, **inputs)``: apply a transition and run its after-commit jobs; the
    dossier as stored."""

    def run(dossier, action, actor, when, **inputs):
        with django_capture_on_commit_callbacks(execute=True):
            return act(dossier, action, actor, when, **inputs)

    return run


def told(dossier, kind=None):
    """(username, kind) of every notification about ``dossier``, sorted."""
    rows = Notification.objects.filter(dossier=dossier)
    if kind:
        rows = rows.filter(kind=kind)
    return sorted(rows.values_list("user__username", "kind"))


def told_last(dossier):
    """(username, kind) of the notifications about the dossier's last transition, sorted."""
    entry = ProcessLogEntry.objects.filter(dossier=dossier).order_by("-pk").first()
    rows = Notification.objects.filter(dossier=dossier, key__endswith=f":{dossier.pk}:{entry.pk}")
    return sorted(rows.values_list("user__username", "kind"))


def message(dossier, kind):
    return Notification.objects.filter(dossier=dossier, kind=kind).values_list("message", flat=True).first()


def test_a_transfer_tells_the_division_head_who_assigns_not_the_specialists_nor_other_agencies(
    procedure, officers, partner, handed
):
    dossier = handed(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert told(dossier) == [("tp.tuphap", "transferred")]
    assert message(dossier, "transferred") == (
        f"Hồ sơ {dossier.code} đã được chuyển đến Sở Tư pháp để giải quyết. "
        "Cần phân công người xử lý bước “Thẩm định, xử lý hồ sơ”."
    )


def test_with_no_division_head_the_agencys_leader_assigns(procedure, officers, handed):
    officers["dept"].is_active = False
    officers["dept"].save()
    dossier = handed(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert told(dossier) == [("gd.tuphap", "transferred")]


def test_an_assignment_tells_the_assigned_officer_only(procedure, officers, handed):
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = handed(
        dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk
    )
    assert told(dossier) == [("cv.tuphap", "assigned")]
    assert message(dossier, "assigned") == (
        f"Bạn được phân công xử lý hồ sơ {dossier.code}. Bạn là người xử lý bước “Thẩm định, xử lý hồ sơ”."
    )


@pytest.fixture
def three_steps(make_procedure, officers):
    """Processing at Sở Tư pháp on a three-step process (phân công by the division lead, thẩm định by a
    specialist, ký duyệt by the director), its first step open without a handler."""
    make_procedure(steps=THREE_STEPS)
    return act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")


def test_a_forward_to_a_named_handler_tells_that_handler(three_steps, officers, handed):
    dossier = handed(three_steps, "forward", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    assert told(dossier) == [("cv.tuphap", "forwarded")]
    assert message(dossier, "forwarded") == (
        f"Hồ sơ {dossier.code} đã được chuyển đến bước “Thẩm định hồ sơ”. "
        "Bạn là người xử lý bước “Thẩm định hồ sơ”."
    )


def test_a_forward_to_the_directors_step_tells_the_director_only(three_steps, officers, handed):
    dossier = act(three_steps, "forward", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = handed(dossier, "forward", officers["specialist"], "2026-03-10 11:00")
    assert told(dossier, "forwarded") == [("gd.tuphap", "forwarded")]
    assert message(dossier, "forwarded") == (
        f"Hồ sơ {dossier.code} đã được chuyển đến bước “Ký duyệt kết quả”. Cần xử lý bước “Ký duyệt kết quả”."
    )


def test_the_last_forward_asks_the_clerk_to_issue_the_result(procedure, officers, handed):
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk)
    dossier = handed(dossier, "forward", officers["specialist"], "2026-03-10 11:00")
    assert told(dossier) == [("vt.tuphap", "forwarded")]
    assert message(dossier, "forwarded") == (
        f"Hồ sơ {dossier.code} đã được chuyển đến bước “Phát hành văn bản kết quả”. "
        "Cần vào số, phát hành kết quả ở bước “Phát hành văn bản kết quả”."
    )


def test_a_send_back_tells_who_must_redo_the_previous_step(three_steps, officers, handed):
    dossier = act(three_steps, "forward", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = handed(dossier, "send_back", officers["specialist"], "2026-03-10 09:00", reason="Phân công lại")
    assert told(dossier) == [("tp.tuphap", "sent_back")]
    assert message(dossier, "sent_back").startswith(
        f"Hồ sơ {dossier.code} bị trả lại bước “Phân công thụ lý” để xử lý lại."
    )


def test_a_partner_request_tells_the_partner_agencys_leader_only_and_its_return_tells_the_handler(
    procedure, officers, partner, province, handed
):
    """The partner's step waits in its “Chờ phân công”: its leader assigns it (not its specialists)."""
    staff_member("gd.xaydung", "AGENCY_LEAD", province["building"])
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk)
    dossier = handed(
        dossier,
        "consult_partner",
        officers["specialist"],
        "2026-03-10 09:00",
        partner="000.00.07.H56",
        share_amount=2,
    )
    assert told(dossier, "partner_request") == [("gd.xaydung", "partner_request")]
    assert "Sở Xây dựng" in message(dossier, "partner_request")
    dossier = handed(dossier, "return_from_partner", partner, "2026-03-11 09:00")
    assert told(dossier, "partner_returned") == [("cv.tuphap", "partner_returned")]


def test_a_received_supplement_tells_the_handler(procedure, officers, handed):
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk)
    dossier = act(dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="Thiếu")
    dossier = handed(dossier, "receive_supplement", officers["counter"], "2026-03-12 09:00")
    assert told(dossier) == [("cv.tuphap", "supplement_received")]
    assert message(dossier, "supplement_received").startswith(
        f"Công dân đã bổ sung hồ sơ {dossier.code}; hồ sơ tiếp tục được xử lý."
    )


@pytest.fixture
def citizen(django_user_model):
    return django_user_model.objects.create_user("cd.lan", email="lan@example.vn", password="x" * 12)


@pytest.fixture
def awaiting_supplement(procedure, officers, citizen):
    """An online dossier at Sở Tư pháp whose specialist asked the citizen for a supplement."""
    dossier = submit_online(request_for(account_id=citizen.pk), citizen, at=at("2026-03-09 09:15"))
    dossier = act(dossier, "accept", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:30")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk)
    return act(dossier, "request_supplement", officers["specialist"], "2026-03-10 09:00", reason="Thiếu")


def test_a_supplement_sent_online_tells_the_receiving_counter_not_the_handler(
    awaiting_supplement, officers, citizen, handed
):
    dossier = handed(awaiting_supplement, "submit_supplement", citizen, "2026-03-11 08:00", note="Bản sao")
    assert told(dossier) == [("tn.an", "supplement_received")]
    assert message(dossier, "supplement_received") == (
        f"Công dân đã gửi hồ sơ bổ sung trực tuyến cho hồ sơ {dossier.code}. "
        "Việc cần làm: Tiếp nhận hồ sơ bổ sung."
    )


def test_with_nobody_in_the_needed_role_the_units_leaders_are_told_and_a_warning_logged(
    awaiting_supplement, officers, citizen, province, handed, caplog
):
    officers["counter"].is_active = False
    officers["counter"].save()
    staff_member("gd.trungtam", "CENTRE_HEAD", province["centre"])
    with caplog.at_level(logging.WARNING, logger="motcua.notifications"):
        dossier = handed(awaiting_supplement, "submit_supplement", citizen, "2026-03-11 08:00")
    assert told(dossier) == [("gd.trungtam", "supplement_received")]
    assert "Chưa có cán bộ nào có vai trò xử lý tại" in message(dossier, "supplement_received")
    assert any("told the leaders" in r.getMessage() for r in caplog.records)


def test_with_no_leader_either_the_province_wide_controllers_are_told(
    awaiting_supplement, officers, citizen, province, handed
):
    officers["counter"].is_active = False
    officers["counter"].save()
    staff_member("ks.tthc", "TTHC_CONTROLLER", province["ubnd"], includes_subunits=True)
    staff_member("ks.xa", "TTHC_CONTROLLER", province["commune_a"])  # reaches its commune only
    dossier = handed(awaiting_supplement, "submit_supplement", citizen, "2026-03-11 08:00")
    assert told(dossier) == [("ks.tthc", "supplement_received"), ("quantri", "supplement_received")]


def test_the_receiver_run_twice_creates_nothing_new(procedure, officers, handed):
    dossier = handed(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    entry = ProcessLogEntry.objects.get(dossier=dossier, action="transfer")
    event = Transitioned(dossier.pk, "transfer", 2, 4, officers["counter"].pk, entry.pk)
    before = list(Notification.objects.order_by("pk").values_list("pk", "user_id", "key"))
    assert len(before) == 1
    tell_who_must_act([event])
    assert list(Notification.objects.order_by("pk").values_list("pk", "user_id", "key")) == before


def test_who_must_act_is_computed_from_the_table_without_a_request(awaiting_supplement, officers):
    """While the citizen's supplement is awaited, the next officer row is the counter's reception, at the
    receiving centre: its counter officer must act, not the handler at Sở Tư pháp."""
    dossier = Dossier.objects.select_related("current_step").get(pk=awaiting_supplement.pk)
    must = who_must_act(dossier, at("2026-03-11 08:00").date())
    assert (must.user_ids, must.why) == ({officers["counter"].pk}, "roles")
    assert must.unit_id == dossier.receiving_agency_id


def test_each_step_of_the_signed_process_tells_the_person_of_its_queue(make_procedure, officers, handed):
    """The approved process of issue 19 (SIGNED_PROCESS): the division head assigns, the specialist appraises, the
    division head reviews, the director signs, the clerk issues, the counter returns — each told in turn, and only
    they."""
    make_procedure(steps=SIGNED_PROCESS)
    dossier = handed(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert told_last(dossier) == [("tp.tuphap", "transferred")]
    assert message(dossier, "transferred").endswith("Cần phân công người xử lý bước “Phân công thụ lý”.")

    dossier = handed(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    assert told_last(dossier) == [("cv.tuphap", "assigned")]

    dossier = handed(dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    assert told_last(dossier) == [("tp.tuphap", "forwarded")]
    assert message(dossier, "forwarded").endswith("Cần xử lý bước “Xem xét, trình ký”.")

    dossier = handed(dossier, "forward", officers["dept"], "2026-03-12 10:00")
    assert told_last(dossier) == [("gd.tuphap", "forwarded")]
    assert Notification.objects.filter(user=officers["lead"]).get().message == (
        f"Hồ sơ {dossier.code} đã được chuyển đến bước “Ký duyệt kết quả”. "
        "Bạn là người xử lý bước “Ký duyệt kết quả”."
    )

    dossier = handed(dossier, "approve", officers["lead"], "2026-03-12 14:00")
    assert told_last(dossier) == [("vt.tuphap", "signed")]
    assert message(dossier, "signed") == (
        f"Kết quả hồ sơ {dossier.code} đã được ký duyệt, chuyển đến bước “Vào số, phát hành kết quả”. "
        "Cần vào số, phát hành kết quả ở bước “Vào số, phát hành kết quả”."
    )

    dossier = handed(dossier, "finish", officers["clerk"], "2026-03-12 15:00", **SIGNED_FINISH)
    assert told_last(dossier) == [("tn.an", "result_ready")]
    assert message(dossier, "result_ready") == (
        f"Hồ sơ {dossier.code} đã có kết quả, chờ trả cho người nộp. Việc cần làm: Trả kết quả cho công dân."
    )
    assert (
        not Notification.objects.filter(dossier=dossier, user=officers["specialist"])
        .exclude(kind="assigned")
        .exists()
    )


def test_an_unassigned_step_to_sign_tells_the_holders_of_its_role(make_procedure, officers, province, handed):
    """Two directors: nobody is named for the signature, both see it in “Chờ ký duyệt” and both are told."""
    make_procedure(steps=SIGNED_PROCESS)
    staff_member("pgd.tuphap", "AGENCY_LEAD", province["justice"])
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    dossier = handed(dossier, "forward", officers["dept"], "2026-03-12 10:00")
    assert dossier.current_handler_id is None
    assert told_last(dossier) == [("gd.tuphap", "forwarded"), ("pgd.tuphap", "forwarded")]
    assert message(dossier, "forwarded").endswith("Cần ký duyệt kết quả ở bước “Ký duyệt kết quả”.")
