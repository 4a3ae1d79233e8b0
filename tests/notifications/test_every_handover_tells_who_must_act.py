"""Officers are told at every hand-over: when a dossier lands on a person or on a unit's queue, the officers who must
act next get an in-app notification naming the dossier and what to do — the named handler, else the holders of the
needed roles in the unit where the work waits, else its leaders, else the province's controllers; never nobody, and
never an officer of another agency. The receiver is idempotent."""

import logging

import pytest

from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.intake import submit_online
from motcua.dossiers.signals import Transitioned
from motcua.notifications.handover import who_must_act
from motcua.notifications.models import Notification
from motcua.notifications.receivers import tell_who_must_act
from tests.builders.catalog import THREE_STEPS
from tests.builders.dossiers import act, at, receive, request_for
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db


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


def message(dossier, kind):
    return Notification.objects.filter(dossier=dossier, kind=kind).values_list("message", flat=True).first()


def test_a_transfer_tells_the_competent_agencys_specialists_and_leaders_not_its_clerk_nor_other_agencies(
    procedure, officers, partner, handed
):
    dossier = handed(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    assert told(dossier) == [
        ("cv.tuphap", "transferred"),
        ("gd.tuphap", "transferred"),
        ("tp.tuphap", "transferred"),
    ]
    assert message(dossier, "transferred") == (
        f"Hồ sơ {dossier.code} đã được chuyển đến Sở Tư pháp để giải quyết. "
        "Cần nhận xử lý hoặc phân công người xử lý bước “Thẩm định, xử lý hồ sơ”."
    )


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


def test_a_forward_to_the_signing_step_tells_the_director_and_who_may_assign_it(
    three_steps, officers, handed
):
    dossier = act(three_steps, "forward", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = handed(dossier, "forward", officers["specialist"], "2026-03-10 11:00")
    assert told(dossier, "forwarded") == [("gd.tuphap", "forwarded"), ("tp.tuphap", "forwarded")]
    assert "“Ký duyệt kết quả”" in message(dossier, "forwarded")


def test_the_last_forward_asks_the_leader_and_the_clerk_to_sign_and_issue_the_result(
    procedure, officers, handed
):
    dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler=officers["specialist"].pk)
    dossier = handed(dossier, "forward", officers["specialist"], "2026-03-10 11:00")
    assert told(dossier) == [("gd.tuphap", "signature_needed"), ("vt.tuphap", "signature_needed")]
    assert message(dossier, "signature_needed") == (
        f"Hồ sơ {dossier.code} đã hoàn thành các bước xử lý, chờ lãnh đạo ký duyệt. "
        "Việc cần làm: Hoàn thành giải quyết, có kết quả."
    )


def test_a_send_back_tells_who_must_redo_the_previous_step(three_steps, officers, handed):
    dossier = act(three_steps, "forward", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = handed(dossier, "send_back", officers["specialist"], "2026-03-10 09:00", reason="Phân công lại")
    assert told(dossier) == [("gd.tuphap", "sent_back"), ("tp.tuphap", "sent_back")]
    assert message(dossier, "sent_back").startswith(
        f"Hồ sơ {dossier.code} bị trả lại bước “Phân công thụ lý” để xử lý lại."
    )


def test_a_partner_request_tells_the_partner_agency_only_and_its_return_tells_the_handler(
    procedure, officers, partner, handed
):
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
    assert told(dossier, "partner_request") == [("cv.xaydung", "partner_request")]
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
    assert len(before) == 3
    tell_who_must_act([event])
    assert list(Notification.objects.order_by("pk").values_list("pk", "user_id", "key")) == before


def test_who_must_act_is_computed_from_the_table_without_a_request(awaiting_supplement, officers):
    """While the citizen's supplement is awaited, the next officer row is the counter's reception, at the
    receiving centre: its counter officer must act, not the handler at Sở Tư pháp."""
    dossier = Dossier.objects.select_related("current_step").get(pk=awaiting_supplement.pk)
    must = who_must_act(dossier, at("2026-03-11 08:00").date())
    assert (must.user_ids, must.why) == ({officers["counter"].pk}, "roles")
    assert must.unit_id == dossier.receiving_agency_id
