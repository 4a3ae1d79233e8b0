from django.core.management.base import BaseCommand

from motcua.demo.loader import DEMO_PASSWORD, load_province


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa (tỉnh sau sắp xếp 2025, cơ quan, cán bộ). Chạy lại nhiều lần không tạo trùng."
    )

    def handle(self, *args, **options):
        counts = load_province()
        self.stdout.write(counts.summary())
        if options["verbosity"] >= 1:
            self.stdout.write(f"Mật khẩu của mọi tài khoản minh họa: {DEMO_PASSWORD}")
