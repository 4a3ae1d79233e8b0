"""Work nobody handles yet (a dossier just transferred, a step with no handler) is not forgotten by the deadline
sweep: the leaders of its unit hear of the dossier, and the people of the step's queue of the step — the division
head who assigns a step waiting in “Chờ phân công”, the director of a step to sign, the clerk of a step to issue,
as the hand-overs tell them — are warned, never an officer of another agency, once; and the sweep writes its
warnings in a bounded number of statements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.notifications.models import Notification
from motcua.notifications.sweep import sweep
from motcua.org.models import RoleAssignment
from tests.builders.dossiers import at, transferred
from tests.builders.org import staff_member

pytestmark = pytest.mark.django_db

NO_HANDLER = "chưa có người xử lý"
# The statements of one sweep whatever the number of dossiers: the calendar, the agency tree, the role assignments,
# the open dossiers, the open steps, the controllers (only when some work has nobody else), one insert per 5,000
# warnings.
MAX_QUERIES = 7


@pytest.fixture
def unassigned(procedure, officers):
    """Received on Monday 09/03/2026 09:15 and transferred to Sở Tư pháp at 10:00 (due 18/03 09:15, its step 18/03
    10:00): nobody has been assigned to it."""
    dossier = transferred(officers)
    dossier.refresh_from_db()
    assert dossier.current_handler_id is None
    return dossier


def warned(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__username", "message"))


def test_an_unassigned_dossier_due_soon_warns_its_leaders_and_dispatchers_that_it_has_no_handler(
    unassigned, officers
):
    result = sweep(at("2026-03-17 10:00"))

    message = (
        f"Hồ sơ {unassigned.code} chưa có người xử lý, sắp đến hạn trả kết quả (09:15 18/03/2026): "
        "cần phân công xử lý."
    )
    assert (result.due_soon, result.overdue, result.unassigned) == (1, 0, 1)
    # the director of Sở Tư pháp and the head of its division: both may assign (T6 “Phân công xử lý”)
    assert warned("due_soon") == [("gd.tuphap", message), ("tp.tuphap", message)]
    assert result.notifications == 3  # and the division head, who assigns, about its step (due 18/03 10:00)


def test_an_overdue_unassigned_dossier_says_so(unassigned, officers):
    sweep(at("2026-03-18 09:30"))

    message = Notification.objects.get(user=officers["lead"], kind="overdue").message
    assert message == (
        f"Hồ sơ {unassigned.code} chưa có người xử lý, đã quá hạn trả kết quả (09:15 18/03/2026): "
        "cần phân công xử lý."
    )


def test_an_unassigned_step_warns_the_division_head_who_assigns_it_that_it_has_no_handler(
    unassigned, officers
):
    result = sweep(at("2026-03-18 09:30"))  # the step is due at 10:00

    message = (
        f"Bước “Thẩm định, xử lý hồ sơ” của hồ sơ {unassigned.code} chưa có người xử lý, sắp đến hạn "
        "(10:00 18/03/2026): cần phân công xử lý."
    )
    assert (result.steps_due_soon, result.steps_overdue, result.steps_unassigned) == (1, 0, 1)
    assert warned("step_due_soon") == [("tp.tuphap", message)]
    assert not Notification.objects.filter(user=officers["specialist"]).exists()


def test_sweeping_again_creates_nothing(unassigned, officers):
    first = sweep(at("2026-03-18 11:00"))
    written = Notification.objects.count()

    again = sweep(at("2026-03-18 11:30"))

    assert first.notifications == written == 3  # the dossier to two leaders, its step to the division head
    assert (again.overdue, again.steps_overdue, again.unassigned) == (1, 1, 1)
    assert again.notifications == 0 and Notification.objects.count() == written


def test_unassigned_work_with_no_leader_goes_to_the_controllers(unassigned, officers):
    RoleAssignment.objects.filter(role__in=["AGENCY_LEAD", "DEPT_LEAD"]).delete()

    result = sweep(at("2026-03-18 11:00"))

    assert (result.overdue, result.unassigned, result.steps_overdue, result.steps_unassigned) == (1, 1, 1, 1)
    assert (result.told_controllers, result.untold, result.steps_untold) == (2, 0, 0)
    told = set(Notification.objects.values_list("user__username", flat=True))
    wide = set(
        RoleAssignment.objects.filter(role__in=["ADMIN", "TTHC_CONTROLLER"]).values_list(
            "user__username", flat=True
        )
    )
    assert told and told <= wide


def test_unassigned_work_with_nobody_at_all_is_counted_and_writes_nothing(unassigned, officers):
    RoleAssignment.objects.filter(role__in=["AGENCY_LEAD", "DEPT_LEAD", "ADMIN", "TTHC_CONTROLLER"]).delete()

    result = sweep(at("2026-03-18 11:00"))

    assert (result.untold, result.steps_untold, result.told_controllers) == (1, 1, 0)
    assert result.notifications == 0 and not Notification.objects.exists()


def test_leaders_of_other_agencies_are_not_warned(unassigned, officers, province):
    """Never upwards across agencies, never sideways: UBND tỉnh (Sở Tư pháp's parent), the centre that received the
    dossier, Sở Xây dựng and a commune hold leader roles of their own and hear nothing; an inactive leader of Sở Tư
    pháp neither."""
    staff_member("ct.tinh", "AGENCY_LEAD", province["ubnd"])
    staff_member("gd.trungtam", "CENTRE_HEAD", province["centre"])
    staff_member("gd.xaydung", "AGENCY_LEAD", province["building"])
    staff_member("ct.donghoa", "AGENCY_LEAD", province["commune_a"])
    gone = staff_member("pgd.tuphap", "AGENCY_LEAD", province["justice"])
    gone.is_active = False
    gone.save()

    sweep(at("2026-03-18 11:00"))

    assert set(Notification.objects.values_list("user__username", flat=True)) == {"gd.tuphap", "tp.tuphap"}


def test_a_dossier_still_at_the_centre_warns_the_centre_head(procedure, officers, province):
    """Received but not yet transferred, the dossier is at the centre: its head hears of it (and Sở Tư pháp's
    leaders, whose deadline it is)."""
    from motcua.dossiers.services.intake import receive_at_counter
    from tests.builders.dossiers import request_for

    staff_member("gd.trungtam", "CENTRE_HEAD", province["centre"])
    dossier = receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))

    result = sweep(at("2026-03-18 11:00"))

    assert (result.overdue, result.unassigned) == (1, 1)
    assert set(Notification.objects.filter(dossier=dossier).values_list("user__username", flat=True)) == {
        "gd.trungtam",
        "gd.tuphap",
        "tp.tuphap",
    }


def test_a_sweep_takes_a_bounded_number_of_statements(procedure, officers):
    for day in range(9, 14):  # five dossiers, each with its step, all overdue by 27/03
        transferred(officers, received=f"2026-03-{day:02d} 09:15", transferred=f"2026-03-{day:02d} 10:00")

    with CaptureQueriesContext(connection) as queries:
        result = sweep(at("2026-03-27 11:00"))

    assert (result.overdue, result.steps_overdue, result.notifications) == (5, 5, 15)
    assert len(queries) <= MAX_QUERIES


@pytest.fixture
def signed_process(make_procedure):
    from tests.builders.catalog import SIGNED_PROCESS

    return make_procedure(steps=SIGNED_PROCESS)


def test_a_late_step_to_sign_or_to_issue_reminds_the_holders_of_its_role(signed_process, officers, province):
    """Two directors (nobody is named for the signature): both are reminded of the late step to sign, as the
    hand-over told them, without “cần phân công”; then the clerk of the late step to issue — not the leaders."""
    from tests.builders.dossiers import act

    staff_member("pgd.tuphap", "AGENCY_LEAD", province["justice"])
    dossier = transferred(officers)
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-12 09:00")
    dossier = act(dossier, "forward", officers["dept"], "2026-03-12 10:00")  # to sign, due 12/03 16:00

    result = sweep(at("2026-03-12 16:30"))

    message = f"Bước “Ký duyệt kết quả” của hồ sơ {dossier.code} đã quá hạn (16:00 12/03/2026)."
    assert warned("step_overdue") == [("gd.tuphap", message), ("pgd.tuphap", message)]
    assert (result.steps_overdue, result.steps_unassigned) == (1, 0)

    dossier = act(dossier, "approve", officers["lead"], "2026-03-12 16:45")  # to issue, due 13/03 09:15
    Notification.objects.all().delete()
    sweep(at("2026-03-13 10:00"))
    message = f"Bước “Vào số, phát hành kết quả” của hồ sơ {dossier.code} đã quá hạn (09:15 13/03/2026)."
    assert warned("step_overdue") == [("vt.tuphap", message)]
