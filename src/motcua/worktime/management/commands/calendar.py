"""``motcua calendar YEAR``: the year's days off (other than ordinary weekends) and make-up working days."""

from django.core.management.base import BaseCommand

from motcua.worktime.cli import parse_year, scope
from motcua.worktime.engine import DayKind, format_date
from motcua.worktime.engine.formatting import weekday_name


class Command(BaseCommand):
    help = (
        "Liệt kê các ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi, nghỉ riêng và các ngày làm bù của một năm "
        "(theo thư viện ngày lễ và các điều chỉnh đã lưu)."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", help="năm, ví dụ 2026")
        parser.add_argument(
            "--unit-code", dest="unit_code", help="mã định danh đơn vị (thêm ngày nghỉ riêng)"
        )

    def handle(self, *args, year, unit_code=None, **options):
        import datetime as dt

        year = parse_year(year)
        agency, calendar, _ = scope(unit_code, dt.date(year, 1, 1), None)
        scope_text = f"{agency.name} ({agency.identifier})" if agency is not None else "toàn tỉnh"
        self.stdout.write(f"Lịch làm việc năm {year} — {scope_text}")
        days = calendar.special_days(year)
        for day in days:
            self.stdout.write(
                f"{format_date(day.date)}  {weekday_name(day.date):<9} {day.kind.value:<15} "
                f"{day.kind.label:<34} {day.name}"
            )
        off = sum(1 for d in days if d.is_day_off and d.date.weekday() < 5)
        makeup = sum(1 for d in days if d.kind is DayKind.MAKEUP_WORKDAY)
        self.stdout.write(
            f"Tổng cộng: {off} ngày nghỉ vào ngày thường (thứ Hai–thứ Sáu), {makeup} ngày làm bù; "
            f"{len(calendar.days_off(year))} ngày không làm việc kể cả thứ Bảy, Chủ nhật."
        )
