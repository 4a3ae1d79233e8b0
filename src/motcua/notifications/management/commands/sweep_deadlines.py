from django.core.management.base import BaseCommand

from motcua.notifications.sweep import sweep


class Command(BaseCommand):
    help = (
        "Cảnh báo hồ sơ và bước xử lý sắp đến hạn, quá hạn cho người xử lý, lãnh đạo và người phân công "
        "(hồ sơ chưa có người xử lý); bộ lập lịch chạy 5 phút một lần."
    )

    def handle(self, *args, **options):
        result = sweep()
        self.stdout.write(
            f"Hồ sơ sắp đến hạn: {result.due_soon}; quá hạn: {result.overdue}; "
            f"chưa có người xử lý: {result.unassigned}; "
            f"bước sắp đến hạn: {result.steps_due_soon}; bước quá hạn: {result.steps_overdue}; "
            f"bước chưa có người xử lý: {result.steps_unassigned}; "
            f"báo cho kiểm soát TTHC (đơn vị không có lãnh đạo): {result.told_controllers}; "
            f"không có ai để báo: {result.untold + result.steps_untold}; "
            f"thông báo mới: {result.notifications}."
        )
