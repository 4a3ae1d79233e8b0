"""Stored overrides (TTHC controllers' corrections) change the calendar for computations made afterwards, with an
audit entry; appointments already given are stored values and do not move."""

import datetime as dt

import pytest

from motcua.core.models import AuditEntry
from motcua.worktime import services
from motcua.worktime.engine import DayKind
from motcua.worktime.models import CalendarOverride
from tests.builders.worktime import at

D = dt.date


def _override(day, kind, name="Điều chỉnh", agency=None, actor=None):
    return services.save_override(
        CalendarOverride(date=day, kind=kind, name=name, source_doc="Thông báo số 1/TB-UBND", agency=agency),
        actor=actor,
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    services.invalidate_calendars()
    yield
    services.invalidate_calendars()


@pytest.mark.django_db
def test_added_day_off_moves_new_computations_but_not_stored_appointments(officer):
    received = at("2025-03-10 09:15")
    stored_appointment = services.compute_due(received, 3, "working_days")  # stored on the dossier
    assert stored_appointment == at("2025-03-13 09:15")

    _override(D(2025, 3, 12), DayKind.LOCAL_OFF, "Nghỉ theo quyết định của UBND tỉnh", actor=officer)

    assert services.compute_due(received, 3, "working_days") == at("2025-03-14 09:15")
    assert stored_appointment == at("2025-03-13 09:15")  # never recomputed behind the dossier's back
    entry = AuditEntry.objects.get(object_type="worktime.calendaroverride")
    assert entry.action == AuditEntry.Action.CREATE and entry.actor == officer
    assert CalendarOverride.objects.get().created_by == officer


@pytest.mark.django_db
def test_workday_override_cancels_a_package_holiday_and_makeup_adds_a_saturday():
    assert not services.calendar_for().is_working_day(D(2026, 9, 1))
    _override(D(2026, 9, 1), DayKind.WORKDAY, "Điều chỉnh theo thông báo chính thức")
    _override(D(2026, 3, 7), DayKind.MAKEUP_WORKDAY, "Làm bù")
    calendar = services.calendar_for()
    assert calendar.is_working_day(D(2026, 9, 1))
    assert calendar.is_working_day(D(2026, 3, 7))
    assert calendar.special_day(D(2026, 9, 1)).kind is DayKind.WORKDAY


@pytest.mark.django_db
def test_deleting_an_override_restores_the_package_day():
    override = _override(D(2025, 3, 12), DayKind.HOLIDAY, "Nghỉ")
    assert not services.calendar_for().is_working_day(D(2025, 3, 12))
    services.delete_override(override)
    assert services.calendar_for().is_working_day(D(2025, 3, 12))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).count() == 1


@pytest.mark.django_db
def test_local_day_off_applies_to_the_unit_and_its_subunits_only(province):
    _override(D(2025, 3, 12), DayKind.LOCAL_OFF, "Nghỉ lễ hội địa phương", agency=province["justice"])
    assert not services.calendar_for(province["justice"]).is_working_day(D(2025, 3, 12))
    assert not services.calendar_for(province["division"]).is_working_day(D(2025, 3, 12))
    assert services.calendar_for(province["building"]).is_working_day(D(2025, 3, 12))
    assert services.calendar_for().is_working_day(D(2025, 3, 12))


@pytest.mark.django_db
def test_unit_override_wins_over_a_global_one(province):
    _override(D(2025, 3, 12), DayKind.LOCAL_OFF, "Nghỉ toàn tỉnh")
    _override(D(2025, 3, 12), DayKind.WORKDAY, "Trung tâm vẫn làm việc", agency=province["centre"])
    assert not services.calendar_for(province["building"]).is_working_day(D(2025, 3, 12))
    assert services.calendar_for(province["centre"]).is_working_day(D(2025, 3, 12))


@pytest.mark.django_db
def test_other_processes_see_a_change_after_the_check_interval(monkeypatch):
    assert services.calendar_for().is_working_day(D(2025, 3, 12))
    # Written by "another process": no signal reaches this one's cache.
    CalendarOverride.objects.bulk_create(
        [CalendarOverride(date=D(2025, 3, 12), kind=DayKind.HOLIDAY, name="Nghỉ", source_doc="TB")]
    )
    assert services.calendar_for().is_working_day(D(2025, 3, 12))  # still cached
    monkeypatch.setattr(services, "CHECK_SECONDS", 0.0)
    assert not services.calendar_for().is_working_day(D(2025, 3, 12))


@pytest.mark.django_db
def test_override_validation():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="thứ Bảy hoặc Chủ nhật"):
        _override(D(2025, 3, 12), DayKind.MAKEUP_WORKDAY)
    _override(D(2025, 3, 12), DayKind.HOLIDAY)
    with pytest.raises(ValidationError):
        _override(D(2025, 3, 12), DayKind.LOCAL_OFF)  # one global override per date


@pytest.mark.django_db
def test_unit_working_hours_are_used(province):
    from motcua.org.models import WorkingHours as StoredHours

    StoredHours.objects.create(
        agency=province["ubnd"],
        valid_from=D(2024, 1, 1),
        morning_start=dt.time(7, 0),
        morning_end=dt.time(11, 30),
    )
    # The commune has no timetable of its own: its parent's (07:00–11:30, 13:30–17:00) applies.
    due = services.compute_due(at("2025-03-10 07:00"), 8, "working_hours", agency=province["commune_a"])
    assert due == at("2025-03-10 17:00")
