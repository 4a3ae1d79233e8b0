"""Shared helpers of the ``motcua deadline`` and ``motcua calendar`` commands: parsing with Vietnamese errors
(exit code 2) and choosing the calendar and working hours of a unit."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal, InvalidOperation

from django.core.management.base import CommandError
from django.db import DatabaseError

from motcua.worktime.engine import VIETNAM, TimeUnit, WorkCalendar, WorkingHours, WorkTimeError, check_amount
from motcua.worktime.engine.vietnam import vietnam_calendar

USAGE_ERROR = 2
_START_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def usage_error(message: str) -> CommandError:
    return CommandError(message, returncode=USAGE_ERROR)


def parse_start(text: str) -> dt.datetime:
    for fmt in _START_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).replace(tzinfo=VIETNAM)
        except ValueError:
            continue
    raise usage_error(
        f"Thời điểm bắt đầu “{text}” không hợp lệ: cần dạng YYYY-MM-DD HH:MM (ví dụ 2025-01-20 09:15)."
    )


def parse_unit(text: str) -> TimeUnit:
    try:
        return TimeUnit.parse(text)
    except WorkTimeError as exc:
        raise usage_error(str(exc)) from None


def parse_amount(text: str, unit: TimeUnit) -> int | Decimal:
    try:
        amount = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise usage_error(f"Thời hạn “{text}” không phải là một số.") from None
    if amount == amount.to_integral_value():
        amount = int(amount)
    try:
        return check_amount(amount, unit)
    except WorkTimeError as exc:
        raise usage_error(str(exc)) from None


def parse_hours(text: str) -> WorkingHours:
    try:
        return WorkingHours.parse(text)
    except WorkTimeError as exc:
        raise usage_error(str(exc)) from None


def parse_year(text: str) -> int:
    try:
        year = int(text)
    except (TypeError, ValueError):
        raise usage_error(f"Năm “{text}” không hợp lệ: cần một số có 4 chữ số (ví dụ 2026).") from None
    calendar = vietnam_calendar()
    if not calendar.first_year <= year <= calendar.last_year:
        raise usage_error(
            f"Năm {year} nằm ngoài phạm vi lịch làm việc ({calendar.first_year}–{calendar.last_year})."
        )
    return year


def find_agency(code: str, on: dt.date):
    from motcua.org.services import agency_on

    try:
        agency = agency_on(code, on)
    except DatabaseError as exc:
        raise usage_error(f"Không đọc được danh mục cơ quan (cơ sở dữ liệu chưa sẵn sàng: {exc}).") from None
    if agency is None:
        raise usage_error(f"Không tìm thấy cơ quan có mã định danh “{code}” vào ngày {on:%d/%m/%Y}.")
    return agency


def scope(code: str | None, on: dt.date, hours_text: str | None) -> tuple[object, WorkCalendar, WorkingHours]:
    """(agency or None, calendar, working hours) for the command line options."""
    from motcua.worktime import services

    hours = parse_hours(hours_text) if hours_text is not None else None
    agency = find_agency(code, on) if code else None
    try:
        calendar = services.calendar_for(agency)
        if hours is None:
            hours = services.hours_for(agency, on)
    except DatabaseError as exc:
        if agency is not None:
            raise usage_error(
                f"Không đọc được lịch làm việc của đơn vị (cơ sở dữ liệu chưa sẵn sàng, hãy chạy “motcua migrate”: {exc})."
            ) from None
        # No database yet (not migrated): the package calendar and the default hours are still right.
        sys.stderr.write(
            "Cảnh báo: chưa đọc được các điều chỉnh lịch đã lưu; dùng lịch của thư viện ngày lễ.\n"
        )
        calendar = vietnam_calendar()
        if hours is None:
            from motcua.org.services import default_working_hours

            hours = WorkingHours(default_working_hours())
    except WorkTimeError as exc:
        raise usage_error(str(exc)) from None
    return agency, calendar, hours
