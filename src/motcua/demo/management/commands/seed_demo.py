from django.core.management.base import BaseCommand

from motcua.catalog.demo import load_demo_catalog
from motcua.catalog.demo_processes import load_demo_processes
from motcua.demo.feedback import seed_feedback
from motcua.demo.loader import DEMO_PASSWORD, load_province


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa: tỉnh sau sắp xếp 2025 (cơ quan, cán bộ) và danh mục thủ tục mẫu giao cho các đơn vị, quy trình nội bộ của từng thủ tục. "
        "Chạy lại nhiều lần không tạo trùng."
    )

    def handle(self, *args, **options):
        counts = load_province()
        self.stdout.write(counts.summary())
        catalog = load_demo_catalog()
        self.stdout.write(
            "Danh mục thủ tục mẫu: %d tạo mới, %d cập nhật, %d không đổi."
            % (catalog.created, catalog.updated, catalog.unchanged)
        )
        flows = load_demo_processes()
        self.stdout.write(
            "Quy trình nội bộ minh họa: %d công bố mới, %d cập nhật, %d không đổi."
            % (flows.created, flows.updated, flows.unchanged)
        )
        feedback = seed_feedback()
        self.stdout.write("Phản ánh, kiến nghị minh họa: %d thêm mới." % feedback)
        if options["verbosity"] >= 1:
            self.stdout.write(f"Mật khẩu của mọi tài khoản minh họa: {DEMO_PASSWORD}")
            self.stdout.write(
                "Lãnh đạo và quản trị đăng nhập bằng hai bước: lần đầu, trang đăng nhập hiện mã QR để cài ứng dụng "
                "xác thực (MOTCUA_2FA_REQUIRED_ROLES= MOTCUA_2FA_REQUIRED_FOR_STAFF=0 để thử không cần điện thoại)."
            )
