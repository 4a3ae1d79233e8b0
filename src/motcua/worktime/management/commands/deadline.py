"""``motcua deadline``: the due date-time (ngày hẹn trả) of a time limit. First line: ISO 8601 with +07:00."""

from django.core.management.base import BaseCommand

from motcua.worktime.cli import parse_amount, parse_start, parse_unit, scope, usage_error
from motcua.worktime.engine import Duration, WorkTimeEngine, WorkTimeError, format_datetime


class Command(BaseCommand):
    help = (
        "Tính ngày hẹn trả kết quả: thời điểm tiếp nhận + thời hạn (giờ làm việc, ngày làm việc, ngày, tháng), "
        "theo lịch nghỉ lễ và giờ làm việc. Dòng đầu là thời điểm hẹn trả theo ISO 8601 (+07:00)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="thời điểm tiếp nhận, dạng “YYYY-MM-DD HH:MM”")
        parser.add_argument("--amount", required=True, help="thời hạn (số, không âm)")
        parser.add_argument(
            "--unit", required=True, help="working_days | working_hours | calendar_days | months | same_day"
        )
        parser.add_argument(
            "--hours", help="giờ làm việc, dạng “HH:MM-HH:MM,HH:MM-HH:MM” (ghi đè giờ của đơn vị)"
        )
        parser.add_argument(
            "--unit-code", dest="unit_code", help="mã định danh của đơn vị, ví dụ 000.00.06.H56"
        )

    def handle(self, *args, start, amount, unit, hours=None, unit_code=None, **options):
        start_at = parse_start(start)
        time_unit = parse_unit(unit)
        limit = Duration(parse_amount(amount, time_unit), time_unit)
        agency, calendar, working_hours = scope(unit_code, start_at.date(), hours)
        engine = WorkTimeEngine(calendar, working_hours)
        try:
            received = engine.normalize(start_at)
            due = engine.due_for(start_at, limit)
        except WorkTimeError as exc:
            raise usage_error(str(exc)) from None
        self.stdout.write(due.isoformat())
        self.stdout.write(f"Hẹn trả: {format_datetime(due)}")
        self.stdout.write(f"Tính từ: {format_datetime(received)}; thời hạn: {limit.label()}")
        scope_text = f"{agency.name} ({agency.identifier})" if agency is not None else "mặc định"
        self.stdout.write(f"Giờ làm việc: {working_hours.label()} — đơn vị: {scope_text}")
