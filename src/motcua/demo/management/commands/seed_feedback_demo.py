from django.core.management.base import BaseCommand

from motcua.demo.feedback import seed_feedback


class Command(BaseCommand):
    help = "Nạp phản ánh, kiến nghị minh họa (sau seed_demo). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        self.stdout.write("Phản ánh, kiến nghị minh họa: %d đã thêm." % seed_feedback())
